import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json';
import { adoptTokenSheet } from '../stories/design/token-sheet.js';
import '../stories/preview.css';

// Autodocs read attributes, properties, events, slots, parts and CSS properties from the manifest
// (`npm run manifest` regenerates it from the components' JSDoc).
setCustomElementsManifest(customElements);
adoptTokenSheet();

const preview: Preview = {
  parameters: {
    // The frame below paints the theme's surface edge to edge.
    layout: 'fullscreen',
    controls: { expanded: true },
    // Any axe violation fails the story's test (the panel shows it red, and a story test run fails).
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Theme of every kit element in the story',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language the kit speaks (the wrapper’s lang attribute)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'es', title: 'Español', right: 'es' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [
    // A plain wrapper, as a host page would have: `theme` switches the kit's colour scheme, `lang` its language.
    (story, context) => {
      const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
      const locale = context.globals['locale'] === 'es' ? 'es' : 'en';
      const frame = context.viewMode === 'story' ? 'sb-theme sb-frame' : 'sb-theme';
      return html`<div class=${frame} theme=${theme} lang=${locale}>${story()}</div>`;
    },
  ],
};

export default preview;

import type { StorybookConfig } from '@storybook/web-components-vite';

/** Lit and its parts: pre-bundling them separately from our sources would load two copies of Lit. */
const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'];

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const oxc = viteConfig.oxc === false ? {} : (viteConfig.oxc ?? {});
    return {
      ...viteConfig,
      // The kit uses legacy decorators (experimentalDecorators, useDefineForClassFields: false). Vite 8's Oxc
      // transform reads tsconfig.json, but says nothing if it ever stops doing so and leaves decorators in the
      // output, so the same choice is stated here: a changed tsconfig cannot silently break every story.
      oxc: {
        ...oxc,
        decorator: { ...oxc.decorator, legacy: true },
        typescript: { ...oxc.typescript, removeClassFieldsWithoutInitializer: true },
        assumptions: { ...oxc.assumptions, setPublicClassFields: true },
      },
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), ...LIT_PACKAGES],
      },
      resolve: {
        ...viteConfig.resolve,
        dedupe: [...(viteConfig.resolve?.dedupe ?? []), ...LIT_PACKAGES],
      },
    };
  },
};

export default config;

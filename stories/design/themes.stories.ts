import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/components/button/define.js';
import '../../src/components/card/define.js';
import '../../src/components/alert/define.js';
import '../../src/components/switch/define.js';
import '../../src/components/term/define.js';
import '../../src/components/dialog/define.js';
import type { IopDialog } from '../../src/components/dialog/dialog.js';
import { THEMES, type ThemeName } from './token-sheet.js';

/**
 * Light and dark side by side. Each half is a plain `<div theme="light|dark">`, as on a host page: every kit
 * element inside follows it. Without `theme` anywhere, the kit follows the user's `prefers-color-scheme`.
 */
const meta = {
  title: 'Design system/Themes',
  tags: ['autodocs'],
  parameters: { controls: { disable: true } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const themeLabel: Record<ThemeName, string> = { light: 'Light theme', dark: 'Dark theme' };

function openNextDialog(event: Event): void {
  const dialog = (event.currentTarget as Element).nextElementSibling as IopDialog | null;
  void dialog?.show();
}

const primitives = (theme: ThemeName) => html`
  <h2 class="sb-heading">${themeLabel[theme]}</h2>
  <div class="sb-row">
    <iop-button>Join session</iop-button>
    <iop-button variant="secondary">Reschedule</iop-button>
    <iop-button variant="crisis" href="tel:988">Call 988</iop-button>
    <iop-button variant="quiet">Not now</iop-button>
    <iop-button loading>Saving</iop-button>
    <iop-button disabled>Disabled</iop-button>
  </div>
  <iop-card heading-level="3">
    <span slot="heading">Your next session</span>
    <p>
      Couples session with Dr. Rivera, Tuesday at 6:00 pm. Your
      <iop-term definition="A set amount, like $20, that you pay for a visit.">copay</iop-term> is $20.
    </p>
    <iop-switch name="pets-${theme}">Bring my pet to sessions</iop-switch>
    <iop-button slot="actions">Join</iop-button>
  </iop-card>
  <iop-card variant="crisis" heading-level="3">
    <span slot="heading">In danger now?</span>
    <p>Call 911. For the crisis line, call or text 988.</p>
  </iop-card>
  <iop-alert variant="info" live="off">Sessions move to a new video link next week.</iop-alert>
  <iop-alert variant="success" live="off">Your follow-up is booked.</iop-alert>
  <iop-alert variant="warning" live="off">You are offline. We will save when you are back.</iop-alert>
  <iop-alert variant="danger" live="off">We could not save your choice.</iop-alert>
  <div>
    <iop-button variant="secondary" @click=${openNextDialog}>Open a dialog</iop-button>
    <iop-dialog label="Join your session">
      <p>Your session starts in 5 minutes.</p>
      <iop-button slot="footer">Join now</iop-button>
    </iop-dialog>
  </div>
`;

export const SideBySide: Story = {
  render: () => html`
    <div class="sb-side-by-side">
      ${THEMES.map(
        (theme) => html`
          <section class="sb-theme" theme=${theme} aria-label=${themeLabel[theme]}>
            ${primitives(theme)}
          </section>
        `,
      )}
    </div>
  `,
};

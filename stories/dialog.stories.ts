import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/dialog/define.js';
import '../src/components/button/define.js';
import '../src/components/term/define.js';
import type { IopDialog } from '../src/components/dialog/dialog.js';

const meta = {
  title: 'Primitives/Dialog',
  component: 'iop-dialog',
  tags: ['autodocs'],
  // Open dialogs are modal: each story gets its own frame so the docs page stays usable.
  parameters: { docs: { story: { inline: false, iframeHeight: 480 } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** Opens the dialog that follows the button: the usual way a page opens one. */
function openNext(event: Event): void {
  const next = (event.currentTarget as Element).nextElementSibling as IopDialog | null;
  void next?.show();
}

const withOpener = (label: string, dialog: TemplateResult) =>
  html`<iop-button @click=${openNext}>${label}</iop-button>${dialog}`;

const sessionDialog = (open: boolean) => html`
  <iop-dialog label="Join your session" ?open=${open}>
    <p>Your couples session with Dr. Rivera starts in 5 minutes.</p>
    <iop-button slot="footer" variant="secondary">Not now</iop-button>
    <iop-button slot="footer">Join now</iop-button>
  </iop-dialog>
`;

/** Closed: nothing shows until something opens it. */
export const Closed: Story = { render: () => withOpener('Join your session', sessionDialog(false)) };

/** Open, labelled by `label`, with actions in the footer. */
export const Open: Story = { render: () => withOpener('Join your session', sessionDialog(true)) };

/** A rich heading from the `heading` slot. */
export const HeadingSlot: Story = {
  render: () => html`
    <iop-dialog open>
      <span slot="heading">Your plan, <em>in plain words</em></span>
      <p>
        Your
        <iop-term definition="What you pay each year before your plan starts to pay.">deductible</iop-term> is
        $1,500. You have paid $900 of it.
      </p>
    </iop-dialog>
  `,
};

/** Crisis: no light dismiss; focus starts on the first action of the content, the call to 911. */
export const Crisis: Story = {
  render: () => html`
    <iop-dialog label="Get help now" open>
      <iop-button variant="crisis" href="tel:911">In danger now? Call 911</iop-button>
      <p>Or call or text <a href="tel:988">988</a>, any time, day or night.</p>
    </iop-dialog>
  `,
};

/** `light-dismiss`: a click on the backdrop closes it (never for crisis help). */
export const LightDismiss: Story = {
  render: () =>
    withOpener(
      'What is a copay?',
      html`<iop-dialog label="Copay" light-dismiss open>
        <p>A set amount you pay for a visit. Click outside to close.</p>
      </iop-dialog>`,
    ),
};

/** Long content: the dialog stays inside the screen and its body scrolls. */
export const LongContent: Story = {
  render: () => html`
    <iop-dialog label="Grounding: 5, 4, 3, 2, 1" open>
      ${[
        '5 things you can see',
        '4 things you can touch',
        '3 things you can hear',
        '2 things you can smell',
        '1 thing you can taste',
      ].map(
        (step) =>
          html`<h3>${step}</h3>
            <p>
              Take your time. Breathe in slowly, and out slowly. Name each one out loud or in your head.
            </p>`,
      )}
      <iop-button slot="footer">I feel calmer</iop-button>
    </iop-dialog>
  `,
};

/** Phone width: a full-width sheet at the bottom of a 320 px screen. */
export const Phone: Story = {
  ...Open,
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

/** The dark theme. */
export const Dark: Story = {
  render: () => html`
    <iop-dialog label="Join your session" theme="dark" open>
      <p>Your couples session with Dr. Rivera starts in 5 minutes.</p>
      <iop-button slot="footer" theme="dark">Join now</iop-button>
    </iop-dialog>
  `,
};

/** Spanish: the close button says "Cerrar". */
export const Spanish: Story = {
  render: () => html`
    <div lang="es">
      <iop-dialog label="Únase a su sesión" open>
        <p>Su sesión de pareja con la Dra. Rivera empieza en 5 minutos.</p>
        <iop-button slot="footer" variant="secondary">Ahora no</iop-button>
        <iop-button slot="footer">Unirse ahora</iop-button>
      </iop-dialog>
    </div>
  `,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/card/define.js';
import '../src/components/button/define.js';

const meta = { title: 'Primitives/Card', component: 'iop-card', tags: ['autodocs'] } satisfies Meta;
export default meta;
type Story = StoryObj;

const session = (variant: 'raised' | 'outlined') => html`
  <iop-card variant=${variant}>
    <span slot="heading">Your next session</span>
    <p>Couples session with Dr. Rivera, Tuesday at 6:00 pm.</p>
    <span slot="footer">Updated 5 minutes ago</span>
    <iop-button slot="actions" variant="secondary">Reschedule</iop-button>
    <iop-button slot="actions">Join</iop-button>
  </iop-card>
`;

export const Raised: Story = { render: () => session('raised') };

export const Outlined: Story = { render: () => session('outlined') };

export const Crisis: Story = {
  render: () => html`
    <iop-card variant="crisis">
      <span slot="heading">In danger now?</span>
      <p>Call 911. For the crisis line, call or text 988.</p>
      <iop-button slot="actions" variant="crisis" href="tel:911">Call 911</iop-button>
      <iop-button slot="actions" variant="secondary" href="tel:988">Call 988</iop-button>
    </iop-card>
  `,
};

export const BodyOnly: Story = { render: () => html`<iop-card>Just a body, no header or footer.</iop-card>` };

export const HeadingLevel4: Story = {
  render: () => html`
    <iop-card heading-level="4" variant="outlined">
      <span slot="heading">Deductible</span>
      <p>What you pay before your plan starts to pay.</p>
    </iop-card>
  `,
};

export const Dark: Story = {
  render: () => html`
    <iop-card theme="dark"><span slot="heading">Raised</span>A raised card in the dark theme.</iop-card>
    <iop-card theme="dark" variant="outlined"><span slot="heading">Outlined</span>An outlined card.</iop-card>
    <iop-card theme="dark" variant="crisis">
      <span slot="heading">In danger now?</span>
      Call 911.
      <iop-button slot="actions" theme="dark" variant="crisis" href="tel:911">Call 911</iop-button>
    </iop-card>
  `,
};

export const Spanish: Story = {
  render: () => html`
    <div lang="es">
      <iop-card variant="crisis">
        <span slot="heading">¿En peligro ahora?</span>
        <p>Llame al 911. Para la línea de crisis, llame o envíe un mensaje al 988 (oprima 2 para español).</p>
        <span slot="footer">Disponible las 24 horas</span>
        <iop-button slot="actions" variant="crisis" href="tel:911">Llamar al 911</iop-button>
      </iop-card>
    </div>
  `,
};

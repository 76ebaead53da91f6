import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/term/define.js';

const meta = { title: 'Primitives/Term', component: 'iop-term', tags: ['autodocs'] } satisfies Meta;
export default meta;
type Story = StoryObj;

const DEDUCTIBLE = 'What you pay each year for care before your plan starts to pay.';

/** Closed: the term is a button with a dotted underline, inside a sentence. */
export const Closed: Story = {
  render: () =>
    html`<p>You have met $900 of your <iop-term definition=${DEDUCTIBLE}>deductible</iop-term>.</p>`,
};

/** Open: the definition shows under the term and is read out by screen readers. */
export const Open: Story = {
  render: () =>
    html`<p>You have met $900 of your <iop-term open definition=${DEDUCTIBLE}>deductible</iop-term>.</p>`,
};

/** A definition with a little markup, from the `definition` slot. */
export const RichDefinition: Story = {
  render: () => html`
    <p>
      Each visit has a
      <iop-term open
        >copay<span slot="definition"
          >A <strong>set amount</strong>, like $20, that you pay for a visit.</span
        ></iop-term
      >.
    </p>
  `,
};

/** At the right edge of a narrow screen the definition moves left to stay on screen. */
export const NearTheEdge: Story = {
  render: () => html`
    <p dir="rtl">
      <iop-term dir="ltr" open definition="Approval your plan needs before some services, or it may not pay."
        >prior authorization</iop-term
      >
    </p>
  `,
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

/** The dark theme. */
export const Dark: Story = {
  render: () => html` <p><iop-term theme="dark" open definition=${DEDUCTIBLE}>deductible</iop-term></p> `,
};

/** Spanish. */
export const Spanish: Story = {
  render: () => html`
    <p lang="es">
      Ya pagó $900 de su
      <iop-term open definition="Lo que paga cada año por su atención antes de que su plan empiece a pagar."
        >deducible</iop-term
      >.
    </p>
  `,
};

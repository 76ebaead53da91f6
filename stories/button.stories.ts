import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/button/define.js';

type ButtonArgs = {
  text: string;
  variant: 'primary' | 'secondary' | 'crisis' | 'quiet';
  size: 'sm' | 'md' | 'lg';
  loading: boolean;
  disabled: boolean;
  block: boolean;
  href?: string;
};

const meta = {
  title: 'Primitives/Button',
  component: 'iop-button',
  tags: ['autodocs'],
  args: {
    text: 'Join session',
    variant: 'primary',
    size: 'md',
    loading: false,
    disabled: false,
    block: false,
  },
  argTypes: {
    text: { control: 'text', description: 'The label (default slot).' },
    variant: { control: 'inline-radio', options: ['primary', 'secondary', 'crisis', 'quiet'] },
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    href: { control: 'text' },
  },
  render: (args) =>
    html`<iop-button
      variant=${args.variant}
      size=${args.size}
      ?loading=${args.loading}
      ?disabled=${args.disabled}
      ?block=${args.block}
      href=${ifDefined(args.href || undefined)}
    >
      ${args.text}</iop-button
    >`,
} satisfies Meta<ButtonArgs>;
export default meta;
type Story = StoryObj<ButtonArgs>;

/** Every attribute as a control. */
export const Playground: Story = {};

export const Primary: Story = { args: { variant: 'primary', text: 'Join session' } };

export const Secondary: Story = { args: { variant: 'secondary', text: 'See my plan' } };

/** For getting help now. Never smaller than 44 × 44 px, whatever `size` says. */
export const Crisis: Story = { args: { variant: 'crisis', text: 'Call 988 now', href: 'tel:988' } };

export const Quiet: Story = { args: { variant: 'quiet', text: 'Not now' } };

export const AllVariants: Story = {
  render: () => html`
    <div class="sb-row">
      <iop-button>Primary</iop-button>
      <iop-button variant="secondary">Secondary</iop-button>
      <iop-button variant="crisis">Crisis</iop-button>
      <iop-button variant="quiet">Quiet</iop-button>
    </div>
  `,
};

/** `sm`, `md` (default) and `lg`. The crisis button keeps its 44 px minimum even at `sm`. */
export const Sizes: Story = {
  render: () => html`
    <div class="sb-stack">
      <div class="sb-row">
        <iop-button size="sm">Small</iop-button>
        <iop-button size="md">Medium</iop-button>
        <iop-button size="lg">Large</iop-button>
      </div>
      <div class="sb-row">
        <iop-button size="sm" variant="crisis">Small crisis</iop-button>
        <iop-button size="md" variant="crisis">Medium crisis</iop-button>
        <iop-button size="lg" variant="crisis">Large crisis</iop-button>
      </div>
    </div>
  `,
};

/** A spinner, a "Loading" announcement for screen readers, and clicks are ignored. The label stays. */
export const Loading: Story = {
  render: () => html`
    <div class="sb-row">
      <iop-button loading>Saving your plan</iop-button>
      <iop-button loading variant="secondary">Checking</iop-button>
      <iop-button loading variant="crisis">Connecting</iop-button>
    </div>
  `,
};

/** Kept in the tab order with `aria-disabled`, so screen-reader users still find it and hear that it is off. */
export const Disabled: Story = {
  render: () => html`
    <div class="sb-row">
      <iop-button disabled>Join session</iop-button>
      <iop-button disabled variant="secondary">See my plan</iop-button>
      <iop-button disabled variant="quiet">Not now</iop-button>
    </div>
  `,
};

/** With `href` it is a real link (`<a>`): right-click, open in new tab and "links" lists all work. */
export const LinkMode: Story = {
  render: () => html`
    <div class="sb-row">
      <iop-button href="#session">Open session page</iop-button>
      <iop-button href="#help" target="_blank" variant="secondary">Help (new tab)</iop-button>
      <iop-button href="tel:988" variant="crisis">Call 988</iop-button>
      <iop-button href="#plan" disabled variant="secondary">Disabled link</iop-button>
    </div>
  `,
};

/** `prefix` and `suffix` slots, e.g. for icons (hide decorative ones from screen readers). */
export const WithPrefixAndSuffix: Story = {
  render: () => html`
    <div class="sb-row">
      <iop-button variant="secondary"><span slot="prefix" aria-hidden="true">←</span>Back</iop-button>
      <iop-button>Next<span slot="suffix" aria-hidden="true">→</span></iop-button>
    </div>
  `,
};

export const Block: Story = {
  render: () => html`
    <div class="sb-narrow sb-stack">
      <iop-button block>Join session</iop-button>
      <iop-button block variant="secondary">Reschedule</iop-button>
    </div>
  `,
};

/** `theme="dark"` on any ancestor (here a plain `<div>`) switches the kit's colours. */
export const Dark: Story = {
  render: () => html`
    <div class="sb-theme sb-stack" theme="dark">
      <div class="sb-row">
        <iop-button>Primary</iop-button>
        <iop-button variant="secondary">Secondary</iop-button>
        <iop-button variant="crisis">Crisis</iop-button>
        <iop-button variant="quiet">Quiet</iop-button>
      </div>
      <div class="sb-row">
        <iop-button loading>Saving</iop-button>
        <iop-button disabled>Disabled</iop-button>
        <iop-button href="#session" variant="secondary">Link</iop-button>
      </div>
    </div>
  `,
};

/** `lang="es"` on an ancestor: the loading announcement says "Cargando". Labels are the host's to translate. */
export const Spanish: Story = {
  render: () => html`
    <div class="sb-row" lang="es">
      <iop-button>Unirme a la sesión</iop-button>
      <iop-button variant="secondary">Ver mi plan</iop-button>
      <iop-button variant="crisis" href="tel:988">Llamar al 988</iop-button>
      <iop-button loading>Guardando</iop-button>
    </div>
  `,
};

/**
 * In forced colours (Windows High Contrast) the button uses system colours: ButtonFace and ButtonText, LinkText
 * for links and GrayText when disabled, with its border always visible. Storybook cannot switch forced colours
 * on: emulate them in Chromium DevTools (Rendering > Emulate CSS media feature forced-colors: active).
 */
export const ForcedColors: Story = {
  render: () => html`
    <div class="sb-stack">
      <p class="sb-note">
        To check this story, emulate forced colours in DevTools: Rendering, then "Emulate CSS media feature
        forced-colors", then "active". Every button keeps a visible border; the link turns LinkText; the
        disabled one turns GrayText.
      </p>
      <div class="sb-row">
        <iop-button>Primary</iop-button>
        <iop-button variant="crisis">Crisis</iop-button>
        <iop-button variant="quiet">Quiet</iop-button>
        <iop-button href="#session" variant="secondary">Link</iop-button>
        <iop-button disabled>Disabled</iop-button>
      </div>
    </div>
  `,
};

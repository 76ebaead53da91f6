import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/pet-friendly-toggle/define.js';
import type { IopPetFriendlyToggle } from '../src/components/pet-friendly-toggle/pet-friendly-toggle.js';
import { configure, resetConfig } from '../src/core/config.js';
import { signOut } from '../src/core/client.js';
import { createMemoryBackend, type Simulation } from '../src/core/backends/memory-backend.js';
import { createSeed, type Seed } from '../src/demo-data/seed.js';

/**
 * Each story gets its own in-memory backend (the demo couple: Alex has pets on, with Biscuit the dog; Jordan
 * has it off) with the faults it shows. Stories that show a save toggle the switch in `play`, as a person would.
 */
let seed: Seed;
function withBackend(simulation: Simulation = {}, participant: 'alex' | 'jordan' = 'alex', signedIn = true) {
  resetConfig();
  if (!signedIn) return configure({ baseUrl: '/api/v1' });
  seed = createSeed(new Date());
  const backend = createMemoryBackend({ participant, seed });
  backend.simulate(simulation);
  configure({ backend });
}

const toggle = (markup: TemplateResult = html`<iop-pet-friendly-toggle></iop-pet-friendly-toggle>`) =>
  html`<div class="sb-narrow">${markup}</div>`;

function elementIn(canvasElement: HTMLElement): IopPetFriendlyToggle {
  return canvasElement.querySelector('iop-pet-friendly-toggle')!;
}

/** Waits until the setting has loaded (the switch unlocks). */
async function loaded(canvasElement: HTMLElement): Promise<HTMLButtonElement> {
  const el = elementIn(canvasElement);
  const control = () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="control"]');
  for (let i = 0; i < 200 && (!control() || control()!.disabled); i++)
    await new Promise((r) => setTimeout(r, 25));
  return control()!;
}

/** Flips the switch with a click, as a person would, once the setting has loaded. */
async function flip({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  (await loaded(canvasElement)).click();
}

async function openDetails({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = elementIn(canvasElement);
  const details = () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="details-toggle"]');
  for (let i = 0; i < 200 && !details(); i++) await new Promise((r) => setTimeout(r, 25));
  details()!.click();
}

const meta = {
  title: 'Widgets/Pet friendly toggle',
  component: 'iop-pet-friendly-toggle',
  tags: ['autodocs'],
  // A clean outbox and cache per story: a change left waiting by one story is not saved by the next.
  beforeEach: async () => {
    await signOut({ flushTimeoutMs: 0 });
  },
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** Ready: Alex's setting (on) from the backend. */
export const Ready: Story = { render: () => (withBackend(), toggle()) };

/** Ready, off (Jordan's setting). */
export const Off: Story = { render: () => (withBackend({}, 'jordan'), toggle()) };

/** Loading: locked, with "Loading your setting…", at the same size it will have. */
export const Loading: Story = { render: () => (withBackend({ latencyMs: 3_600_000 }), toggle()) };

/** Saving: the switch moved at once; the server has not answered yet. */
export const Saving: Story = {
  render: () => (withBackend({ latencyMs: 3_600_000, only: ['updatePreferences'] }), toggle()),
  play: flip,
};

/** Saved. */
export const Saved: Story = { render: () => (withBackend(), toggle()), play: flip };

/** Offline: the change waits in the outbox: "Will save when you're back online". */
export const OfflinePending: Story = {
  render: () => (withBackend({ failWith: 'network', only: ['updatePreferences'] }), toggle()),
  play: flip,
};

/** Error: the server refused the change; the switch went back and says so politely. */
export const ErrorRolledBack: Story = {
  render: () => (withBackend({ failWith: { status: 403 }, only: ['updatePreferences'] }), toggle()),
  play: flip,
};

/** 412: changed on another device; the latest setting shows, and why. */
export const ChangedElsewhere: Story = {
  render: () => (withBackend(), toggle()),
  play: async (context) => {
    await loaded(context.canvasElement);
    const other = createMemoryBackend({ participant: 'alex', seed });
    const { etag } = await other.getPreferences();
    await other.updatePreferences({ petFriendly: true, pet: { name: 'Rex', species: 'dog' } }, etag);
    await flip(context);
  },
};

/** The setting could not load (500): a retry button. */
export const LoadError: Story = {
  render: () => (withBackend({ failWith: { status: 500 }, only: ['getPreferences'] }), toggle()),
};

/** Offline with nothing saved on this device yet. */
export const OfflineNotLoaded: Story = { render: () => (withBackend({ offline: true }), toggle()) };

/** Signed out: locked, with "Please sign in". */
export const SignedOut: Story = { render: () => (withBackend({}, 'alex', false), toggle()) };

/** Pet details open, with the saved pet. */
export const PetDetails: Story = { render: () => (withBackend(), toggle()), play: openDetails };

/** Pet details with problems: each field says what to fix. */
export const PetDetailsInvalid: Story = {
  render: () => (withBackend({}, 'jordan'), toggle()),
  play: async (context) => {
    await flip(context);
    await openDetails(context);
    const el = elementIn(context.canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('[name="name"]')!.value = 'Rex 2';
    el.shadowRoot!.querySelector<HTMLElement>('[part="details"] iop-button')!.click();
  },
};

/** `bind="none"` in a plain HTML form: submit shows what it sends; Reset returns to the initial state. */
export const InAPlainForm: Story = {
  render: () => {
    resetConfig();
    const show = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.currentTarget as HTMLFormElement;
      const sent = [...new FormData(form)].map(([key, value]) => `${key}=${String(value)}`);
      form.querySelector('output')!.value = sent.join('&') || '(nothing submitted)';
    };
    return html`<form class="sb-narrow" aria-label="Session preferences" @submit=${show}>
      <iop-pet-friendly-toggle bind="none" name="pets" value="yes" required>
        Bring my pet to sessions
        <span slot="description">Required here, to show the message.</span>
      </iop-pet-friendly-toggle>
      <p><button type="submit">Send</button> <button type="reset">Reset</button></p>
      <p>
        <label for="pet-form-result">Submitted:</label>
        <output id="pet-form-result" aria-live="polite">(not yet)</output>
      </p>
    </form>`;
  },
};

/** In Spanish. */
export const Spanish: Story = {
  render: () => (withBackend(), html`<div lang="es">${toggle()}</div>`),
  play: openDetails,
};

/** Dark theme. */
export const Dark: Story = {
  render: () => (
    withBackend(),
    toggle(html`<iop-pet-friendly-toggle theme="dark"></iop-pet-friendly-toggle>`)
  ),
  play: openDetails,
};

/** 320 px wide (the `sb-narrow` wrapper is 20rem): no horizontal scroll, details open. */
export const Narrow: Story = { render: () => (withBackend(), toggle()), play: openDetails };

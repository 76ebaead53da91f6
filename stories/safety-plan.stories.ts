import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/safety-plan/define.js';
import { configure, resetConfig } from '../src/core/config.js';
import { getClient } from '../src/core/client.js';
import { createMemoryBackend, type Simulation } from '../src/core/backends/memory-backend.js';
import { createSeed, type Seed } from '../src/demo-data/seed.js';

interface Setup {
  /** Faults to inject (applied after the cache is filled). */
  simulation?: Simulation;
  /** Change the demo couple's data before the backend serves it. */
  edit?: (seed: Seed) => void;
  signedIn?: boolean;
  /** Put Alex's plan in the offline cache first, as a visit yesterday would have. */
  cached?: boolean;
}

/**
 * Each story gets its own in-memory backend over the demo couple's data (signed in as Alex), with the faults
 * it shows. Stories that need a cached plan fill the cache in a loader, before the element connects.
 */
async function setUp({ simulation = {}, edit, signedIn = true, cached = false }: Setup = {}) {
  resetConfig();
  if (!signedIn) {
    configure({ baseUrl: '/api/v1' });
    return {};
  }
  const seed = createSeed(new Date());
  edit?.(seed);
  const backend = createMemoryBackend({ participant: 'alex', seed });
  configure({ backend });
  if (cached) await getClient().cache.set('safety-plan:me', seed.safetyPlans.alex);
  backend.simulate(simulation);
  return {};
}

const plan = () => html`<iop-safety-plan></iop-safety-plan>`;

const meta = {
  title: 'Widgets/Safety plan',
  component: 'iop-safety-plan',
  tags: ['autodocs'],
  parameters: { docs: { story: { inline: false, iframeHeight: 720 } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** My plan, every section filled in: the six steps, reasons for living, the couples section and the pet. */
export const Mine: Story = { loaders: [() => setUp()], render: () => plan() };

/** My partner's plan, shared with me (Jordan's plan names no pet, so that section is not there). */
export const Partner: Story = {
  loaders: [() => setUp()],
  render: () => html`<iop-safety-plan participant="partner"></iop-safety-plan>`,
};

/** Both plans side by side on one page, as a couple might read them together. */
export const BothSideBySide: Story = {
  loaders: [() => setUp()],
  render: () =>
    html`<div class="sb-side-by-side">
      <iop-safety-plan></iop-safety-plan>
      <iop-safety-plan participant="partner"></iop-safety-plan>
    </div>`,
};

/** The partner has not agreed to share their plan (403): a kind line, and the crisis lines. */
export const PartnerNotShared: Story = {
  loaders: [() => setUp({ edit: (seed) => (seed.sharesWith.jordan = []) })],
  render: () => html`<iop-safety-plan participant="partner"></iop-safety-plan>`,
};

function nearlyEmpty(seed: Seed): void {
  Object.assign(seed.safetyPlans.alex, {
    copingStrategies: [],
    distractions: { people: [], places: [] },
    helpContacts: [],
    professionals: [],
    environmentSafety: [],
    partnerSupport: undefined,
    pet: undefined,
  });
}

/** A plan just started: empty sections say "Not filled in yet"; step 5 still lists 988 and 911. */
export const NearlyEmpty: Story = { loaders: [() => setUp({ edit: nearlyEmpty })], render: () => plan() };

/** The same plan with `empty-sections="hide"`. */
export const NearlyEmptyHidden: Story = {
  loaders: [() => setUp({ edit: nearlyEmpty })],
  render: () => html`<iop-safety-plan empty-sections="hide"></iop-safety-plan>`,
};

/** Loading: every heading with a skeleton under it (so nothing jumps), and step 5's crisis lines at once. */
export const Loading: Story = {
  loaders: [() => setUp({ simulation: { latencyMs: 3_600_000 } })],
  render: () => plan(),
};

/** Stale: the cached plan shows at once while the backend is slow to answer. */
export const StaleFromCache: Story = {
  loaders: [() => setUp({ cached: true, simulation: { latencyMs: 3_600_000 } })],
  render: () => plan(),
};

/** Offline with a cached plan: it is all there, with when it was saved. */
export const OfflineFromCache: Story = {
  loaders: [() => setUp({ cached: true, simulation: { offline: true } })],
  render: () => plan(),
};

/** Offline and nothing cached yet: a clear line, and the crisis lines that always work. */
export const OfflineNothingCached: Story = {
  loaders: [() => setUp({ simulation: { offline: true } })],
  render: () => plan(),
};

/** The backend answers 500: a retry button, and the crisis lines. */
export const BackendError: Story = {
  loaders: [() => setUp({ simulation: { failWith: { status: 500 } } })],
  render: () => plan(),
};

/** Signed out. */
export const SignedOut: Story = { loaders: [() => setUp({ signedIn: false })], render: () => plan() };

/** Only some sections: `sections="professionals,reasons-for-living"`. */
export const OnlySomeSections: Story = {
  loaders: [() => setUp()],
  render: () => html`<iop-safety-plan sections="professionals,reasons-for-living"></iop-safety-plan>`,
};

/** Printable: laid out as it prints (no collapse buttons, no jump links, black on white). */
export const Printable: Story = {
  loaders: [() => setUp()],
  render: () => html`<iop-safety-plan printable></iop-safety-plan>`,
};

/** Numbers that are not phone numbers, and HTML or script in the plan, show as plain text. */
export const UntrustedText: Story = {
  loaders: [
    () =>
      setUp({
        edit: (seed) =>
          Object.assign(seed.safetyPlans.alex, {
            warningSigns: ['<img src=x onerror="alert(1)">', '<a href="javascript:alert(2)">click me</a>'],
            helpContacts: [
              { name: 'Old friend', phone: '555-CALL-ME', sms: { number: 'javascript:alert(3)' } },
            ],
          }),
      }),
  ],
  render: () => plan(),
};

/** In Spanish. */
export const Spanish: Story = {
  loaders: [() => setUp()],
  render: () => html`<div lang="es">${plan()}</div>`,
};

/** Dark theme. */
export const Dark: Story = {
  loaders: [() => setUp()],
  render: () => html`<iop-safety-plan theme="dark"></iop-safety-plan>`,
};

/** 320 px wide: everything wraps, nothing scrolls sideways. */
export const Narrow: Story = {
  loaders: [() => setUp()],
  render: () => html`<div class="sb-narrow">${plan()}</div>`,
};

/** Great Britain: step 5 lists NHS 111 and 999. */
export const RegionGB: Story = {
  loaders: [() => setUp({ edit: nearlyEmpty })],
  render: () => html`<iop-safety-plan region="GB"></iop-safety-plan>`,
};

/**
 * On a phone: `open-sections="professionals"` keeps step 5's people and crisis lines open and every other step
 * one tap away (the closed headings are the list of steps, so there are no jump links). 390 px wide, as in the
 * portal demo.
 */
export const OnAPhone: Story = {
  loaders: [() => setUp()],
  render: () =>
    html`<div style="max-inline-size: 390px">
      <iop-safety-plan open-sections="professionals"></iop-safety-plan>
    </div>`,
};

/** On a phone, in Spanish and dark, with every step closed (`open-sections="none"`). */
export const OnAPhoneAllClosedSpanishDark: Story = {
  loaders: [() => setUp()],
  render: () =>
    html`<div lang="es" style="max-inline-size: 390px">
      <iop-safety-plan open-sections="none" theme="dark"></iop-safety-plan>
    </div>`,
};

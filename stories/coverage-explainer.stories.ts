import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/coverage-explainer/define.js';
import { configure, resetConfig } from '../src/core/config.js';
import {
  createMemoryBackend,
  type MemoryBackend,
  type Simulation,
} from '../src/core/backends/memory-backend.js';
import { createSeed } from '../src/demo-data/seed.js';
import type { Coverage } from '../src/core/schemas.js';

/**
 * Each story gets its own in-memory backend with Alex's PPO plan, changed as the story needs (a fresh
 * deductible, a met out-of-pocket maximum, bad data) and with the faults it shows.
 */
function withPlan(
  change?: (coverage: Coverage) => void,
  simulation: Simulation = {},
  signedIn = true,
): MemoryBackend | undefined {
  resetConfig();
  if (!signedIn) {
    configure({ baseUrl: '/api/v1' });
    return undefined;
  }
  const seed = createSeed(new Date());
  change?.(seed.coverage.alex);
  const backend = createMemoryBackend({ participant: 'alex', seed });
  backend.simulate(simulation);
  configure({ backend });
  return backend;
}

const explainer = (service?: string, amount?: string) =>
  html`<iop-coverage-explainer
    service=${service ?? ''}
    allowed-amount=${amount ?? ''}
  ></iop-coverage-explainer>`;

const meta = {
  title: 'Widgets/Coverage explainer',
  component: 'iop-coverage-explainer',
  tags: ['autodocs'],
  parameters: { docs: { story: { inline: false, iframeHeight: 900 } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** The start of the plan year: nothing met yet. */
export const FreshDeductible: Story = {
  render: () => (
    withPlan((c) => {
      c.deductible.metCents = 0;
      c.outOfPocketMax.metCents = 0;
    }),
    explainer()
  ),
};

/** Half of the deductible met; the estimate for a $500 IOP day shows the deductible met mid-service. */
export const HalfMetDeductible: Story = {
  render: () => (
    withPlan((c) => {
      c.deductible.metCents = 75_000;
      c.outOfPocketMax.metCents = 90_000;
    }),
    explainer('iop-day', '1000')
  ),
};

/** The out-of-pocket maximum is met: the plan pays everything in-network. */
export const OutOfPocketMaxMet: Story = {
  render: () => (
    withPlan((c) => {
      c.deductible.metCents = c.deductible.individualCents;
      c.outOfPocketMax.metCents = c.outOfPocketMax.individualCents;
    }),
    explainer('S9480', '400')
  ),
};

/** One service focused: a clinic page about crisis care, by billing code. */
export const CrisisCareOnly: Story = { render: () => (withPlan(), explainer('90839', '250')) };

/** A clinic's published example plan on a public page, nobody signed in. The plan is JSON in a child script. */
export const ExamplePlan: Story = {
  render: () => {
    withPlan(undefined, {}, false);
    const plan = { ...createSeed(new Date()).coverage.alex, planName: 'Example PPO (for illustration)' };
    const el = document.createElement('iop-coverage-explainer');
    el.setAttribute('example-plan', '');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(plan);
    el.append(script);
    return el;
  },
};

/** A wrong example plan: the developer sees which field is wrong. */
export const ExamplePlanInvalid: Story = {
  render: () => {
    withPlan(undefined, {}, false);
    const plan = createSeed(new Date()).coverage.alex;
    plan.deductible.metCents = plan.deductible.individualCents + 1;
    const el = document.createElement('iop-coverage-explainer');
    el.setAttribute('example-plan', '');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(plan);
    el.append(script);
    return el;
  },
};

/**
 * No typing: the backend gives each service the clinic's typical allowed amount ($350 for an IOP day) and the
 * program's schedule (3 days a week for 8 weeks), so the explainer shows one day's cost and the whole program's
 * at once. A typed amount replaces the typical one.
 */
export const EstimateFromBackend: Story = { render: () => (withPlan(), explainer()) };

/** A program set by attributes (5 days a week for 4 weeks) at the start of the plan year. */
export const ProgramEstimate: Story = {
  render: () => (
    withPlan((c) => {
      c.deductible.metCents = 0;
      c.outOfPocketMax.metCents = 0;
    }),
    html`<iop-coverage-explainer program-days-per-week="5" program-weeks="4"></iop-coverage-explainer>`
  ),
};

/** $200 of the out-of-pocket maximum left: it stops further cost on day 3 of the program, mid-week. */
export const ProgramCapReached: Story = {
  render: () => (
    withPlan((c) => {
      c.deductible.metCents = c.deductible.individualCents;
      c.outOfPocketMax.metCents = c.outOfPocketMax.individualCents - 20_000;
    }),
    explainer()
  ),
};

/** The member chose not to use their insurance: their right to a Good Faith Estimate, and whom to ask. */
export const SelfPay: Story = {
  render: () => (withPlan(), html`<iop-coverage-explainer self-pay></iop-coverage-explainer>`),
};

/** No plan on file (GET /coverage answers 404): self-pay, with the care team's benefits specialist. */
export const NoPlanOnFile: Story = {
  render: () => {
    resetConfig();
    const seed = createSeed(new Date());
    delete (seed.coverage as Partial<typeof seed.coverage>).alex;
    configure({ backend: createMemoryBackend({ participant: 'alex', seed }) });
    return explainer();
  },
};

/** In Spanish, with a typed amount (the program estimate follows it). */
export const Spanish: Story = {
  render: () => (withPlan(), html`<div lang="es">${explainer(undefined, '2000')}</div>`),
};

/** Self-pay in Spanish. */
export const SpanishSelfPay: Story = {
  render: () => (
    withPlan(),
    html`<div lang="es"><iop-coverage-explainer self-pay></iop-coverage-explainer></div>`
  ),
};

/** Self-pay in the dark theme. */
export const DarkSelfPay: Story = {
  render: () => (withPlan(), html`<iop-coverage-explainer theme="dark" self-pay></iop-coverage-explainer>`),
};

/** The program estimate and its chart at 320 px. */
export const NarrowProgram: Story = {
  render: () => (withPlan(), html`<div class="sb-narrow">${explainer()}</div>`),
};

/** Dark theme (with the program estimate and its chart). */
export const Dark: Story = {
  render: () => (
    withPlan(),
    html`<iop-coverage-explainer theme="dark" allowed-amount="500"></iop-coverage-explainer>`
  ),
};

/** 320 px wide: no horizontal scrolling. */
export const Narrow: Story = {
  render: () => (withPlan(), html`<div class="sb-narrow">${explainer(undefined, '250')}</div>`),
};

/** Loading: a skeleton the size of the plan, so nothing jumps. */
export const Loading: Story = { render: () => (withPlan(undefined, { latencyMs: 3_600_000 }), explainer()) };

let staleBackend: MemoryBackend | undefined;

/** Offline with a saved copy: the plan loads, the network goes away, the widget comes back from the cache. */
export const StaleOffline: Story = {
  render: () => ((staleBackend = withPlan()), explainer()),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('iop-coverage-explainer')!;
    await new Promise((r) => setTimeout(r, 500));
    staleBackend?.simulate({ offline: true });
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
  },
};

/** Offline without a saved copy. */
export const Offline: Story = { render: () => (withPlan(undefined, { offline: true }), explainer()) };

/** The server failed: an error with a retry button. */
export const LoadError: Story = {
  render: () => (withPlan(undefined, { failWith: { status: 500 } }), explainer()),
};

/** The server sent impossible numbers (coinsurance over 100%): the widget shows an error, not wrong numbers. */
export const BadData: Story = {
  render: () => (withPlan((c) => (c.services[0]!.inNetwork.coinsurancePct = 150)), explainer()),
};

/** No plan services listed. */
export const Empty: Story = { render: () => (withPlan((c) => (c.services = [])), explainer()) };

/** Nobody signed in and no example plan. */
export const SignedOut: Story = { render: () => (withPlan(undefined, {}, false), explainer()) };

/**
 * On a phone, every disclosure opened with a click, as a person would: every service's benefits, another
 * amount, and the program's week-by-week table. 390 px wide.
 */
export const EverythingOpenOnAPhone: Story = {
  render: () => (withPlan(), html`<div style="max-inline-size: 390px">${explainer()}</div>`),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('iop-coverage-explainer')!;
    const root = el.shadowRoot!;
    for (const part of ['all-services', 'other-amount', 'weeks']) {
      // The program's table is in a chunk of its own: wait for each disclosure before opening it.
      for (let i = 0; i < 100 && !root.querySelector(`[part="${part}"]`); i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      root.querySelector<HTMLElement>(`[part="${part}"] summary`)?.click();
    }
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/follow-up-scheduler/define.js';
import { configure, resetConfig } from '../src/core/config.js';
import { createMemoryBackend, type Simulation } from '../src/core/backends/memory-backend.js';
import { DEMO_TELEHEALTH_ORIGIN } from '../src/demo-data/seed.js';
import type { Backend } from '../src/core/backends/backend.js';
import type { Slot } from '../src/core/schemas.js';

/** Each story gets its own in-memory backend (the demo couple's data, Alex signed in), with its faults. */
function withBackend(simulation: Simulation = {}, patch: Partial<Backend> = {}, signedIn = true) {
  resetConfig();
  if (!signedIn) {
    configure({ baseUrl: '/api/v1' });
    return;
  }
  const backend = Object.assign(createMemoryBackend({ participant: 'alex' }), patch);
  backend.simulate(simulation);
  configure({ backend, allowedOrigins: [DEMO_TELEHEALTH_ORIGIN] });
}

const meta = {
  title: 'Widgets/Follow-up scheduler',
  component: 'iop-follow-up-scheduler',
  tags: ['autodocs'],
  parameters: { docs: { story: { inline: false, iframeHeight: 640 } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const scheduler = (kind = 'crisis-debrief', extra = '') =>
  html`<iop-follow-up-scheduler
    kind=${kind}
    timezone="America/Chicago"
    within-hours=${extra === 'narrow-window' ? 1 : 24}
  ></iop-follow-up-scheduler>`;

/**
 * Crisis debrief (the default): the soonest time is offered first; then one day at a time, a date grid of the
 * next two weeks and the chosen day's times, those in the next 24 hours marked.
 */
export const CrisisDebrief: Story = { render: () => (withBackend(), scheduler()) };

/** Couples: the session already booked shows first, with join link, calendar file, reschedule and cancel. */
export const Couples: Story = { render: () => (withBackend(), scheduler('couples')) };

/** Individual therapy. */
export const Individual: Story = { render: () => (withBackend(), scheduler('individual')) };

/** Substance use: with the drug and alcohol counselor. */
export const SubstanceUse: Story = { render: () => (withBackend(), scheduler('substance-use')) };

/** No debrief inside the window (here 1 hour): the on-call line and a call-back request come first. */
export const NoSlotInWindow: Story = {
  render: () => (withBackend(), scheduler('crisis-debrief', 'narrow-window')),
};

/** Loading: a skeleton the size of the list, so nothing jumps. */
export const Loading: Story = { render: () => (withBackend({ latencyMs: 3_600_000 }), scheduler()) };

/** Offline with nothing saved yet. (Open another story first to see saved times marked with their age.) */
export const Offline: Story = { render: () => (withBackend({ offline: true }), scheduler('individual')) };

/** The backend failed: a plain message and a retry button. */
export const ErrorWithRetry: Story = {
  render: () => (withBackend({ failWith: { status: 500 }, only: ['listSlots'] }), scheduler('individual')),
};

/** No open times at all. */
export const NoSlots: Story = {
  render: () => (withBackend({}, { listSlots: async () => [] }), scheduler('individual')),
};

/** Booking fails (network): "Nothing was booked" and the choice stays. Pick a time and confirm to see it. */
export const BookingFails: Story = {
  render: () => (withBackend({ failWith: 'network', only: ['book'] }), scheduler('individual')),
};

/** Signed out: only the sign-in message. */
export const SignedOut: Story = { render: () => (withBackend({}, {}, false), scheduler()) };

/** Spanish. */
export const Spanish: Story = {
  render: () => (withBackend(), html`<div lang="es">${scheduler('couples')}</div>`),
};

/** Dark theme. */
export const Dark: Story = {
  render: () => (withBackend(), html`<div theme="dark">${scheduler()}</div>`),
};

/** 320 px wide: everything reflows without horizontal scrolling. */
export const Narrow: Story = {
  render: () => (withBackend(), html`<div class="sb-narrow">${scheduler('couples')}</div>`),
};

/** A large program: 2,400 open times over two weeks from twenty therapists. Still one day at a time. */
export const LargeProgram: Story = {
  render: () => {
    const day = 864e5;
    const start = Math.ceil(Date.now() / day) * day;
    const slots: Slot[] = Array.from({ length: 2400 }, (_, i) => {
      const at = start + Math.floor(i / 172) * day + 13 * 3600e3 + (i % 172) * 5 * 60e3;
      return {
        id: `many-${i}`,
        start: new Date(at).toISOString(),
        end: new Date(at + 1800e3).toISOString(),
        clinician: { id: `ct-${i % 20}`, name: `Therapist ${(i % 20) + 1}`, role: 'individual-therapist' },
        kind: 'individual',
        modality: 'telehealth',
      };
    });
    withBackend({}, { listSlots: async () => slots });
    return scheduler('individual');
  },
};

/** 320 px wide, crisis debrief: the soonest time, the date grid and the day's times fit without scrolling sideways. */
export const NarrowCrisisDebrief: Story = {
  render: () => (withBackend(), html`<div class="sb-narrow">${scheduler()}</div>`),
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/check-in/define.js';
import type { IopCheckIn } from '../src/components/check-in/check-in.js';
import { configure, resetConfig } from '../src/core/config.js';
import { createMemoryBackend, type Simulation } from '../src/core/backends/memory-backend.js';
import { CSSRS_SCREENER_RECENT } from '../src/core/check-in/instrument.js';
import { createSeed } from '../src/demo-data/seed.js';

interface Setup {
  simulation?: Simulation;
  signedIn?: boolean;
  /** What GET /check-ins/instrument serves (by default none: the built-in screener). */
  instrument?: unknown;
  /** Earlier check-ins of Alex and shared moods of Jordan over the last two weeks. */
  history?: boolean;
}

/** Each story gets its own in-memory backend over the demo couple's data, signed in as Alex. */
function setUp({ simulation = {}, signedIn = true, instrument, history = false }: Setup = {}) {
  resetConfig();
  if (!signedIn) {
    configure({ baseUrl: '/api/v1' });
    return;
  }
  const seed = createSeed(new Date());
  const backend = createMemoryBackend({ participant: 'alex', seed, checkInInstrument: instrument });
  configure({ backend });
  if (history) {
    const jordan = createMemoryBackend({ participant: 'jordan', seed });
    const moods = [5, 4, 6, 3, 5, 7, 6, 4, 5, 6, 7, 6, 5];
    moods.forEach((mood, i) => {
      const at = new Date(Date.now() - (13 - i) * 864e5).toISOString();
      const entry = {
        at,
        usedPlan: i % 2 === 0,
        shareNote: false,
        shareMoodWithPartner: true,
        instrument: { url: CSSRS_SCREENER_RECENT.url, version: CSSRS_SCREENER_RECENT.version },
        answers: { '1': 'no', '2': 'no', '6': 'no' },
        risk: 'none' as const,
      };
      void backend.submitCheckIn({ ...entry, id: `story-alex-${i}`, mood });
      if (i % 3 !== 1)
        void jordan.submitCheckIn({ ...entry, id: `story-jordan-${i}`, mood: Math.min(10, mood + 2) });
    });
  }
  backend.simulate(simulation);
}

const checkIn = () => html`<iop-check-in booking-url="/book"></iop-check-in>`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Answers the check-in as a person would, with clicks: the mood, "Yes" to the plan, no note, then the screener
 * (`yes` is each item's first answer, `no` its second).
 */
function answering(...screen: ('yes' | 'no')[]) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector<IopCheckIn>('iop-check-in')!;
    const root = el.shadowRoot!;
    const step = async (choice?: number) => {
      await el.updateComplete;
      if (choice !== undefined) root.querySelectorAll<HTMLInputElement>('input[type=radio]')[choice]!.click();
      await el.updateComplete;
      root.querySelector<HTMLElement>('[part=next]')!.click();
      await el.updateComplete;
    };
    // The backend's read schedule and instrument first (the screener is fixed once its questions start).
    await pause(300);
    await step(6);
    if (el.cravings) await step(2);
    await step(0);
    await step();
    for (const word of screen) await step(word === 'yes' ? 0 : 1);
    await pause(300);
  };
}

const meta = {
  title: 'Widgets/Check-in',
  component: 'iop-check-in',
  tags: ['autodocs'],
  parameters: { docs: { story: { inline: false, iframeHeight: 720 } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** The first check-in: how I feel today, 0 to 10, with words at both ends; sharing the mood with Jordan is offered. */
export const FirstCheckIn: Story = { render: () => (setUp(), checkIn()) };

/** For a substance-use program (`cravings`): cravings 0-10 after the mood. */
export const WithCravings: Story = {
  render: () => (setUp(), html`<iop-check-in cravings></iop-check-in>`),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<IopCheckIn>('iop-check-in')!;
    await pause(300);
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[5]!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[part=next]')!.click();
  },
};

/** The first safety question of the C-SSRS Screener, in its published wording. */
export const SafetyQuestion: Story = { render: () => (setUp(), checkIn()), play: answering() };

/** No to every safety question: thanks, and when the care team reads check-ins. */
export const OutcomeThanks: Story = { render: () => (setUp(), checkIn()), play: answering('no', 'no', 'no') };

/** Yes to question 1 only: the person's own coping strategies from their safety plan, and the crisis lines. */
export const OutcomeCopingStrategies: Story = {
  render: () => (setUp(), checkIn()),
  play: answering('yes', 'no', 'no'),
};

/** Yes to question 3: please talk with someone today, the on-call line and a booking link. */
export const OutcomeTalkToday: Story = {
  render: () => (setUp(), checkIn()),
  play: answering('no', 'yes', 'yes', 'no', 'no', 'no'),
};

/** Yes to question 4: the crisis help in place at once (911, 988, the lines, the on-call clinician). */
export const OutcomeCrisisHelp: Story = {
  render: () => (setUp(), checkIn()),
  play: answering('no', 'yes', 'no', 'yes'),
};

/**
 * Forced colours (Windows High Contrast), at the crisis help in place: the kit switches to system colours with
 * visible borders. Storybook cannot force colours; open this story in Chromium with `--force-high-contrast` or
 * emulate forced colours in DevTools (Rendering > Emulate CSS media feature forced-colors).
 */
export const ForcedColors: Story = {
  render: () => (setUp(), checkIn()),
  play: answering('no', 'yes', 'no', 'yes'),
};

/** After two weeks of check-ins: the last 14 days as a small chart (a table for screen readers), Jordan's shared moods dashed. */
export const OutcomeWithHistory: Story = {
  render: () => (setUp({ history: true }), checkIn()),
  play: answering('no', 'no', 'no'),
};

/** Offline: the check-in is saved on this device and will be sent when back online; the help still shows. */
export const OfflineSubmit: Story = {
  render: () => (setUp({ simulation: { offline: true } }), checkIn()),
  play: answering('yes', 'no', 'no'),
};

/**
 * The clinic's own instrument from `GET /check-ins/instrument` (here the same C-SSRS Screener under the clinic's
 * identifier), read by a Spanish speaker: the kit never translates it, so it says which language the questions are
 * in. A licensed translation from the backend would be shown in Spanish without that note.
 */
export const InstrumentFromBackend: Story = {
  render: () => (
    setUp({
      instrument: {
        ...CSSRS_SCREENER_RECENT,
        url: 'https://clinic.example/fhir/Questionnaire/cssrs-screener',
        version: 'clinic-2026',
      },
    }),
    html`<div lang="es">${checkIn()}</div>`
  ),
  play: answering(),
};

/** In Spanish. */
export const Spanish: Story = { render: () => (setUp(), html`<div lang="es">${checkIn()}</div>`) };

/** Dark theme, at the crisis help. */
export const Dark: Story = {
  render: () => (setUp(), html`<iop-check-in theme="dark"></iop-check-in>`),
  play: answering('no', 'no', 'yes', 'yes'),
};

/** 320 px wide: the 0-10 scale wraps, nothing scrolls sideways. */
export const Narrow: Story = { render: () => (setUp(), html`<div class="sb-narrow">${checkIn()}</div>`) };

/** 320 px wide, at the crisis help. */
export const NarrowCrisisHelp: Story = {
  render: () => (setUp(), html`<div class="sb-narrow">${checkIn()}</div>`),
  play: answering('no', 'yes', 'no', 'no', 'yes'),
};

/** Signed out. */
export const SignedOut: Story = { render: () => (setUp({ signedIn: false }), checkIn()) };

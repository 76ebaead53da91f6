import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/crisis-connect/define.js';
import type { IopCrisisConnect } from '../src/components/crisis-connect/crisis-connect.js';
import { configure, resetConfig } from '../src/core/config.js';
import { createMemoryBackend, type Simulation } from '../src/core/backends/memory-backend.js';
import { DEMO_TELEHEALTH_ORIGIN } from '../src/demo-data/seed.js';
import type { Backend } from '../src/core/backends/backend.js';
import hostileTheme from '../demo/hostile/theme.css?inline';

/**
 * Each story gets its own in-memory backend (the demo couple's data), with the faults it shows.
 * Stories that show the dialog open it with a click in `play`, as a person would.
 */
function withBackend(simulation: Simulation = {}, patch: Partial<Backend> = {}, signedIn = true) {
  resetConfig();
  if (!signedIn) {
    configure({ baseUrl: '/api/v1', safetyPlanUrl: '/my-plan' });
    return;
  }
  const backend = Object.assign(createMemoryBackend({ participant: 'alex' }), patch);
  backend.simulate(simulation);
  configure({ backend, allowedOrigins: [DEMO_TELEHEALTH_ORIGIN], safetyPlanUrl: '/my-plan' });
}

async function openDialog({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = canvasElement.querySelector<IopCrisisConnect>('iop-crisis-connect')!;
  await el.updateComplete;
  el.show();
}

const meta = {
  title: 'Widgets/Crisis connect',
  component: 'iop-crisis-connect',
  tags: ['autodocs'],
  parameters: { docs: { story: { inline: false, iframeHeight: 640 } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const inline = (extra = html``) => html`<iop-crisis-connect variant="inline">${extra}</iop-crisis-connect>`;

/** Floating: fixed in the bottom corner, in the same place on every page. */
export const Floating: Story = {
  render: () => {
    withBackend();
    return html`<p>The button floats in the bottom corner of the page.</p>
      <iop-crisis-connect></iop-crisis-connect>`;
  },
};

/**
 * On a hostile theme: the global CSS of a WordPress-style theme (demo/hostile/theme.css: resets with !important,
 * `body > *` rules, `html { font-size: 62.5% }`, `all: unset` on buttons and links, no focus rings, a transform
 * on body) and a cookie banner above everything. The button still floats in its corner, above the banner, at
 * 44 px and full text size; open it to see the dialog unchanged. The theme is removed when the story changes.
 */
export const OnAHostileTheme: Story = {
  beforeEach: () => {
    const style = document.createElement('style');
    style.textContent = hostileTheme;
    const banner = document.createElement('div');
    banner.className = 'cookie-banner';
    banner.textContent = 'This site uses cookies. (A banner fixed to the bottom edge, above everything.)';
    document.head.append(style);
    document.documentElement.append(banner);
    return () => {
      style.remove();
      banner.remove();
    };
  },
  render: () => {
    withBackend();
    return html`<main>
        <h2>Welcome to our clinic</h2>
        <p>This page's theme fights every widget on it; the crisis button is in the bottom corner anyway.</p>
      </main>
      <iop-crisis-connect></iop-crisis-connect>`;
  },
};

/** Inline, in the flow of a page. */
export const Inline: Story = { render: () => (withBackend(), inline()) };

/** Compact, for tight headers. */
export const Compact: Story = {
  render: () => (withBackend(), html`<iop-crisis-connect variant="compact"></iop-crisis-connect>`),
};

/**
 * The copy-paste snippet for clinic websites. Its light-DOM children show before the kit loads, with
 * JavaScript off, or when the kit's file fails to load; after upgrade the element shows its own button.
 * This story shows the fallback as a page without the kit would (a plain element with the same children).
 */
export const NoJavaScriptFallback: Story = {
  render: () =>
    html`<div class="fallback-demo">
      <p>In crisis? Call or text <a href="tel:988">988</a>. In danger now? Call <a href="tel:911">911</a>.</p>
    </div>`,
};

/** Open, with the on-call therapist loaded from the backend. */
export const Open: Story = { render: () => (withBackend(), inline()), play: openDialog };

/** While the backend is slow: the hotlines are already there. */
export const Loading: Story = {
  render: () => (withBackend({ latencyMs: 3_600_000 }), inline()),
  play: openDialog,
};

/** Offline: calls still work; the on-call number shows from the cache when it was loaded before. */
export const Offline: Story = { render: () => (withBackend({ offline: true }), inline()), play: openDialog };

/** The backend answers 500. */
export const BackendError: Story = {
  render: () => (withBackend({ failWith: { status: 500 } }), inline()),
  play: openDialog,
};

/** The backend sends data that breaks the contract. */
export const GarbageData: Story = {
  render: () => (withBackend({ malformed: true }), inline()),
  play: openDialog,
};

/** An unsafe video link (javascript:) is never opened; the person is pointed to the phone. */
export const UnsafeVideoLink: Story = {
  render: () => (
    withBackend(
      {},
      {
        startTelehealth: async () => ({
          joinUrl: 'javascript:alert(1)',
          expiresAt: new Date().toISOString(),
        }),
      },
    ),
    inline()
  ),
  play: openDialog,
};

/** With `include-partner`, the video button asks whether to bring the partner in. */
export const PartnerIncluded: Story = {
  render: () => (
    withBackend(),
    html`<iop-crisis-connect variant="inline" include-partner></iop-crisis-connect>`
  ),
  play: openDialog,
};

/** Signed out: only the help that is always there. */
export const SignedOut: Story = { render: () => (withBackend({}, {}, false), inline()), play: openDialog };

/** Canada: 911 and 9-8-8. */
export const RegionCA: Story = {
  render: () => (withBackend(), html`<iop-crisis-connect variant="inline" region="CA"></iop-crisis-connect>`),
  play: openDialog,
};

/** Great Britain: 999, NHS 111, Samaritans, Shout. */
export const RegionGB: Story = {
  render: () => (withBackend(), html`<iop-crisis-connect variant="inline" region="GB"></iop-crisis-connect>`),
  play: openDialog,
};

/** Australia: 000 and Lifeline. */
export const RegionAU: Story = {
  render: () => (withBackend(), html`<iop-crisis-connect variant="inline" region="AU"></iop-crisis-connect>`),
  play: openDialog,
};

/** In Spanish. */
export const Spanish: Story = {
  render: () => (withBackend(), html`<div lang="es">${inline()}</div>`),
  play: openDialog,
};

/** Dark theme. */
export const Dark: Story = {
  render: () => (
    withBackend(),
    html`<iop-crisis-connect variant="inline" theme="dark"></iop-crisis-connect>`
  ),
  play: openDialog,
};

/**
 * Forced colours (Windows High Contrast): the kit switches to system colours with visible borders. Storybook
 * cannot force colours; open this story in Chromium with `--force-high-contrast` or emulate forced colours
 * in DevTools (Rendering > Emulate CSS media feature forced-colors).
 */
export const ForcedColors: Story = { render: () => (withBackend(), inline()), play: openDialog };

/**
 * "Start an emergency video session" first asks where the person is right now (typed, or filled from the
 * browser's location when they tap to share it). "Skip" is always there, and the call options stay visible.
 */
export const WhereAreYou: Story = {
  render: () => (withBackend(), inline()),
  play: async (context) => {
    await openDialog(context);
    const el = context.canvasElement.querySelector<IopCrisisConnect>('iop-crisis-connect')!;
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('.video iop-button'); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    el.shadowRoot!.querySelector<HTMLElement>('.video iop-button')?.click();
  },
};

/** The same question in Spanish. */
export const WhereAreYouSpanish: Story = {
  render: () => (withBackend(), html`<div lang="es">${inline()}</div>`),
  play: WhereAreYou.play!,
};

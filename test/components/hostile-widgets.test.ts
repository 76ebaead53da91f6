import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { createMemoryBackend } from '../../src/core/backends/memory-backend.js';
import { DEMO_TELEHEALTH_ORIGIN } from '../../src/demo-data/seed.js';
import { signOut } from '../../src/core/client.js';
import { applyHostileTheme, deepElements } from '../shared/hostile.js';

// Every widget's layout at 320 px on the hostile theme (demo/hostile/theme.css): no sideways scroll, nothing
// cut off at the screen's edges, and text no smaller than the kit's small print (14 px) under the theme's
// 62.5 % root font size and 12 px paragraphs.

const WIDGETS: Array<[tag: string, attributes: Record<string, string>, ready: string]> = [
  ['iop-safety-plan', {}, '#h-warning-signs'],
  ['iop-follow-up-scheduler', {}, '[part="slots"]'],
  ['iop-coverage-explainer', {}, 'h2'],
  ['iop-pet-friendly-toggle', {}, '[part="note"]'],
  ['iop-crisis-connect', { variant: 'inline' }, '.trigger'],
];

/** Elements that hold visible text directly (inside the widget's shadow trees). */
function withText(elements: Element[]): Element[] {
  return elements.filter(
    (element) =>
      element.getClientRects().length > 0 &&
      [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
  );
}

/** Clipped on purpose to 1 px for screen readers only (`.sr-only`), so not part of the layout a person sees. */
const srOnly = (element: Element) => element.getBoundingClientRect().width <= 1;

describe('every widget on a hostile theme at 320 px', () => {
  let removeTheme: () => void;

  before(async () => {
    await setViewport({ width: 320, height: 640 });
    removeTheme = await applyHostileTheme();
  });
  after(async () => {
    removeTheme();
    await setViewport({ width: 800, height: 600 });
  });
  beforeEach(() => {
    configure({
      backend: createMemoryBackend({ participant: 'alex' }),
      allowedOrigins: [DEMO_TELEHEALTH_ORIGIN],
    });
  });
  afterEach(async () => {
    await signOut();
    resetConfig();
  });

  for (const [tag, attributes, ready] of WIDGETS) {
    it(`${tag}: no sideways scroll, nothing past the screen's edges, text at least 14 px`, async () => {
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      // A direct child of body, where the theme's `body > *` rules apply.
      document.body.append(el);
      try {
        await waitUntil(() => el.shadowRoot?.querySelector(ready), `${tag} renders`, { timeout: 4000 });
        await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'loaded', {
          timeout: 4000,
        });
        const { scrollWidth, clientWidth } = document.documentElement;
        expect(scrollWidth, 'no sideways scroll').to.be.at.most(clientWidth);
        const inside = deepElements(el.shadowRoot!).filter(
          (element) => element.getClientRects().length > 0 && !srOnly(element),
        );
        // What is checked below is really there: the widget's own ready element and more than it alone.
        expect(inside, 'on screen').to.include(el.shadowRoot!.querySelector(ready));
        expect(inside.length).to.be.greaterThan(1);
        for (const element of inside) {
          const box = element.getBoundingClientRect();
          const what = `${element.nodeName}.${element.className} "${element.textContent!.trim().slice(0, 30)}"`;
          expect(box.left, `${what} left edge`).to.be.at.least(-0.5);
          expect(box.right, `${what} right edge`).to.be.at.most(clientWidth + 0.5);
        }
        const texts = withText(inside);
        expect(texts.length).to.be.greaterThan(0);
        for (const element of texts) {
          const size = parseFloat(getComputedStyle(element).fontSize);
          expect(size, `${element.nodeName} "${element.textContent!.trim().slice(0, 30)}"`).to.be.at.least(
            14,
          );
        }
      } finally {
        el.remove();
      }
    });
  }
});

// Measured by scripts/bench.mjs. Reports in globalThis.benchResult:
// - interactiveMs: from the crisis-connect module starting to execute to its button upgraded and rendered (Lit's
//   updateComplete: the element has connected, built its button and click handler, and run its first update).
//   "Module start" is the mark bench:peers uses, a tiny module evaluated just before the kit's (every file of the
//   graph has arrived by then: ES modules run only once all of it is fetched). The kit is imported statically, as
//   a page's `<script type="module">` would load it, so it runs before the page's first layout and paint.
// - laidOutMs: the same until the button has a box (the page's first style and layout, forced here).
// - dialogMs: from a click on the button (once the page is idle) to the first frame in which the dialog is open
//   and its first 988 link has a box.
import './peers/mark.js';
import '/dist/browser/iop-crisis-connect.js';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function run() {
  const moduleStart = performance.getEntriesByName('module-start')[0].startTime;
  const el = document.querySelector('iop-crisis-connect');
  await el.updateComplete;
  const inner = el.shadowRoot.querySelector('button.trigger');
  if (!inner) throw new Error('the crisis button did not render');
  const interactiveMs = performance.now() - moduleStart;
  if (inner.getClientRects().length === 0) throw new Error('the crisis button has no box');
  const laidOutMs = performance.now() - moduleStart;

  // A person taps once the page has settled, not within a frame of the button appearing: wait until the
  // browser is idle (the button uses idle time to build its dialog), then for a frame.
  // `?click-at-once` measures the worst case instead: a click within a frame.
  if (!location.search.includes('click-at-once'))
    await new Promise((resolve) => requestIdleCallback(resolve));
  await nextFrame();
  const clicked = performance.now();
  inner.click();
  // Until the frame in which the first 988 link has a box: the dialog's `open` alone is set during the click,
  // before the browser has styled and laid out what it shows.
  for (;;) {
    await nextFrame();
    const dialog = el.shadowRoot.querySelector('iop-dialog');
    const link = dialog?.open && dialog.querySelector('.hotline a[href="tel:988"]');
    if (link && link.getClientRects().length > 0) break;
  }
  const dialogMs = performance.now() - clicked;
  globalThis.benchResult = { interactiveMs, laidOutMs, dialogMs };
}

run().catch((error) => (globalThis.benchResult = { error: String(error) }));

// The in-page half of the peer bench (scripts/bench-peers.mjs), the same for the three builds. Not part of
// any build and not counted in the bytes. Hands its result to benchDone (a binding to the node side):
// - readyMs: navigation start (performance's time origin) to the button being ready: rendered, a non-zero box,
//   and the element at its centre is the button (nothing covers it);
// - readyFromModuleMs: the same from "module start" (mark.js, evaluated just before the bundle);
// - tapMs: from a real tap (the node side dispatches it through CDP Input when asked by benchTap) to the first
//   animation frame in which the dialog's tel:988 link is visible: not hidden, not fully transparent (the
//   element and its flat-tree ancestors; checkVisibility), a non-zero box, and the element at its centre is
//   the link (or its text, slotted into it); timed from the pointerdown event's timeStamp;
// - readyToTapMs: how long after ready the tap arrived (`?tap=first-frame`: at once; `?tap=idle`: once the
//   page is idle);
// - files: the page's files fetched by the time it was ready (the node side sizes them).
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const idle = () => new Promise((resolve) => requestIdleCallback(() => resolve()));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first element matching `selector` under `root`, shadow roots included (each host's shadow first). */
function deepQuery(root, selector) {
  const inShadow = root.shadowRoot && deepQuery(root.shadowRoot, selector);
  if (inShadow) return inShadow;
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(selector)) return el;
    const inner = el.shadowRoot && deepQuery(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return undefined;
}

/** The innermost element at (x, y), through open shadow roots. */
function deepHit(x, y) {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit || !hit.shadowRoot.contains(inner)) break;
    hit = inner;
  }
  return hit;
}

/** Whether `node` is `el` or inside it in the flat tree (slotted content counts as inside its slot). */
function flatInside(node, el) {
  for (
    let n = node;
    n;
    n = n.assignedSlot ?? (n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode)
  ) {
    if (n === el) return true;
  }
  return false;
}

/** Shown, not transparent, with a box, and what a tap at its centre reaches. */
function reachable(el) {
  if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  const hit = deepHit(box.left + box.width / 2, box.top + box.height / 2);
  // Text slotted into the element hit-tests as the element's own host (the light-DOM parent of the text).
  return Boolean(hit) && (flatInside(hit, el) || hit === el.getRootNode().host);
}

/**
 * Runs one measurement. `trigger`: the button's element in the page; `dialog`: the dialog's element (searched
 * through shadow roots); `rendered(trigger)`: resolves once the button has rendered (Lit's updateComplete).
 */
export async function bench({ trigger, dialog, rendered }) {
  try {
    const host = document.querySelector(trigger);
    await rendered(host);
    let button;
    for (;;) {
      button = deepQuery(host, 'button');
      if (button && reachable(button)) break;
      await frame();
    }
    const ready = performance.now();
    const moduleStart = performance.getEntriesByName('module-start')[0].startTime;
    const files = performance
      .getEntriesByType('resource')
      .filter((e) => e.responseEnd <= ready)
      .map((e) => new URL(e.name).pathname);
    let tapStart;
    addEventListener('pointerdown', (e) => (tapStart ??= e.timeStamp), { capture: true });
    if (new URLSearchParams(location.search).get('tap') === 'idle') {
      await idle();
      await sleep(500);
      await idle();
      await frame();
    }
    const box = button.getBoundingClientRect();
    void globalThis.benchTap(box.left + box.width / 2, box.top + box.height / 2);
    let tapMs;
    for (;;) {
      await frame();
      if (tapStart === undefined) continue;
      const within = deepQuery(document, dialog);
      const link = within && deepQuery(within, 'a[href="tel:988"]');
      if (link && reachable(link)) {
        tapMs = performance.now() - tapStart;
        break;
      }
    }
    void globalThis.benchDone({
      readyMs: ready,
      readyFromModuleMs: ready - moduleStart,
      tapMs,
      readyToTapMs: tapStart - ready,
      files,
    });
  } catch (error) {
    void globalThis.benchDone({ error: String(error?.stack ?? error) });
  }
}

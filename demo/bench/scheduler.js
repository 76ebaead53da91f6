// Measured by scripts/bench.mjs: `<iop-follow-up-scheduler kind="individual">` with `?slots=N` open times over
// two weeks from twenty clinicians (60, 600 and 2,400: a program with twenty clinicians has 2,400).
// window.benchResult: firstDayMs, from the element connecting to its first day's times on screen; moveMs, the
// median of MOVES arrow-key presses in the listbox, each from the key to focus moved with style and layout done
// (the work the next frame needs: within 16.7 ms it is on screen in that frame); moveFrameMs, from the key to
// the next frame (each key is pressed just after a frame, so this is one frame interval at least).
const MOVES = 7;
const DAY_MS = 864e5;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function openTimes(count) {
  const clinicians = Array.from({ length: 20 }, (_, i) => ({
    id: `ct-${i}`,
    name: `Clinician ${i + 1}`,
    role: 'individual-therapist',
    credentials: 'LCSW',
  }));
  // Spread over 14 days from 8:00 to 18:00 UTC, in 30-minute steps, each clinician in turn.
  const start = new Date();
  start.setUTCHours(24, 0, 0, 0);
  return Array.from({ length: count }, (_, i) => {
    const day = Math.floor((i * 14) / count);
    const within = i - Math.ceil((day * count) / 14);
    const at = +start + day * DAY_MS + 8 * 3600e3 + (within % 20) * 1800e3;
    return {
      id: `slot-${i}`,
      start: new Date(at).toISOString(),
      end: new Date(at + 1800e3).toISOString(),
      clinician: clinicians[i % 20],
      kind: 'individual',
      modality: 'telehealth',
    };
  });
}

async function run() {
  const count = Number(new URLSearchParams(location.search).get('slots') ?? 60);
  const slots = openTimes(count);
  const { configure } = await import('/dist/iop-kit.min.js');
  // A Backend object: only the scheduler's two reads answer; the rest is never called here.
  const unused = async () => {
    throw new Error('not used by this bench');
  };
  const backend = Object.fromEntries(
    ['getMe', 'getCrisisResources', 'startTelehealth', 'logCrisisEvent', 'getSafetyPlan', 'book', 'cancel']
      .concat(['getCoverage', 'getPreferences', 'updatePreferences'])
      .map((name) => [name, unused]),
  );
  configure({ backend: { ...backend, listSlots: async () => slots, listAppointments: async () => [] } });
  const el = document.createElement('iop-follow-up-scheduler');
  el.setAttribute('kind', 'individual');
  el.setAttribute('timezone', 'UTC');
  const connected = performance.now();
  document.body.append(el);
  let first;
  while (!(first = el.shadowRoot?.querySelector('[role=option]'))) await nextFrame();
  await nextFrame();
  const firstDayMs = performance.now() - connected;
  first.focus();
  const moves = [];
  const toFrame = [];
  for (let i = 0; i < MOVES; i++) {
    await nextFrame();
    const from = el.shadowRoot.activeElement;
    const t0 = performance.now();
    // Down and up in turn, so focus always moves (a day's last time does not move on).
    const key = i % 2 ? 'ArrowUp' : 'ArrowDown';
    from.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    // The element's update for the move (a microtask), then focus on the new time; reading a box then flushes
    // style and layout.
    await el.updateComplete;
    while (el.shadowRoot.activeElement === from) await new Promise((resolve) => setTimeout(resolve));
    el.shadowRoot.activeElement.getBoundingClientRect();
    moves.push(performance.now() - t0);
    await nextFrame();
    toFrame.push(performance.now() - t0);
  }
  globalThis.benchResult = {
    firstDayMs,
    moveMs: median(moves),
    moveFrameMs: median(toFrame),
    options: el.shadowRoot.querySelectorAll('[role=option]').length,
  };
}

run().catch((error) => (globalThis.benchResult = { error: String(error) }));

// `npm run bench`: performance budgets in headless Chromium with the CPU throttled 4x through CDP.
// Runs each page at least RUNS times in a fresh page and prints medians (machines here are shared and noisy:
// medians, not means; the budgets are checked on the median). Builds the kit first when dist/ is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from '../demo/server/app.ts';
import { ensureBrowsers, launchChromium } from './ensure-browsers.mjs';
import { measure } from './sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const THROTTLE = 4;
const budgets = { interactiveMs: 50, dialogMs: 100, cachedPlanMs: 100, moveMs: 1000 / 60 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

ensureBrowsers();
if (!existsSync(`${root}dist/browser/manifests`))
  execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

const dataDir = mkdtempSync(join(tmpdir(), 'iop-bench-'));
const server = createServer({ dataDir, log: () => undefined });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

/**
 * Loads `path` RUNS times in fresh pages (CPU throttled `throttle` times) and collects what each sets as
 * globalThis.benchResult. The result is handed over through a binding, not polled: waitForFunction would inject
 * Playwright's own script into the page while it is being measured (about 17 ms of evaluation at 4x, inside
 * the frames a tap is timed over), as bench:peers also avoids. `prepare(page, nextResult)` runs first.
 */
async function runPage(path, prepare, throttle = THROTTLE) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let done = () => undefined;
    const nextResult = () => {
      let timer;
      return Promise.race([
        new Promise((resolve) => (done = resolve)),
        new Promise(
          (_, reject) => (timer = setTimeout(() => reject(new Error(`${path}: no result in 30 s`)), 30_000)),
        ),
      ]).finally(() => clearTimeout(timer));
    };
    await page.exposeBinding('benchDone', (_source, value) => done(value));
    await page.addInitScript(() =>
      Object.defineProperty(globalThis, 'benchResult', {
        set(value) {
          void globalThis.benchDone(value);
        },
      }),
    );
    if (prepare) await prepare(page, nextResult);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const result = nextResult();
    await page.goto(base + path);
    const value = await result;
    await context.close();
    if (value.error || errors.length) throw new Error(`${path}: ${value.error ?? errors.join('; ')}`);
    results.push(value);
  }
  return results;
}

const rows = [];
let failed = false;
function report(label, key, values) {
  const value = median(values);
  const ok = value <= budgets[key];
  failed ||= !ok;
  rows.push(
    `  ${label.padEnd(58)} median ${value.toFixed(1).padStart(6)} ms  budget ${+budgets[key].toFixed(1)} ms  ${ok ? 'ok' : 'OVER'}`,
  );
}

/** A figure printed for context, with no budget to meet. */
function noBudget(label, values) {
  rows.push(`  ${`${label} (no budget)`.padEnd(58)} median ${median(values).toFixed(1).padStart(6)} ms`);
}

try {
  const crisis = await runPage('/demo/bench/crisis.html');
  report(
    'crisis button interactive after its module starts',
    'interactiveMs',
    crisis.map((r) => r.interactiveMs),
  );
  noBudget(
    '  the same, until the button is laid out',
    crisis.map((r) => r.laidOutMs),
  );
  report(
    'click (page idle) to dialog with hotlines',
    'dialogMs',
    crisis.map((r) => r.dialogMs),
  );
  // The worst case: a click within a frame of the button appearing, before the dialog is built in idle time.
  const early = await runPage('/demo/bench/crisis.html?click-at-once');
  noBudget(
    '  click at once, before the page is idle',
    early.map((r) => r.dialogMs),
  );
  if (existsSync(`${root}demo/bench/safety-plan.html`)) {
    const warmThenCutOff = async (page, nextResult) => {
      // Fill the encrypted cache online once; then the API is cut off (the page's own files still load).
      const warmed = nextResult();
      await page.goto(`${base}/demo/bench/safety-plan.html?warm`);
      await warmed;
      await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    };
    // DESIGN.md sets this budget without a CPU slowdown; the 4x figure is printed beside it.
    const plan = await runPage('/demo/bench/safety-plan.html', warmThenCutOff, 1);
    report(
      'cached safety plan rendered offline after connecting (CPU not slowed)',
      'cachedPlanMs',
      plan.map((r) => r.cachedPlanMs),
    );
    const slowPlan = await runPage('/demo/bench/safety-plan.html', warmThenCutOff);
    noBudget(
      '  the same with the CPU 4x slower',
      slowPlan.map((r) => r.cachedPlanMs),
    );
  }
  // The scheduler with a large program's open times (issue 17): the first day must show as fast with 2,400 as
  // with 60, and one arrow-key move must stay within a frame.
  for (const count of [60, 600, 2400]) {
    const scheduler = await runPage(`/demo/bench/scheduler.html?slots=${count}`);
    noBudget(
      `scheduler, ${count} open times: first day on screen after connecting`,
      scheduler.map((r) => r.firstDayMs),
    );
    report(
      `scheduler, ${count} open times: arrow-key move, key to laid out`,
      'moveMs',
      scheduler.map((r) => r.moveMs),
    );
    noBudget(
      '  the same, key to the next frame',
      scheduler.map((r) => r.moveFrameMs),
    );
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const { tags } = measure();
console.log(
  `Benchmarks: headless Chromium, CPU throttled ${THROTTLE}x (CDP) unless said, ${RUNS} fresh page loads each, medians`,
);
for (const row of rows) console.log(row);
console.log(
  `  iop-crisis-connect size: ${(tags['iop-crisis-connect'] / 1000).toFixed(2)} KB brotli with Lit (budget 14 KB)`,
);
if (failed) {
  console.error('A performance budget was missed.');
  process.exit(1);
}

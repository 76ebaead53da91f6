// Story smoke test on the built Storybook, in headless Chromium (playwright-core, Debian's /usr/bin/chromium):
// every story must render without an error, every <iop-*> element in it must be upgraded with a shadow root,
// the a11y addon's axe run (parameters.a11y.test = 'error') must report no violation, IBM Equal Access (WCAG 2.2
// A and AA, scripts/a11y-engines.mjs) must report no violation in the story's root, and Lit must be loaded
// once. <iop-button> must render a native <button>, which also proves the legacy decorators were compiled.
//
//   node .storybook/smoke-test.mjs [storybook-static] [--only <story-id substring>]

// Node code, plus functions that run in the page (eslint.config.js gives node globals to .storybook/*.ts only).
/* global process, console, URL, window, document, customElements */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { launchChromium } from '../scripts/ensure-browsers.mjs';
import { equalAccessViolations } from '../scripts/a11y-engines.mjs';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
const root = resolve(args[0] ?? 'storybook-static');

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A static file server for the build (Storybook's iframe does not work from file:// URLs). */
function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter(
  (e) => e.type === 'story' && (!only || e.id.includes(only)),
);
if (stories.length === 0)
  throw new Error(`No stories in ${root}/index.json${only ? ` matching ${only}` : ''}`);

const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

const failures = [];
const started = Date.now();
try {
  const context = await browser.newContext();
  // Catch Storybook's STORY_FINISHED event (status and the a11y report) from the moment the channel exists.
  await context.addInitScript(() => {
    const finished = [];
    Object.defineProperty(window, '__iopFinished', { value: finished });
    let channel;
    Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set(value) {
        channel = value;
        value.on('storyFinished', (event) => finished.push(event));
      },
    });
  });
  const page = await context.newPage();
  let problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // Failed requests are reported with their URL below; the console line for them names none.
    if (/^Failed to load resource/.test(text)) return;
    if (message.type() === 'error' || /multiple versions of Lit/i.test(text))
      problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('response', (response) => {
    // The browser asks for /favicon.ico by itself; the build has none, which is harmless.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });

  for (const story of stories) {
    problems = [];
    const t0 = Date.now();
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    const event = await page
      .waitForFunction((id) => window.__iopFinished.find((e) => e.storyId === id), story.id, {
        timeout: 20000,
      })
      .then((handle) => handle.jsonValue())
      .catch(() => undefined);
    const report = await page.evaluate(() => {
      const rootEl = document.querySelector('#storybook-root');
      const all = [...(rootEl?.querySelectorAll('*') ?? [])];
      const kit = all.filter((el) => el.localName.startsWith('iop-'));
      return {
        elements: all.length,
        notUpgraded: kit
          .filter((el) => !customElements.get(el.localName) || !el.shadowRoot)
          .map((el) => el.localName),
        buttons: kit
          .filter((el) => el.localName === 'iop-button')
          .map((el) => Boolean(el.shadowRoot?.querySelector('button, a'))),
        litVersions: window.litElementVersions ?? [],
      };
    });
    if (!event) problems.push('did not finish rendering within 20 s');
    else if (event.status !== 'success') problems.push(`render status ${event.status}`);
    for (const reporter of event?.reporters ?? []) {
      if (reporter.type !== 'a11y' || reporter.status === 'passed') continue;
      const violations = reporter.result?.violations ?? [];
      // `a11y: { test: 'todo' }` on a story reports violations as a warning: listed, not failing.
      if (reporter.status === 'warning') {
        console.log(`warn ${story.id}: a11y (todo) ${violations.map((v) => v.id).join(', ')}`);
        continue;
      }
      if (reporter.result?.error)
        problems.push(`a11y: ${String(reporter.result.error.message ?? reporter.result.error)}`);
      for (const v of violations) {
        const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
        const more = v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : '';
        problems.push(`a11y ${v.id}: ${v.help} (${targets.join(', ')}${more})`);
      }
    }
    if (event) {
      for (const v of await equalAccessViolations(page, { root: '#storybook-root' }))
        problems.push(`equal-access ${v}`);
    }
    if (report.elements === 0) problems.push('rendered nothing');
    if (report.notUpgraded.length) problems.push(`not upgraded: ${report.notUpgraded.join(', ')}`);
    if (report.buttons.includes(false))
      problems.push('an <iop-button> has no native <button> or <a> in its shadow root');
    if (report.litVersions.length > 1) problems.push(`Lit loaded ${report.litVersions.length} times`);
    const ms = Date.now() - t0;
    if (problems.length) {
      const unique = [...new Set(problems.map((p) => p.split('\n')[0]))];
      failures.push({ id: story.id, problems: unique });
      console.log(`FAIL ${story.id} (${ms} ms)\n  ${unique.join('\n  ')}`);
    } else {
      console.log(`ok   ${story.id} (${ms} ms)`);
    }
  }
} finally {
  await browser.close();
  server.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\n${stories.length - failures.length}/${stories.length} stories passed in ${seconds} s`);
if (failures.length) console.log(`Failed: ${failures.map((f) => f.id).join(', ')}`);
if (failures.length) process.exit(1);

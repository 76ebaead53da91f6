// `npm run bench:peers` (issue 14): the crisis button against what a clinic could build from a general kit, the
// same job three ways: iop-kit's <iop-crisis-connect> (its npm entry, iop-kit/iop-crisis-connect), Shoelace
// (sl-button + sl-dialog) and Material Web (md-filled-button + md-dialog): a button that opens a dialog with
// 911, 988 (call and text), Crisis Text Line (741741) and SAMHSA (1-800-662-4357) as tel:/sms: links.
// Each is bundled for production by the same bundler (esbuild: bundle, minify, ESM, code splitting, es2022),
// served from one local server (node:http on loopback, no compression, the static graph modulepreloaded) and
// measured in ONE interleaved run in headless Chromium with the CPU throttled 4x (CDP): round after round, each
// round loads iop, sl, md with a tap at once, then iop, sl, md with a tap once the page is idle, each in a
// fresh browser context. The pages and the in-page measurement are in demo/bench/peers/ (harness.js says what
// each figure is). Prints medians, and iop-kit's ratio to the best peer on each figure (below 1: iop-kit ahead).
// A benchmark, not a test: it never fails CI and is not part of `npm test`. BENCH_RUNS sets the rounds (21);
// BENCH_SERVE=1 only builds and serves the pages (prints the address; for tracing or a look in a browser);
// BENCH_DEBUG=1 prints the pages' console and failed requests.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import { ensureBrowsers, launchChromium } from './ensure-browsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pagesDir = join(root, 'demo/bench/peers');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const THROTTLE = 4;
const PEERS = [
  { id: 'iop', name: 'iop-kit' },
  { id: 'sl', name: 'Shoelace 2.20.1' },
  { id: 'md', name: 'Material Web 2.5.0' },
];
const TAPS = ['first-frame', 'idle'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

ensureBrowsers();
// The iop-kit build bundles the npm entry, dist/iop-crisis-connect.js: build the kit when it is missing.
if (!existsSync(join(root, 'dist/iop-crisis-connect.js')))
  execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

/** Each peer's production bundle, in memory: URL path -> bytes, and the static graph of its entry. */
const files = new Map();
const staticGraph = {};
for (const { id } of PEERS) {
  const outdir = join(root, 'build', id); // nothing is written: served from memory at /build/<id>/
  const result = await build({
    entryPoints: [join(pagesDir, `${id}.entry.js`)],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    target: 'es2022',
    outdir,
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) files.set(`/${relative(root, file.path)}`, file.contents);
  const outputs = result.metafile.outputs;
  const seen = new Set();
  const walk = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of outputs[key].imports) if (i.kind === 'import-statement') walk(i.path);
  };
  walk(Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith(`${id}.entry.js`)));
  staticGraph[id] = [...seen].filter((k) => k.endsWith('.js')).map((k) => `/${k}`);
}
const sizes = new Map([...files].map(([path, bytes]) => [path, brotli(bytes)]));

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  let body = files.get(path);
  if (!body && path.startsWith('/peers/')) {
    const file = normalize(join(pagesDir, path.slice('/peers/'.length)));
    if (file.startsWith(pagesDir) && existsSync(file)) {
      body = readFileSync(file);
      const id = path.match(/^\/peers\/(\w+)\.html$/)?.[1];
      // The static graph preloaded, as a production build would (Vite does the same).
      if (id && staticGraph[id]) {
        const links = staticGraph[id].map((f) => `<link rel="modulepreload" href="${f}" />`).join('\n    ');
        body = Buffer.from(String(body).replace('<!-- preload -->', links));
      }
    }
  }
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
if (process.env.BENCH_SERVE) {
  console.log(`${base}/peers/iop.html, sl.html, md.html (?tap=first-frame or ?tap=idle); Ctrl-C to stop`);
  await new Promise(() => undefined);
}
const browser = await launchChromium();

/** One fresh page load of `id`'s page with a tap `tap` (first-frame or idle); what the page measured, and its bytes. */
async function load(id, tap) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (process.env.BENCH_DEBUG) {
    page.on('console', (m) => console.log(id, m.text()));
    page.on('response', (r) => r.status() >= 400 && console.log(id, r.status(), r.url()));
  }
  const cdp = await context.newCDPSession(page);
  // A real tap where the page asks (the button's centre): press and release sent back to back.
  await page.exposeBinding('benchTap', async (_source, x, y) => {
    const event = { x, y, button: 'left', clickCount: 1 };
    await Promise.all([
      cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...event }),
      cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...event }),
    ]);
  });
  // The page hands its result over through a binding: polling it (waitForFunction) would inject Playwright's
  // own script into the page while it is being measured.
  let done;
  const result = new Promise((resolve) => (done = resolve));
  await page.exposeBinding('benchDone', (_source, value) => done(value));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(`${base}/peers/${id}.html?tap=${tap}`);
  let timer;
  const value = await Promise.race([
    result,
    new Promise(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${id}: no result in 30 s`)), 30_000)),
    ),
  ]);
  clearTimeout(timer);
  await context.close();
  if (value.error || errors.length) throw new Error(`${id}: ${value.error ?? errors.join('; ')}`);
  const loaded = value.files.filter((f) => sizes.has(f));
  return { ...value, bytes: loaded.reduce((sum, f) => sum + sizes.get(f), 0), loaded };
}

const results = Object.fromEntries(PEERS.map(({ id }) => [id, { 'first-frame': [], idle: [] }]));
let version;
try {
  version = browser.version();
  for (let round = 0; round < RUNS; round++) {
    for (const tap of TAPS) for (const { id } of PEERS) results[id][tap].push(await load(id, tap));
    process.stdout.write(`\r  round ${round + 1}/${RUNS}`);
  }
  process.stdout.write('\n');
} finally {
  await browser.close();
  server.close();
}

const all = (id) => [...results[id]['first-frame'], ...results[id].idle];
const figures = [
  ['brotli bytes loaded before the button works (KB)', (id) => all(id).map((r) => r.bytes / 1000), 2],
  ['ready, from navigation start (ms)', (id) => all(id).map((r) => r.readyMs), 1],
  ['ready, from module start (ms)', (id) => all(id).map((r) => r.readyFromModuleMs), 1],
  ['tap at once to visible tel:988 link (ms)', (id) => results[id]['first-frame'].map((r) => r.tapMs), 1],
  ['tap once idle to visible tel:988 link (ms)', (id) => results[id].idle.map((r) => r.tapMs), 1],
];
const rows = figures.map(([label, values, digits]) => {
  const medians = PEERS.map(({ id }) => median(values(id)));
  const ratio = medians[0] / Math.min(...medians.slice(1));
  return [label, ...medians.map((m) => m.toFixed(digits)), ratio.toFixed(2)];
});
const header = [
  'median of ' + RUNS * 2 + ' loads (taps: ' + RUNS + ' each)',
  ...PEERS.map((p) => p.name),
  'iop-kit / best peer',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  `| ${cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
console.log(
  `Peer bench ${new Date().toISOString().slice(0, 10)}: headless Chromium ${version}, CPU ${THROTTLE}x (CDP), ` +
    `${RUNS} rounds interleaved, esbuild ${(await import('esbuild')).version} bundles (minified ESM, split)`,
);
console.log(line(header));
console.log(line(widths.map((w, i) => (i ? '-'.repeat(w - 1) + ':' : '-'.repeat(w)))));
for (const row of rows) console.log(line(row));
const gap = PEERS.map(
  ({ id, name }) => `${name} ${median(results[id]['first-frame'].map((r) => r.readyToTapMs)).toFixed(1)} ms`,
);
console.log(`The tap at once arrived after ready (median): ${gap.join(', ')}.`);
for (const { id, name } of PEERS) {
  const files = all(id)[0].loaded.map((f) => `${f.split('/').pop()} ${(sizes.get(f) / 1000).toFixed(2)} KB`);
  console.log(`${name} loaded before ready: ${files.join(', ')}`);
}

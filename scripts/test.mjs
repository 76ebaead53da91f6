// `npm test`: every quality gate, in order. Each failing gate fails the run; the others still run, so one run
// shows everything that is wrong. Sets up the browsers first when missing.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { ensureBrowsers } from './ensure-browsers.mjs';
import { FAILURES_FILE } from './wtr-failure-summary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
// Node 20's test runner does not expand globs: list the files here.
const testsIn = (dirs) =>
  dirs.flatMap((dir) =>
    existsSync(`${root}${dir}`)
      ? readdirSync(`${root}${dir}`)
          .filter((f) => f.endsWith('.test.ts'))
          .map((f) => `${dir}/${f}`)
      : [],
  );
const nodeTests = testsIn(['test/node', 'test/server']);
const e2eTests = testsIn(['test/e2e']);
const typeTests = testsIn(['test/types']);

const browserTests = 'browser tests: Chromium (coverage) and Firefox ESR';
const EXAMPLES =
  'framework examples: React, Vue and Angular apps install, type-check strictly and build (no kit warning)';
const steps = [
  ['design tokens are generated from tokens.json', 'node', ['scripts/tokens.mjs', '--check']],
  ['type check (tsc, browser code)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['type check (tsc, node code)', bin('tsc'), ['-p', 'tsconfig.node.json']],
  ['lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['formatting (prettier)', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['node tests (tools and reference backend)', 'node', ['--import', 'tsx', '--test', ...nodeTests]],
  ['build', 'node', ['scripts/build.mjs']],
  ['size budgets', 'node', ['scripts/sizes.mjs']],
  [
    'framework types: React and Vue apps type-check against the built package (tsc, vue-tsc)',
    'node',
    ['--import', 'tsx', '--test', ...typeTests],
  ],
  [EXAMPLES, 'node', ['scripts/examples.mjs']],
  ['Storybook build (offline)', bin('storybook'), ['build', '-o', 'storybook-static', '--quiet']],
  [browserTests, bin('wtr'), ['--coverage']],
  [
    'every story renders with no axe violation (Chromium)',
    'node',
    ['.storybook/smoke-test.mjs', 'storybook-static'],
  ],
  [
    'end-to-end tests: demos and the framework examples against the reference backend in Chromium',
    'node',
    ['--import', 'tsx', '--test', ...e2eTests],
  ],
];

ensureBrowsers();
const started = Date.now();
const failed = [];
// After a failed build, the steps that need its output cannot say anything useful.
const needsBuild = new Set([
  'size budgets',
  'framework types: React and Vue apps type-check against the built package (tsc, vue-tsc)',
  EXAMPLES,
  'Storybook build (offline)',
]);
const needsStorybook = 'every story renders with no axe violation (Chromium)';
for (const [label, cmd, args] of steps) {
  if (
    (failed.includes('build') && needsBuild.has(label)) ||
    (label === needsStorybook && failed.includes('Storybook build (offline)'))
  ) {
    failed.push(label);
    continue;
  }
  const t0 = Date.now();
  console.log(`\n=== ${label}`);
  try {
    execFileSync(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    console.log(`--- ${label}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch {
    failed.push(label);
    console.error(`--- ${label}: FAILED (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
}
const total = `${((Date.now() - started) / 1000).toFixed(0)} s`;
if (failed.length) {
  // CI keeps the tail of the log: say again which browser tests failed, when they did.
  if (failed.includes(browserTests))
    console.error(
      existsSync(FAILURES_FILE)
        ? `\nBrowser tests: ${readFileSync(FAILURES_FILE, 'utf8')}`
        : '\nBrowser tests: no test failed; see the coverage threshold or a browser that did not start, above.',
    );
  console.error(`\nnpm test FAILED (${total}):\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nnpm test: every gate passed in ${total}`);

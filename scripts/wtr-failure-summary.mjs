// A web-test-runner reporter that repeats every failure, with its browser, file and error, after the run.
// The default reporter prints failures as each file finishes, in the middle of a long log; CI keeps only the
// tail, so without this a red run can say "2 failed" and nothing about which. The same text is written to
// FAILURES_FILE, which scripts/test.mjs prints again at the very end of `npm test` (after the later gates' logs).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAILURES_FILE = fileURLToPath(
  new URL('../node_modules/.cache/iop-kit/wtr-failures.txt', import.meta.url),
);

/** @param {import('@web/test-runner-core').TestSuiteResult | undefined} suite */
function* failedTests(suite, path = []) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (!test.passed && !test.skipped) yield { name: [...path, test.name].join(' > '), error: test.error };
  }
  for (const child of suite.suites) yield* failedTests(child, [...path, child.name]);
}

/** @param {import('@web/test-runner-core').TestResultError | undefined} error */
function describe(error) {
  if (!error) return '(no error reported)';
  const lines = [error.message];
  if (error.expected !== undefined || error.actual !== undefined) {
    lines.push(`expected: ${error.expected}`, `actual:   ${error.actual}`);
  }
  const stack = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.includes('/test/') || line.includes('/src/'));
  lines.push(...stack.slice(0, 4));
  return lines.join('\n      ');
}

/** @returns {import('@web/test-runner-core').Reporter} */
export function failureSummaryReporter() {
  return {
    start() {
      rmSync(FAILURES_FILE, { force: true });
    },
    stop({ sessions }) {
      const out = [];
      for (const session of sessions) {
        const where = `${session.browser.name}: ${session.testFile.replace(process.cwd() + '/', '')}`;
        for (const error of session.errors) out.push(`  ${where}\n    file error: ${describe(error)}`);
        for (const test of failedTests(session.testResults)) {
          out.push(`  ${where}\n    ${test.name}\n      ${describe(test.error)}`);
        }
      }
      if (out.length === 0) return;
      const text = `Failures, repeated from above (${out.length}):\n${out.join('\n')}\n`;
      process.stdout.write(`\n${text}`);
      mkdirSync(dirname(FAILURES_FILE), { recursive: true });
      writeFileSync(FAILURES_FILE, text);
    },
  };
}

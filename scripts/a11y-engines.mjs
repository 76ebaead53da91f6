// The two accessibility engines the project runs, in one place: axe-core and IBM's Equal Access engine
// (accessibility-checker-engine). The story smoke test (.storybook/smoke-test.mjs) and the end-to-end harness
// (test/e2e/harness.ts) both call these, on a playwright-core Page. Both engines look inside open shadow roots.
//
// Equal Access runs its "WCAG_2_2" rule set (WCAG 2.2 A and AA). A result counts as a violation only when its
// value is ["VIOLATION", "FAIL"]: the engine is sure the rule is broken and the rule is one WCAG 2.2 A/AA
// requires. "POTENTIAL" and "MANUAL" results are the engine saying that a person must look (it cannot decide,
// e.g. contrast over a background image); "RECOMMENDATION" results are IBM best practice beyond WCAG. Counting
// those would fail on everything or need blanket exceptions, so they are left to manual review, as IBM's own
// checker does with its default failLevels ["violation"].
//
// A finding judged wrong is excused narrowly with `allow`: one rule id on one element (the DOM path Equal Access
// reports, exact), with the reason written beside it in the test. No engine and no rule is ever turned off.
/* global document */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AXE_SOURCE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
// ace.js declares `var ace`; the assignment makes it a property of the page's global object however the
// source is evaluated.
const ACE_SOURCE = `${readFileSync(`${ROOT}node_modules/accessibility-checker-engine/ace.js`, 'utf8')}
;globalThis.ace = ace;`;

/** axe's tags for WCAG 2.0, 2.1 and 2.2 A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Equal Access's rule set for WCAG 2.2 A and AA (the id in accessibility-checker-engine 4.x). */
export const EQUAL_ACCESS_RULESET = 'WCAG_2_2';

/**
 * axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page (or inside `root`, a CSS selector), one line
 * each: `rule-id: [targets]`.
 * @param {import('playwright-core').Page} page
 * @param {{ root?: string }} [options]
 * @returns {Promise<string[]>}
 */
export async function axeViolations(page, { root } = {}) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, root }) => {
      const context = root ? document.querySelector(root) : document;
      const result = await globalThis.axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    },
    { tags: AXE_TAGS, root },
  );
}

/**
 * @typedef {object} Allowance A finding judged wrong: one rule on one element, and why.
 * @property {string} rule Equal Access rule id, e.g. "text_contrast_sufficient".
 * @property {string} path the element's DOM path as Equal Access reports it (exact).
 * @property {string} why the reason, for the reader of the test.
 */

/**
 * IBM Equal Access's WCAG 2.2 A/AA violations ("VIOLATION", "FAIL") on the page (or inside `root`, a CSS
 * selector), one line each: `rule-id (reason): message at <DOM path>`, less the findings `allow` excuses.
 * @param {import('playwright-core').Page} page
 * @param {{ root?: string, allow?: Allowance[] }} [options]
 * @returns {Promise<string[]>}
 */
export async function equalAccessViolations(page, { root, allow = [] } = {}) {
  if (!(await page.evaluate(() => typeof globalThis.ace === 'object'))) await page.evaluate(ACE_SOURCE);
  const results = await page.evaluate(
    async ({ ruleset, root }) => {
      const node = root ? document.querySelector(root) : document;
      if (!node) throw new Error(`Equal Access: no element matches ${root}`);
      const report = await new globalThis.ace.Checker().check(node, [ruleset]);
      // An engine that ran no rule would report nothing, which must not read as "no violation".
      if (report.results.length === 0) throw new Error('Equal Access checked nothing');
      return report.results
        .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL')
        .map((r) => ({ rule: r.ruleId, reason: String(r.reasonId), message: r.message, path: r.path.dom }));
    },
    { ruleset: EQUAL_ACCESS_RULESET, root },
  );
  return results
    .filter((r) => !allow.some((a) => a.rule === r.rule && a.path === r.path))
    .map((r) => `${r.rule} (${r.reason}): ${r.message} at ${r.path}`);
}

/**
 * Both engines' violations, each line prefixed with the engine's name ("axe" or "equal-access").
 * @param {import('playwright-core').Page} page
 * @param {{ root?: string, allow?: Allowance[] }} [options]
 * @returns {Promise<string[]>}
 */
export async function a11yViolations(page, options = {}) {
  const axe = await axeViolations(page, options);
  const equalAccess = await equalAccessViolations(page, options);
  return [...axe.map((v) => `axe ${v}`), ...equalAccess.map((v) => `equal-access ${v}`)];
}

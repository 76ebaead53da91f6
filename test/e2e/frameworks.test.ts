/// <reference types="node" />
// The React, Vue and Angular example apps (examples/<framework>, built by `npm test` before this runs), the same
// checks in each (test/e2e/frameworks-shared.ts), against the reference backend in Chromium: a portal page that
// loads the kit after its first render, events by real clicks, form data and reset, two-way binding, remount;
// then the conformance fixture, rendered before the kit loads and after. The conformance table in
// stories/docs/frameworks.mdx is the one this run produces: `UPDATE_CONFORMANCE=1` rewrites it (read the diff).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import type { Browser } from 'playwright-core';
import { ROOT, launchBrowser, removeServerData, startServer, type RunningServer } from './harness.js';
import {
  ALL_FRAMEWORKS,
  FRAMEWORKS,
  conformanceTable,
  openExample,
  portal,
  runConformance,
  type ConformanceResults,
  type Framework,
  type OpenedExample,
} from './frameworks-shared.js';

const DOCS = join(ROOT, 'stories/docs/frameworks.mdx');
const START = '{/* conformance table: written by test/e2e/frameworks.test.ts */}';
const END = '{/* end of conformance table */}';
const UPDATE = process.env['UPDATE_CONFORMANCE'] === '1';

const results: ConformanceResults = {};

describe('framework examples', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    if (server) await removeServerData(server);
  });

  for (const framework of FRAMEWORKS as Framework[]) {
    describe(`${framework}: the portal page`, () => {
      let opened: OpenedExample;
      before(async () => {
        opened = await openExample(browser, server.base, framework);
      });
      after(() => opened?.context.close());

      test('the kit loads after the first render; the token set before upgrade signs the widgets in', () =>
        portal.lateLoadingAndSignedIn(opened));
      test('booking and cancelling a follow-up by clicks show "Booked" and "Cancelled" on the page', () =>
        portal.bookAndCancel(opened));
      test('the saved pet-friendly toggle, clicked, reports its change and saves', () =>
        portal.savedToggleByClick(opened));
      test('the check-in form: two-way binding, FormData on submit, reset', () =>
        portal.formDataAndReset(opened));
      test('the crisis button opens crisis help and the page hears iop-crisis-open', () =>
        portal.crisisOpens(opened));
      test('hiding and showing the widgets: signed in again, no request twice', () => portal.remount(opened));
      test('no console error and no kit warning', () => assert.deepEqual(opened.problems, []));
    });

    test(`${framework}: conformance, before and after upgrade, with a clean console`, async () => {
      const before = await runConformance(browser, server.base, framework, 'before');
      const afterUpgrade = await runConformance(browser, server.base, framework, 'after');
      results[framework] = { before: before.results, after: afterUpgrade.results };
      assert.deepEqual([...before.problems, ...afterUpgrade.problems], []);
    });
  }

  test('the conformance table in stories/docs/frameworks.mdx is the one this run produced', async () => {
    console.log(`${conformanceTable(results)}\n${JSON.stringify(results, null, 1)}`);
    assert.deepEqual(
      Object.keys(results).sort(),
      [...ALL_FRAMEWORKS].sort(),
      'every framework ran its conformance',
    );
    const page = readFileSync(DOCS, 'utf8');
    const start = page.indexOf(START);
    const end = page.indexOf(END);
    assert.ok(start >= 0 && end > start, `${DOCS} has the markers ${START} and ${END}`);
    const table = conformanceTable(results);
    const rewritten = `${page.slice(0, start + START.length)}\n\n${table}\n\n${page.slice(end)}`;
    const formatted = await prettier.format(rewritten, {
      ...(await prettier.resolveConfig(DOCS)),
      filepath: DOCS,
    });
    if (UPDATE) writeFileSync(DOCS, formatted);
    else
      assert.equal(
        page,
        formatted,
        'the table differs: run with UPDATE_CONFORMANCE=1 and read the diff before committing',
      );
    // Every failure in the table is a pitfall the docs page explains (before the kit loads, React and Vue write a
    // camelCase binding as a lowercase attribute and drop or stringify a function); any other failure is a bug.
    const failures = Object.entries(results).flatMap(([framework, byUpgrade]) =>
      Object.entries(byUpgrade).flatMap(([upgrade, checks]) =>
        Object.entries(checks)
          .filter(([, reason]) => reason !== '')
          .map(([id, reason]) => `${framework} ${upgrade} ${id}: ${reason}`),
      ),
    );
    const explained = /^(react|vue|angular) before (function-plain|number-camel): /;
    assert.deepEqual(
      failures.filter((f) => !explained.test(f)),
      [],
      'only the documented pitfalls fail',
    );
  });
});

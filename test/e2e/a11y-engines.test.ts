/// <reference types="node" />
// The shared accessibility helper (scripts/a11y-engines.mjs) finds faults, in the page and inside open shadow
// roots, and an allowance excuses exactly one rule on one element: so "no violation" elsewhere means something.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { a11yViolations, equalAccessViolations, launchBrowser } from './harness.js';

/** A page with an unlabelled field in the page and another inside an open shadow root. */
async function faultyPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="en"><head><title>Faults</title></head><body><main>
    <h1>Faults</h1><input id="light" type="text"><div id="host"></div></main></body></html>`);
  await page.evaluate(() => {
    const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Inside</p><input id="shadowed" type="text">';
  });
  return page;
}

describe('accessibility engines helper', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('both engines report an unlabelled field in the page and inside a shadow root', async () => {
    const page = await faultyPage(browser);
    const found = await a11yViolations(page);
    const equalAccess = found.filter((line) => line.startsWith('equal-access input_label_exists'));
    assert.equal(equalAccess.length, 2, found.join('\n'));
    assert.ok(
      equalAccess.some((line) => line.includes('/div[1]/#document-fragment[1]/input[1]')),
      found.join('\n'),
    );
    // axe names the shadowed field by its host and its selector inside the shadow root.
    const axe = found.filter((line) => line.startsWith('axe label:'));
    assert.equal(axe.length, 1, found.join('\n'));
    assert.match(axe[0]!, /"#light"/);
    assert.match(axe[0]!, /\["#host","#shadowed"\]/);
    await page.close();
  });

  test('an allowance excuses one rule on one element, not the same rule elsewhere', async () => {
    const page = await faultyPage(browser);
    const [shadowed] = (await equalAccessViolations(page)).filter((line) =>
      line.includes('#document-fragment'),
    );
    const path = shadowed!.slice(shadowed!.lastIndexOf(' at ') + 4);
    const left = await equalAccessViolations(page, {
      allow: [{ rule: 'input_label_exists', path, why: 'test of the allowance itself' }],
    });
    assert.equal(left.length, 1, left.join('\n'));
    assert.doesNotMatch(left[0]!, /#document-fragment/);
    await page.close();
  });
});

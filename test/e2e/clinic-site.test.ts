/// <reference types="node" />
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  a11yViolations,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  removeServerData,
  startServer,
  type RunningServer,
} from './harness.js';

const PAGES = ['/demo/clinic-site/', '/demo/clinic-site/program.html', '/demo/clinic-site/insurance.html'];

describe('clinic-site demo', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    if (server) await removeServerData(server);
  });

  test('with JavaScript disabled, every page shows the crisis links (988 and 911)', async () => {
    for (const path of PAGES) {
      const { page, context } = await openPage(browser, server.base + path, { javaScriptEnabled: false });
      const links = await page
        .locator('iop-crisis-connect a')
        .evaluateAll((as) =>
          as.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => a.getAttribute('href')),
        );
      assert.deepEqual(links, ['tel:988', 'tel:911'], path);
      await context.close();
    }
  });

  test('pages run under the strict CSP with no console error, and the button floats in the same place', async () => {
    const places: string[] = [];
    for (const path of PAGES) {
      const { page, context, problems } = await openPage(browser, server.base + path);
      const csp = (await page.request.get(server.base + path)).headers()['content-security-policy'] ?? '';
      assert.match(csp, /require-trusted-types-for 'script'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      const button = page.locator('iop-crisis-connect .trigger');
      await button.waitFor();
      // The floating button itself (in the top layer; its element has no box of its own).
      const box = await button.boundingBox();
      const viewport = page.viewportSize()!;
      places.push(
        `${Math.round(viewport.width - box!.x - box!.width)},${Math.round(viewport.height - box!.y - box!.height)}`,
      );
      assert.deepEqual(problems, [], `${path}: ${problems.join('\n')}`);
      await context.close();
    }
    assert.equal(new Set(places).size, 1, `same place on every page: ${places.join(' | ')}`);
  });

  test('a keyboard user opens help, reads the hotlines, closes it and is back on the button', async () => {
    const { page, context, problems } = await openPage(browser, server.base + PAGES[0]!);
    await page.locator('iop-crisis-connect .trigger').waitFor();
    // Tab until the crisis button has focus (it is last in the page's order).
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const onButton = await page.evaluate(() => document.activeElement?.tagName === 'IOP-CRISIS-CONNECT');
      if (onButton) break;
    }
    await page.keyboard.press('Enter');
    const dialog = page.locator('iop-crisis-connect iop-dialog');
    await dialog.locator('.hotline').first().waitFor();
    const text = await dialog.innerText();
    assert.match(text, /In danger now\? Call 911/);
    assert.match(text, /Crisis Text Line: text HOME to 741741/);
    await page.keyboard.press('Escape');
    // Closed (the button keeps the dialog built, closed, for the next tap).
    await page.waitForFunction(
      () =>
        document
          .querySelector('iop-crisis-connect')
          ?.shadowRoot?.querySelector<HTMLElement & { open: boolean }>('iop-dialog')?.open === false,
    );
    assert.equal(await dialog.locator('.hotline').first().isVisible(), false, 'the lines are hidden again');
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    assert.equal(focused, 'IOP-CRISIS-CONNECT');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('axe and IBM Equal Access find no WCAG 2.2 A/AA violation, and nothing scrolls sideways at 320 px', async () => {
    for (const path of PAGES) {
      const { page, context } = await openPage(browser, server.base + path, {
        viewport: { width: 320, height: 640 },
      });
      await page.locator('iop-crisis-connect .trigger').waitFor();
      assert.equal(await hasHorizontalScroll(page), false, `${path} scrolls sideways at 320 px`);
      assert.deepEqual(await a11yViolations(page), [], path);
      await context.close();
    }
  });
});

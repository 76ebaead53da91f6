/// <reference types="node" />
// A plain http: page on a real host name is not a secure context: Chromium then has no crypto.subtle (and no
// crypto.randomUUID). The kit cannot encrypt a copy there, so it keeps none on disk, and everything else still
// works from the network: the signed-in widgets load, the person is told the device keeps no offline copy,
// the crisis dialog shows the on-call clinician, and crisis events and preference changes reach the backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-browsers.mjs';
import { removeServerData, startServer, type RunningServer } from './harness.js';

const NO_COPY = 'This device cannot keep a copy for offline use.';

describe('the portal in an insecure context (http://iop.test, no WebCrypto)', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([
      startServer(),
      // iop.test resolves to the local server; not being localhost, http: on it is not a secure context.
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP iop.test 127.0.0.1'],
      }),
    ]);
  });
  after(async () => {
    await browser?.close();
    if (server) await removeServerData(server);
  });

  test('signed-in widgets load from the network, say the device keeps no copy, and writes still go out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    const warnings: string[] = [];
    const delivered: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
      if (message.type() === 'warning' && message.text().startsWith('iop-kit:'))
        warnings.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      const method = response.request().method();
      if (method !== 'GET') delivered.push(`${method} ${pathname} ${response.status()}`);
    });
    const port = new URL(server.base).port;
    await page.goto(`http://iop.test:${port}/demo/portal/`);

    const secureness = await page.evaluate(() => ({
      secure: isSecureContext,
      subtle: typeof crypto.subtle,
      randomUUID: typeof crypto.randomUUID,
    }));
    assert.deepEqual(secureness, { secure: false, subtle: 'undefined', randomUUID: 'undefined' });

    await page.locator('iop-safety-plan[participant=me] h2', { hasText: 'Warning signs' }).waitFor();
    await page.locator('iop-follow-up-scheduler [part=slot]').first().waitFor();
    await page.locator('iop-coverage-explainer progress').first().waitFor();
    await page.locator('iop-safety-plan[participant=me] [part=device-note]', { hasText: NO_COPY }).waitFor();
    await page.locator('iop-coverage-explainer [part=device-note]', { hasText: NO_COPY }).waitFor();
    assert.equal(await page.getByText('Please sign in').count(), 0);

    // The crisis dialog: the on-call clinician, not "Sign in"; opening it is logged with the backend.
    await page.locator('iop-crisis-connect .trigger').focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('iop-crisis-connect iop-dialog');
    await dialog.getByText('Has your safety plan').waitFor();
    assert.doesNotMatch(await dialog.innerText(), /Sign in/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.tagName === 'IOP-CRISIS-CONNECT');

    // A preference change goes out too (from the memory outbox).
    await page.waitForFunction(() => {
      const control = document
        .querySelector('iop-pet-friendly-toggle')
        ?.shadowRoot?.querySelector('[role=switch]');
      return !!control && control.getAttribute('aria-disabled') !== 'true';
    });
    await page.locator('iop-pet-friendly-toggle [role=switch]').focus();
    await page.keyboard.press('Space');
    await page.locator('iop-pet-friendly-toggle [part=note]', { hasText: 'Saved' }).waitFor();

    const until = Date.now() + 10_000;
    while (!delivered.some((d) => d.startsWith('POST /api/v1/crisis/events 202')) && Date.now() < until)
      await page.waitForTimeout(100);
    assert.ok(delivered.includes('POST /api/v1/crisis/events 202'), `crisis events delivered: ${delivered}`);
    assert.ok(delivered.includes('PATCH /api/v1/preferences 200'), `preferences saved: ${delivered}`);

    // Nothing on disk: no database of the kit (it would hold only ciphertext, and it cannot encrypt here).
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(!databases.includes('iop-kit'), `databases: ${databases}`);
    // One warning for the developer from each copy of the kit: the portal has two, the drop-in and the check-in's
    // own file beside it (the check-in is not in the drop-in for its size).
    assert.equal(warnings.length, 2, `one warning per copy of the kit: ${warnings}`);
    assert.equal(warnings[0], warnings[1]);
    assert.match(warnings[0]!, /crypto\.subtle/);
    assert.deepEqual(problems, []);

    await context.close();
  });
});

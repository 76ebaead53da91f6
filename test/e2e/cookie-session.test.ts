/// <reference types="node" />
// The portal in cookie mode against the reference backend: signed in with the server's HttpOnly session cookie
// and no token anywhere in page script; the CSRF header on every request; and a 401 (the session ended on the
// server, or the server forgot it) returning every widget to signed out.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, removeServerData, startServer, type RunningServer } from './harness.js';

const PORTAL = '/demo/portal/?session=cookie';
const SIGNED_OUT = 'Please sign in to see this.';
const WIDGETS = [
  'iop-safety-plan[participant=me]',
  'iop-follow-up-scheduler',
  'iop-coverage-explainer',
  'iop-pet-friendly-toggle',
];

/** Waits until every data widget shows what a signed-in person sees. */
async function everyWidgetSignedIn(page: Page): Promise<void> {
  await page.locator('iop-safety-plan[participant=me] h2').first().waitFor();
  await page.locator('iop-follow-up-scheduler [part=slot]').first().waitFor();
  await page.locator('iop-coverage-explainer progress').first().waitFor();
  await page.waitForFunction(() => {
    const control = document
      .querySelector('iop-pet-friendly-toggle')
      ?.shadowRoot?.querySelector('[role=switch]');
    return !!control && control.getAttribute('aria-disabled') !== 'true';
  });
  for (const widget of WIDGETS) {
    assert.equal(await page.locator(`${widget} [part=status]`, { hasText: SIGNED_OUT }).count(), 0, widget);
  }
}

/** Waits until every data widget (and the crisis dialog's on-call part) shows signed out, and nothing else. */
async function everyWidgetSignedOut(page: Page): Promise<void> {
  for (const widget of [...WIDGETS, 'iop-safety-plan[participant=partner]']) {
    await page.locator(`${widget} [part=status]`, { hasText: SIGNED_OUT }).waitFor({ timeout: 10_000 });
  }
  assert.equal(
    await page.locator('iop-safety-plan[participant=me] h2', { hasText: 'Warning signs' }).count(),
    0,
  );
  assert.equal(await page.locator('iop-follow-up-scheduler [part=slot]').count(), 0);
  await page.locator('iop-crisis-connect .trigger').focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('iop-crisis-connect iop-dialog');
  await dialog.getByText('Sign in to see your on-call therapist.').waitFor();
  assert.match(await dialog.innerText(), /988/, 'the crisis lines are still there');
  await page.keyboard.press('Escape');
}

describe('portal with a session cookie (no token in page script)', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    if (server) await removeServerData(server);
  });

  test('signed in with no token callback: HttpOnly cookie, CSRF header on every request, no token anywhere', async () => {
    const { page, context, problems } = await openPage(browser, 'about:blank');
    const apiRequests: { url: string; headers: Record<string, string> }[] = [];
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/'))
        apiRequests.push({ url: request.url(), headers: request.headers() });
    });
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.text());
    });
    await page.goto(server.base + PORTAL);
    await everyWidgetSignedIn(page);
    assert.match(await page.locator('#who').innerText(), /Signed in as Alex/);
    assert.equal(await page.evaluate(() => (window as { iopConfig?: unknown }).iopConfig), undefined);

    // The crisis dialog shows the on-call clinician: the cookie reaches the crisis endpoints too.
    await page.locator('iop-crisis-connect .trigger').focus();
    await page.keyboard.press('Enter');
    await page.locator('iop-crisis-connect iop-dialog').getByText('Has your safety plan').waitFor();
    await page.keyboard.press('Escape');

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'iop_session');
    assert.ok(cookie, 'the server set the session cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/api');
    assert.equal(
      await page.evaluate(() => document.cookie.includes('iop_session')),
      false,
      'script cannot read it',
    );

    const kitRequests = apiRequests.filter((r) => !r.url.endsWith('/api/v1/session'));
    assert.ok(kitRequests.length >= 5, `the widgets called the API (${kitRequests.length} requests)`);
    for (const request of apiRequests) {
      assert.equal(request.headers['x-iop-csrf'], '1', `${request.url} carries the CSRF header`);
      assert.equal(request.headers['authorization'], undefined, `${request.url} has no Authorization header`);
    }
    assert.ok(scripts.length > 0);
    for (const source of scripts)
      assert.ok(!/demo-(alex|jordan)/.test(source), 'no token in any loaded script');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a request with the cookie but without the CSRF header is refused', async () => {
    const { page, context } = await openPage(browser, server.base + PORTAL);
    await everyWidgetSignedIn(page);
    const statuses = await page.evaluate(async () => {
      const without = await fetch('/api/v1/me', { credentials: 'same-origin' });
      const withHeader = await fetch('/api/v1/me', {
        credentials: 'same-origin',
        headers: { 'X-IOP-CSRF': '1' },
      });
      return [without.status, (await without.json()).type, withHeader.status];
    });
    assert.deepEqual(statuses, [403, 'https://iop-kit.test/problems/csrf-header-required', 200]);
    await context.close();
  });

  test('a 401 returns every widget to signed out: signed out on the server, then a server that forgot the session', async () => {
    const { page, context } = await openPage(browser, server.base + PORTAL);
    await everyWidgetSignedIn(page);

    // Signed out on the server (another tab of the portal, or its own session timeout): the next call the kit
    // makes, here a change of the pet setting by keyboard, gets 401, and every widget follows.
    const ended = await page.evaluate(async () => {
      const response = await fetch('/api/v1/session', { method: 'DELETE', headers: { 'X-IOP-CSRF': '1' } });
      return response.status;
    });
    assert.equal(ended, 204);
    await page.locator('iop-pet-friendly-toggle [role=switch]').focus();
    await page.keyboard.press('Space');
    await everyWidgetSignedOut(page);
    assert.match(
      await page.locator('#who').innerText(),
      /Not signed in/,
      'the portal followed iop-session-ended',
    );

    // Signed in again (as Jordan), then the server restarts and has forgotten every session: after a reload the
    // cached copy is not shown to whoever holds the device; every widget is signed out and the copy is wiped.
    await page.locator('#sign-in-jordan').click();
    await everyWidgetSignedIn(page);
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'iop-kit'));
    await server.restart();
    await page.reload();
    await everyWidgetSignedOut(page);
    const cached = await page.evaluate(async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'iop-kit')) return 0;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('iop-kit');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (!db.objectStoreNames.contains('cache')) return 0;
      const count = await new Promise<number>((resolve) => {
        const request = db.transaction('cache').objectStore('cache').count();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return count;
    });
    assert.equal(cached, 0, 'nothing of the ended session is kept on the device');
    await context.close();
  });
});

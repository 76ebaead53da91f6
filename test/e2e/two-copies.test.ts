/// <reference types="node" />
// Two copies of the kit on one page, as a clinic's portal gets them: the drop-in file (dist/iop-kit.min.js) that
// defines the tags, and the portal's own bundle of the npm package (dist/index.js bundled by esbuild, as an app's
// bundler would) that calls configure() and signOut(). The copies must share one configuration and one session.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import {
  ROOT,
  launchBrowser,
  openPage,
  removeServerData,
  startServer,
  type RunningServer,
} from './harness.js';

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Two copies</title></head>
  <body>
    <main>
      <h1>My care</h1>
      <iop-safety-plan></iop-safety-plan>
      <button id="sign-out" type="button">Sign out</button>
    </main>
    <script type="module" src="/dist/iop-kit.min.js"></script>
    <script type="module" src="/two-copies/app.js"></script>
  </body>
</html>`;

// The portal's code: its own copy of the kit, imported from the package entry.
const APP = `
import { configure, signOut, getConfig } from './dist/index.js';
configure({ baseUrl: '/api/v1', getAccessToken: () => 'demo-alex' });
document.getElementById('sign-out').addEventListener('click', () => signOut());
window.appCopyConfig = getConfig;
`;

/** The portal's bundle: a whole second copy of the kit (Lit, client, every element class). */
async function bundleAppCopy(): Promise<string> {
  const result = await build({
    stdin: { contents: APP, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function openTwoCopies(browser: Browser, base: string, app: string) {
  const opened = await openPage(browser, 'about:blank');
  await opened.page.route(`${base}/two-copies/**`, (route) => {
    const isApp = route.request().url().endsWith('/app.js');
    return route.fulfill({
      contentType: isApp ? 'text/javascript' : 'text/html',
      body: isApp ? app : PAGE,
    });
  });
  await opened.page.goto(`${base}/two-copies/`);
  return opened;
}

const planText = (page: Page) => page.locator('iop-safety-plan').innerText();

describe('two copies of the kit on one page', () => {
  let server: RunningServer;
  let browser: Browser;
  let app: string;
  before(async () => {
    [server, browser, app] = await Promise.all([startServer(), launchBrowser(), bundleAppCopy()]);
  });
  after(async () => {
    await browser?.close();
    if (server) await removeServerData(server);
  });

  test('the drop-in bundle and the app bundle are two copies (Lit included twice)', () => {
    assert.ok(app.length > 50_000, `the app copy is a whole kit (${app.length} bytes)`);
  });

  test("configure() from the app's copy reaches the drop-in's widgets, and signOut() signs them out", async () => {
    const { page, context, problems } = await openTwoCopies(browser, server.base, app);
    const plan = page.locator('iop-safety-plan');
    await plan.getByText('Take Biscuit for a walk around the block.').waitFor({ timeout: 15_000 });
    // The element on the page is the drop-in's (its copy defined the tag first), configured by the app's copy.
    const [dropInBaseUrl, appBaseUrl] = await page.evaluate(async () => {
      const dropIn = (await import('/dist/iop-kit.min.js' as string)) as {
        getConfig(): { baseUrl?: string };
      };
      const appConfig = (window as unknown as { appCopyConfig(): { baseUrl?: string } }).appCopyConfig;
      return [dropIn.getConfig().baseUrl, appConfig().baseUrl];
    });
    assert.equal(dropInBaseUrl, '/api/v1');
    assert.equal(appBaseUrl, '/api/v1');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await plan.getByText('Please sign in to see this.').waitFor();
    assert.doesNotMatch(await planText(page), /Biscuit/, 'nothing of the plan stays on screen');
    assert.deepEqual(
      problems.filter((p) => !p.includes('401')),
      [],
      'no console error: same version, so no warning either',
    );
    await context.close();
  });
});

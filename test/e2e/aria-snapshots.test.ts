/// <reference types="node" />
// ARIA snapshots: what a screen reader is given (Playwright's accessibility-tree snapshot, as YAML) for the
// crisis dialog in every region and language, the safety plans, and each step of booking a follow-up, on the
// portal demo against the reference backend. What a screen reader announces is part of the contract: each
// snapshot is a file under test/e2e/aria-snapshots/, compared exactly, so a change to it shows in review.
// `UPDATE_ARIA_SNAPSHOTS=1 node --import tsx --test test/e2e/aria-snapshots.test.ts` rewrites the files
// (then read the diff before committing it). A missing file fails the test unless updating.
//
// Stable by construction: the reference backend runs in this process with its clock pinned to FIXED_NOW
// (slots are seeded relative to "now", the on-call rotation follows the clock), and the browser's clock starts
// at the same instant and runs on from there, in a fixed time zone and locale. The only text normalised is a
// random UUID (the video session's join link), replaced by <uuid> (see normalise below).
// Both accessibility engines also run in every state snapshotted here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createServer } from '../../demo/server/app.js';
import { ROOT, a11yViolations, launchBrowser } from './harness.js';

/** A Wednesday, 10:00 UTC: inside the 08-16 UTC on-call shift, with a week of slots seeded after it. */
const FIXED_NOW = Date.parse('2026-06-10T10:00:00Z');
const TIME_ZONE = 'America/Chicago';
const SNAPSHOTS = join(ROOT, 'test/e2e/aria-snapshots');
const UPDATE = process.env['UPDATE_ARIA_SNAPSHOTS'] === '1';
const REGIONS = ['US', 'CA', 'GB', 'AU'] as const;
const LANGUAGES = ['en', 'es'] as const;
/** The crisis button's label in each language (crisis-connect.messages.ts). */
const BUTTON = { en: 'Get help now', es: 'Ayuda ahora' };

/** Random ids (the video session's join link) become <uuid>; nothing else is rewritten. */
const normalise = (yaml: string) =>
  yaml.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');

/** Compares the locator's ARIA snapshot with test/e2e/aria-snapshots/<name>.yml (or rewrites it). */
async function expectAriaSnapshot(locator: Locator, name: string): Promise<void> {
  const actual = `${normalise(await locator.ariaSnapshot())}\n`;
  const file = join(SNAPSHOTS, `${name}.yml`);
  if (UPDATE) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing: run with UPDATE_ARIA_SNAPSHOTS=1 to write it`);
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `${name}: what a screen reader is given changed (UPDATE_ARIA_SNAPSHOTS=1 rewrites the file)`,
  );
}

/** Both engines, in the state the page is in now, inside `root` (the widget under test; default the page). */
async function expectNoViolation(page: Page, state: string, root?: string): Promise<void> {
  assert.deepEqual(await a11yViolations(page, { root }), [], state);
}

describe('ARIA snapshots of the portal demo', () => {
  let server: Server;
  let base: string;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'iop-aria-'));
    const started = Date.now();
    server = createServer({ dataDir, now: () => new Date(FIXED_NOW + Date.now() - started), log: () => {} });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
    context = await browser.newContext({
      timezoneId: TIME_ZONE,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    // The browser's clock starts at the server's instant and then runs on (timers fire as usual).
    await context.clock.install({ time: FIXED_NOW });
    await context.clock.resume();
    page = await context.newPage();
    await page.goto(`${base}/demo/portal/`);
    await page.locator('iop-follow-up-scheduler [part=slot]').first().waitFor();
  });
  after(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Sets the language of every widget (the provider's `lang`, which the widgets inherit). */
  const speak = (language: string) =>
    page.locator('iop-provider').evaluate((el, lang) => el.setAttribute('lang', lang), language);

  test('the crisis dialog, in each region and language', async () => {
    const crisis = page.locator('iop-crisis-connect');
    const dialog = crisis.locator('iop-dialog dialog');
    for (const region of REGIONS) {
      for (const language of LANGUAGES) {
        await crisis.evaluate((el, region) => el.setAttribute('region', region), region);
        await speak(language);
        // The button speaks the language before it opens the dialog.
        await crisis.locator('.trigger', { hasText: BUTTON[language] }).click();
        await dialog.waitFor();
        // The on-call clinician comes from the backend (then from its cache): wait for their line.
        await crisis.locator('[part=on-call] a[href^="tel:"]').waitFor();
        await expectAriaSnapshot(dialog, `crisis-dialog.${region}.${language}`);
        await expectNoViolation(page, `crisis dialog ${region} ${language}`, 'iop-crisis-connect');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      }
    }
    await speak('en');
  });

  test('the safety plans, mine and my partner’s', async () => {
    for (const language of LANGUAGES) {
      await speak(language);
      for (const participant of ['me', 'partner']) {
        const plan = page.locator(`iop-safety-plan[participant=${participant}]`);
        await plan.locator('h2').first().waitFor();
        // As the portal shows it (steps closed but step 5 on mine), then with every step open.
        await expectAriaSnapshot(plan, `safety-plan.${participant}.${language}`);
        const shown = await plan.getAttribute('open-sections');
        await plan.evaluate((el) => el.setAttribute('open-sections', 'all'));
        await expectAriaSnapshot(plan, `safety-plan.${participant}.${language}.all-open`);
        await plan.evaluate((el, value) => el.setAttribute('open-sections', value ?? 'all'), shown);
      }
    }
    await expectNoViolation(page, 'safety plans');
    await speak('en');
  });

  test('booking a follow-up, step by step, and cancelling it', async () => {
    const TEXT = {
      en: { book: 'Yes, book it', cancel: 'Cancel session', cancelYes: 'Yes, cancel it' },
      es: { book: 'Sí, reservar', cancel: 'Cancelar sesión', cancelYes: 'Sí, cancelarla' },
    };
    const scheduler = page.locator('iop-follow-up-scheduler');
    for (const language of LANGUAGES) {
      const t = TEXT[language];
      await speak(language);
      const snap = async (step: string) => {
        await expectAriaSnapshot(scheduler, `scheduler.${language}.${step}`);
        await expectNoViolation(page, `scheduler ${language} ${step}`, 'iop-follow-up-scheduler');
      };
      await scheduler.locator('[part=slot]').first().waitFor();
      await snap('1-slots');
      // In the middle of the screen, as a person scrolls it: at the bottom edge the floating crisis button is on top.
      await scheduler
        .locator('[part=slot]')
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await scheduler.locator('[part=slot]').first().click();
      await scheduler.locator('[part=confirm] iop-button', { hasText: t.book }).waitFor();
      await snap('2-confirm');
      await scheduler.locator('[part=confirm] iop-button', { hasText: t.book }).click();
      const card = scheduler.locator('[part=appointment]');
      await card.waitFor();
      await snap('3-booked');
      await card.locator('iop-button', { hasText: t.cancel }).click();
      await card.locator('iop-button', { hasText: t.cancelYes }).waitFor();
      await snap('4-cancel-confirm');
      await card.locator('iop-button', { hasText: t.cancelYes }).click();
      await card.waitFor({ state: 'detached' });
      await scheduler.locator('[part=slot]').first().waitFor();
      await snap('5-cancelled');
    }
    await speak('en');
  });
});

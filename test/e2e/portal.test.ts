/// <reference types="node" />
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  a11yViolations,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  removeServerData,
  startServer,
  type RunningServer,
} from './harness.js';

const PORTAL = '/demo/portal/';

/** Text a person sees in an element (Playwright's locators pierce open shadow roots). */
const textOf = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe('portal demo', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    if (server) await removeServerData(server);
  });

  async function api(path: string): Promise<unknown> {
    const res = await fetch(server.base + '/api/v1' + path, {
      headers: { authorization: 'Bearer demo-alex' },
    });
    assert.equal(res.status, 200, path);
    return res.json();
  }

  test('books a crisis debrief within 24 hours, downloads the .ics, then cancels it', async () => {
    const { page, context, problems } = await openPage(browser, server.base + PORTAL, {
      acceptDownloads: true,
    });
    const slot = page.locator('iop-follow-up-scheduler [part=slot]').first();
    await slot.waitFor();
    // The soonest time is inside the 24-hour window: said once in the day's label when all of that day is inside
    // it, otherwise on the time itself (which of the two depends on the hour the test runs).
    assert.match(
      `${await textOf(page, 'iop-follow-up-scheduler .day')} ${await slot.innerText()}`,
      /In the next 24 hours/,
      'the first time is marked as inside the 24-hour window',
    );
    await slot.click();
    await page
      .locator('iop-follow-up-scheduler [part=confirm] iop-button', { hasText: 'Yes, book it' })
      .click();
    const card = page.locator('iop-follow-up-scheduler [part=appointment]');
    await card.waitFor();
    const booked = (await api('/follow-ups')) as Array<{ id: string; kind: string; status: string }>;
    const debrief = booked.find((a) => a.kind === 'crisis-debrief' && a.status === 'booked');
    assert.ok(debrief, 'the server has the booking');

    const downloading = page.waitForEvent('download');
    await card.locator('iop-button', { hasText: 'Add to calendar' }).click();
    const download = await downloading;
    const ics = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
    assert.match(ics, /\r\nUID:[^\r]+@[^\r]+\r\n/);

    await card.locator('iop-button', { hasText: 'Cancel session' }).click();
    await card.locator('iop-button', { hasText: 'Yes, cancel it' }).click();
    await card.waitFor({ state: 'detached' });
    const after = (await api('/follow-ups')) as Array<{ id: string; status: string }>;
    assert.equal(after.find((a) => a.id === debrief.id)?.status, 'cancelled');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('two tabs booking the same slot end with one booking and a clear message in the other', async () => {
    // Two browsers (a laptop and a phone): tabs of one browser share the kit's cache and would see the booking.
    const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
    const [a, b] = [await contextA.newPage(), await contextB.newPage()];
    await Promise.all([a.goto(server.base + PORTAL), b.goto(server.base + PORTAL)]);
    const firstSlot = (page: Page) => page.locator('iop-follow-up-scheduler [part=slot]').first();
    await Promise.all([firstSlot(a).waitFor(), firstSlot(b).waitFor()]);
    const wanted = await firstSlot(a).innerText();
    assert.equal(await firstSlot(b).innerText(), wanted, 'both tabs offer the same first slot');
    await firstSlot(a).click();
    await firstSlot(b).click();
    const confirm = (page: Page) =>
      page.locator('iop-follow-up-scheduler [part=confirm] iop-button', { hasText: 'Yes, book it' });
    await confirm(a).click();
    await a.locator('iop-follow-up-scheduler [part=appointment]').waitFor();
    await confirm(b).click();
    await b.locator('iop-follow-up-scheduler', { hasText: 'just taken' }).waitFor();
    const booked = ((await api('/follow-ups')) as Array<{ kind: string; status: string }>).filter(
      (x) => x.kind === 'crisis-debrief' && x.status === 'booked',
    );
    assert.equal(booked.length, 1);
    // Leave the demo data as it was for the next tests.
    await a
      .locator('iop-follow-up-scheduler [part=appointment] iop-button', { hasText: 'Cancel session' })
      .click();
    await a
      .locator('iop-follow-up-scheduler [part=appointment] iop-button', { hasText: 'Yes, cancel it' })
      .click();
    await a.locator('iop-follow-up-scheduler [part=appointment]').waitFor({ state: 'detached' });
    await Promise.all([contextA.close(), contextB.close()]);
  });

  test('the pet-friendly toggle survives a reload, and an offline change is saved back online', async () => {
    const { page, context, problems } = await openPage(browser, server.base + PORTAL);
    const toggle = page.locator('iop-pet-friendly-toggle [role=switch]');
    await page.waitForFunction(() => {
      const el = document.querySelector('iop-pet-friendly-toggle') as HTMLElement & { checked?: boolean };
      return el?.shadowRoot?.querySelector('[role=switch]')?.getAttribute('aria-disabled') !== 'true';
    });
    const before = (await toggle.getAttribute('aria-checked')) === 'true';
    await toggle.click();
    await page.locator('iop-pet-friendly-toggle [part=note]', { hasText: 'Saved' }).waitFor();
    await page.reload();
    await page.waitForFunction(
      (want) =>
        document
          .querySelector('iop-pet-friendly-toggle')
          ?.shadowRoot?.querySelector('[role=switch]')
          ?.getAttribute('aria-checked') === String(want),
      !before,
    );

    await context.setOffline(true);
    await toggle.click();
    await page.locator('iop-pet-friendly-toggle [part=note]', { hasText: 'back online' }).waitFor();
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    for (let i = 0; i < 50; i++) {
      const prefs = (await api('/preferences')) as { petFriendly: boolean };
      if (prefs.petFriendly === before) break;
      await page.waitForTimeout(200);
    }
    assert.equal(((await api('/preferences')) as { petFriendly: boolean }).petFriendly, before);
    assert.deepEqual(
      problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')),
      [],
    );
    await context.close();
  });

  test('crisis help by keyboard: video session started, closed, focus back; with the server down the lines and cached on-call number still show', async () => {
    const { page, context } = await openPage(browser, server.base + PORTAL);
    // Let the crisis button warm its cache (it loads the on-call clinician when the page is idle).
    await page.waitForFunction(async () => {
      const dbs = await indexedDB.databases();
      return dbs.some((d) => d.name === 'iop-kit');
    });
    await page.locator('iop-crisis-connect .trigger').focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('iop-crisis-connect iop-dialog');
    await dialog.locator('.hotline').first().waitFor();
    await dialog.getByText('Has your safety plan').waitFor();
    await dialog.locator('iop-button', { hasText: 'Start an emergency video session' }).click();
    // Where are you right now? Skipped: the session still starts, and the request carries no location.
    await dialog.getByText('Where are you right now?').waitFor();
    assert.ok(await dialog.locator('a[href="tel:911"]').isVisible(), 'the call options stay on screen');
    await dialog.locator('iop-button', { hasText: /^\s*Skip\s*$/ }).click();
    const requested = page.waitForRequest((r) => r.url().endsWith('/api/v1/crisis/telehealth'));
    await dialog.locator('iop-button', { hasText: 'Yes, with my partner' }).click();
    assert.deepEqual((await requested).postDataJSON(), { includePartner: true });
    const join = dialog.locator('iop-button[href^="https://telehealth.clinic.example/"]');
    await join.waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.tagName === 'IOP-CRISIS-CONNECT');

    await server.stop();
    await page.locator('iop-crisis-connect .trigger').focus();
    await page.keyboard.press('Enter');
    await dialog.locator('.hotline').first().waitFor();
    await dialog.getByText('Has your safety plan').waitFor();
    const text = await dialog.innerText();
    assert.match(text, /In danger now\? Call 911/);
    assert.match(text, /988/);
    await context.close();
    await server.restart();
  });

  test('a check-in (its own file beside the drop-in) reaches the reference backend; the partner gets the mood only', async () => {
    const { page, context, problems } = await openPage(browser, server.base + PORTAL);
    const checkIn = page.locator('iop-check-in');
    const next = checkIn.locator('[part=next]');
    await checkIn.locator('.opt', { hasText: /^\s*4\s*$/ }).click();
    await checkIn.getByText('with Jordan').click();
    await next.click();
    await checkIn.getByText('Yes', { exact: true }).click();
    await next.click();
    await checkIn.locator('textarea').fill('Only for me');
    await next.click();
    for (let i = 0; i < 3; i++) {
      await checkIn.getByText('No', { exact: true }).click();
      await next.click();
    }
    await checkIn.getByText('Thank you for checking in.').waitFor();
    await checkIn.getByText('Your check-in was sent to your care team.').waitFor();
    const mine = (await api('/check-ins')) as { checkIns: { mood: number; note?: string }[] };
    assert.deepEqual(
      mine.checkIns.map((c) => [c.mood, c.note]),
      [[4, undefined]],
    );
    const res = await fetch(server.base + '/api/v1/check-ins', {
      headers: { authorization: 'Bearer demo-jordan' },
    });
    const jordan = (await res.json()) as { partner: { moods: unknown[] } };
    assert.deepEqual(
      jordan.partner.moods.map((m) => Object.keys(m as object).sort()),
      [['at', 'mood']],
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('sign-out leaves no IndexedDB database of the kit', async () => {
    const { page, context } = await openPage(browser, server.base + PORTAL);
    await page.locator('iop-safety-plan').first().locator('h2').first().waitFor();
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'iop-kit'));
    await page.locator('#sign-out').click();
    await page.locator('#sign-in-alex').waitFor();
    await page.waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name === 'iop-kit'));
    assert.match(await textOf(page, '#who'), /Not signed in/);
    await context.close();
  });

  test('the coverage explainer shows a per-visit cost and a program estimate with no typing', async () => {
    const { page, context, problems } = await openPage(browser, server.base + PORTAL);
    const program = page.locator('iop-coverage-explainer [part=program]');
    await program.waitFor();
    // The reference backend's IOP day: $350 typical allowed amount, 3 days a week for 8 weeks; Alex has $1,050
    // of deductible left (see test/components/coverage-explainer.test.ts for the arithmetic).
    assert.match(
      await textOf(page, 'iop-coverage-explainer [part=estimate]'),
      /You pay about \$350\.00\. Your plan pays about \$0\.00\./,
    );
    const said = await program.innerText();
    assert.match(said, /3 days a week for 8 weeks/);
    assert.match(said, /You pay about \$2,520\.00/);
    assert.match(said, /Deductible met on program day 3 \(week 1\)/);
    assert.equal(await program.locator('tbody tr').count(), 8);
    assert.deepEqual(problems, []);
    await context.close();
  });

  /** The portal's sections, and what shows once each has drawn its data. */
  const SECTIONS: Record<string, string> = {
    'check-in': 'iop-check-in [part=next]',
    plans: 'iop-safety-plan h2',
    book: 'iop-follow-up-scheduler [part=slot]',
    coverage: 'iop-coverage-explainer [part=program]',
    prefs: 'iop-pet-friendly-toggle [role=switch]',
  };

  /** Follows the portal's nav link to a section by keyboard, as a person would, and waits for its data. */
  async function goToSection(page: Page, id: string): Promise<void> {
    await page.locator(`nav.sections a[href="#${id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => document.activeElement?.closest('section')?.id === want, id);
    await page.locator(`#${id} ${SECTIONS[id]}`).first().waitFor();
  }

  /** In the page: the ids of the sections on screen, comma-separated (what shows, not only the attribute). */
  const SHOWN_IN_PAGE = () =>
    Array.from(document.querySelectorAll<HTMLElement>('main > section'))
      .filter((s) => s.checkVisibility())
      .map((s) => s.id)
      .join();

  /** The ids of the sections on screen. */
  const shownSections = async (page: Page) => (await page.evaluate(SHOWN_IN_PAGE)).split(',').filter(Boolean);

  /** Waits until exactly these sections (ids, comma-separated) are on screen. */
  const untilShown = (page: Page, ids: string) =>
    page.waitForFunction(`(${SHOWN_IN_PAGE.toString()})() === ${JSON.stringify(ids)}`);

  test('axe and IBM Equal Access find no WCAG 2.2 A/AA violation, no console error, and nothing scrolls sideways at 320 px, on each section', async () => {
    const { page, context, problems } = await openPage(browser, server.base + PORTAL, {
      viewport: { width: 320, height: 800 },
    });
    for (const id of Object.keys(SECTIONS)) {
      await goToSection(page, id);
      assert.deepEqual(await shownSections(page), [id]);
      assert.equal(await hasHorizontalScroll(page), false, `#${id} scrolls sideways at 320 px`);
      assert.deepEqual(await a11yViolations(page), [], `#${id}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a 390 px phone one section at a time: each page at most a third of the old 15,729 px, by keyboard, back and forward, and links between sections', async () => {
    const { page, context, problems } = await openPage(browser, server.base + PORTAL, {
      viewport: { width: 390, height: 844 },
    });
    // With nothing in the address, the first section; the nav says which one is on screen.
    await page.locator('#check-in iop-check-in [part=next]').waitFor();
    assert.deepEqual(await shownSections(page), ['check-in']);
    const current = () => page.locator('nav.sections a[aria-current=page]').innerText();
    assert.equal(await current(), 'Check-in');
    // 15,729 px was the portal at 390 px with two weeks of times in one column (issue 17); a third is 5,243.
    const heights: Record<string, number> = {};
    for (const id of Object.keys(SECTIONS)) {
      await goToSection(page, id);
      assert.deepEqual(await shownSections(page), [id]);
      heights[id] = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(heights[id]! <= 5243, `#${id} is ${heights[id]} px tall at 390 px`);
    }
    console.log(`portal heights at 390 px: ${JSON.stringify(heights)}`);
    assert.equal(await current(), 'Preferences');
    // Tab goes on from the section's heading into the section.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest('section')?.id),
      'prefs',
      'Tab from the heading lands in the section',
    );
    // Back and forward go between sections, as between pages.
    await page.goBack();
    await untilShown(page, 'coverage');
    assert.equal(await current(), 'Coverage');
    await page.goForward();
    await untilShown(page, 'prefs');

    // The crisis dialog's "My safety plan" (#plans-heading) opens the plans section and closes the dialog.
    await page.locator('iop-crisis-connect .trigger').focus();
    await page.keyboard.press('Enter');
    const plan = page.locator('iop-crisis-connect iop-dialog a', { hasText: 'My safety plan' });
    await plan.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'plans-heading');
    assert.deepEqual(await shownSections(page), ['plans']);
    assert.equal(await page.locator('iop-crisis-connect iop-dialog dialog').isVisible(), false);
    assert.ok(await page.locator('#plans-heading').isVisible());

    // A link from another page to a heading inside a section (the check-in's "Book a time to talk" is
    // #book-heading): a fresh load, not a hash change.
    await page.goto('about:blank');
    await page.goto(server.base + PORTAL + '#book-heading');
    await page.locator('#book iop-follow-up-scheduler [part=slot]').first().waitFor();
    assert.deepEqual(await shownSections(page), ['book']);
    assert.equal(await current(), 'Book');
    assert.deepEqual(problems, []);

    // A wide window shows every section again, the nav a contents with nothing marked current.
    await page.setViewportSize({ width: 1280, height: 800 });
    await untilShown(page, Object.keys(SECTIONS).join());
    assert.equal(await page.locator('nav.sections a[aria-current]').count(), 0);
    // Narrow again (zoomed in, a tablet turned) with focus in the coverage explainer: that section stays.
    await page.locator('#coverage iop-coverage-explainer [part=weeks] summary').first().focus();
    await page.setViewportSize({ width: 390, height: 844 });
    await untilShown(page, 'coverage');
    assert.equal(await page.evaluate(() => location.hash), '#coverage');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('section')?.id), 'coverage');
    await context.close();
  });
});

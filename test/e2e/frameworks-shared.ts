/// <reference types="node" />
// The checks every framework example passes (examples/react, examples/vue, examples/angular), written once:
// the same page contract (ids and texts below) in each framework, the same clicks, the same assertions. Each
// example's build is served on the reference backend's origin under /examples/<framework>/ (Playwright answers
// those requests from the build folder), so the kit talks to the backend's /api/v1 same-origin, as a portal does.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from './harness.js';

export type Framework = 'react' | 'vue' | 'angular';
export const ALL_FRAMEWORKS: readonly Framework[] = ['react', 'vue', 'angular'];
/** `IOP_FRAMEWORKS=react,vue` runs some of them (while working on one); the docs table then fails: it needs all. */
export const FRAMEWORKS: readonly Framework[] = process.env['IOP_FRAMEWORKS']
  ? ALL_FRAMEWORKS.filter((f) => process.env['IOP_FRAMEWORKS']!.split(',').includes(f))
  : ALL_FRAMEWORKS;
export const FRAMEWORK_NAMES: Record<Framework, string> = {
  react: 'React 19',
  vue: 'Vue 3.5',
  angular: 'Angular 21',
};

/** Where each example's build lands (Angular's application builder writes a `browser` folder). */
export function buildDir(framework: Framework): string {
  return join(ROOT, 'examples', framework, framework === 'angular' ? 'dist/browser' : 'dist');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Every tag that was defined, and whether such an element was already in the page at that moment. */
interface Definition {
  name: string;
  inPage: number;
}

declare global {
  interface Window {
    kitDefinitions: Definition[];
  }
}

export interface OpenedExample {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors, and console warnings that mention the kit or valibot. */
  problems: string[];
  /** Every request to the API, in order (method and path with query). */
  apiRequests: string[];
}

/** Opens an example's build (with `search`, e.g. `?conformance=before`) on the backend's origin. */
export async function openExample(
  browser: Browser,
  base: string,
  framework: Framework,
  search = '',
): Promise<OpenedExample> {
  const dir = buildDir(framework);
  assert.ok(
    existsSync(join(dir, 'index.html')),
    `${dir}/index.html is built (npm run build in examples/${framework})`,
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const apiRequests: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error') problems.push(`console error: ${text}`);
    else if (message.type() === 'warning' && /iop|valibot/i.test(text)) problems.push(`kit warning: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/'))
      apiRequests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  const prefix = `/examples/${framework}/`;
  await page.route(`${base}${prefix}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(prefix.length) || 'index.html';
    const file = normalize(join(dir, decodeURIComponent(path)));
    if (!file.startsWith(dir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      body: await readFile(file),
    });
  });
  // Records each customElements.define: which tags were already rendered (and bound) when the kit arrived.
  await page.addInitScript(() => {
    window.kitDefinitions = [];
    const define = customElements.define.bind(customElements);
    customElements.define = (name, constructor, options) => {
      window.kitDefinitions.push({ name, inPage: document.getElementsByTagName(name).length });
      define(name, constructor, options);
    };
  });
  await page.goto(`${base}${prefix}${search}`, { waitUntil: 'load' });
  await page.locator('#kit', { hasText: 'Kit ready' }).waitFor();
  return { page, context, problems, apiRequests };
}

/** The lines of the page's "What happened" list. */
export const eventLines = (page: Page) => page.locator('#events li').allInnerTexts();

/** Waits until the event list has a line matching `pattern`, and returns it. */
export async function waitForEvent(page: Page, pattern: RegExp): Promise<string> {
  const line = page.locator('#events li', { hasText: pattern }).last();
  await line.waitFor();
  return line.innerText();
}

const PLAN_TEXT = 'Take Biscuit for a walk around the block.';
const WIDGETS = [
  'iop-provider',
  'iop-safety-plan',
  'iop-follow-up-scheduler',
  'iop-coverage-explainer',
  'iop-crisis-connect',
  'iop-pet-friendly-toggle',
  'iop-switch',
];

/** Waits until a bound pet toggle has loaded the saved preference (it is locked until then). */
async function toggleReady(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const control = document.querySelector(sel)?.shadowRoot?.querySelector('[role=switch]');
    return control !== null && control !== undefined && control.getAttribute('aria-disabled') !== 'true';
  }, selector);
}

/** The portal checks, in order, on one open page. Each returns when it has asserted what a person sees. */
export const portal = {
  async lateLoadingAndSignedIn({ page }: OpenedExample): Promise<void> {
    const definitions = await page.evaluate(() => window.kitDefinitions);
    for (const tag of WIDGETS) {
      const defined = definitions.find((d) => d.name === tag);
      assert.ok(defined, `${tag} is defined`);
      assert.ok(defined.inPage > 0, `<${tag}> was rendered before the kit was loaded`);
    }
    // The token callback was set before the provider upgraded, and kept: the plan is Alex's, not "Please sign in".
    await page.locator('iop-safety-plan').getByText(PLAN_TEXT).waitFor();
    assert.equal(await page.getByText('Please sign in').count(), 0, 'no widget says "Please sign in"');
    await waitForEvent(page, /^Plan loaded: version \d+$/);
  },

  async bookAndCancel({ page }: OpenedExample): Promise<void> {
    const scheduler = page.locator('iop-follow-up-scheduler');
    await scheduler.locator('[part=slot]').first().click();
    await scheduler.locator('[part=confirm] iop-button', { hasText: 'Yes, book it' }).click();
    const booked = await waitForEvent(page, /^Booked: /);
    assert.match(booked, /^Booked: crisis-debrief at \d{4}-\d\d-\d\dT/);
    const card = scheduler.locator('[part=appointment]');
    await card.locator('iop-button', { hasText: 'Cancel session' }).click();
    await card.locator('iop-button', { hasText: 'Yes, cancel it' }).click();
    assert.equal(await waitForEvent(page, /^Cancelled: /), 'Cancelled: crisis-debrief');
  },

  async savedToggleByClick({ page }: OpenedExample): Promise<void> {
    await toggleReady(page, '#saved-pets');
    const control = page.locator('#saved-pets [role=switch]');
    const before = (await control.getAttribute('aria-checked')) === 'true';
    await control.click();
    const now = before ? 'off' : 'on';
    await waitForEvent(page, new RegExp(`^Pet-friendly preference: ${now}$`));
    await page.locator('#saved-pets [part=note]', { hasText: 'Saved' }).waitFor();
    // Back as it was, for the next framework's run on the same backend.
    await control.click();
    await waitForEvent(page, new RegExp(`^Pet-friendly preference: ${before ? 'on' : 'off'}$`));
    await toggleReady(page, '#saved-pets');
    await page.locator('#saved-pets [part=note]', { hasText: 'Saved' }).waitFor();
  },

  async formDataAndReset({ page }: OpenedExample): Promise<void> {
    const form = page.locator('#check-in');
    const bound = page.locator('#bound');
    const checked = (selector: string) =>
      page.evaluate(
        (sel) => (document.querySelector(sel) as HTMLElement & { checked: boolean }).checked,
        selector,
      );
    assert.equal(await bound.innerText(), 'Pet today: off · Reminders: off');
    // Element to state: real clicks on both switches.
    await form.locator('iop-pet-friendly-toggle [role=switch]').click();
    await form.locator('iop-switch [role=switch]').click();
    await bound.filter({ hasText: 'Pet today: on · Reminders: on' }).waitFor();
    await form.getByRole('button', { name: 'Show form data' }).click();
    await page.locator('#form-data', { hasText: '{' }).waitFor();
    assert.deepEqual(JSON.parse(await page.locator('#form-data').innerText()), {
      petToday: 'on',
      reminders: 'yes',
    });
    // Reset: both switches back to off, the bound state follows, nothing submits.
    await form.getByRole('button', { name: 'Reset' }).click();
    await bound.filter({ hasText: 'Pet today: off · Reminders: off' }).waitFor();
    assert.equal(await checked('#check-in iop-switch'), false, 'the switch is off after reset');
    assert.equal(await checked('#check-in iop-pet-friendly-toggle'), false, 'the toggle is off after reset');
    await form.getByRole('button', { name: 'Show form data' }).click();
    await page.locator('#form-data', { hasText: '{}' }).waitFor();
    // State to element: the app turns reminders on.
    await form.getByRole('button', { name: 'Turn reminders on' }).click();
    await bound.filter({ hasText: 'Reminders: on' }).waitFor();
    assert.equal(await checked('#check-in iop-switch'), true, 'the app state turned the switch on');
    assert.equal(
      await page.locator('#check-in iop-switch [role=switch]').getAttribute('aria-checked'),
      'true',
    );
    await form.getByRole('button', { name: 'Show form data' }).click();
    await page.locator('#form-data', { hasText: 'reminders' }).waitFor();
    assert.deepEqual(JSON.parse(await page.locator('#form-data').innerText()), { reminders: 'yes' });
    await form.getByRole('button', { name: 'Reset' }).click();
    await bound.filter({ hasText: 'Reminders: off' }).waitFor();
  },

  async crisisOpens({ page }: OpenedExample): Promise<void> {
    await page.locator('iop-crisis-connect .trigger').click();
    await page.locator('iop-crisis-connect iop-dialog').getByText('Has your safety plan').waitFor();
    await waitForEvent(page, /^Crisis help opened$/);
    await page.keyboard.press('Escape');
    await page
      .locator('iop-crisis-connect iop-dialog')
      .getByText('Has your safety plan')
      .waitFor({ state: 'hidden' });
  },

  async remount(opened: OpenedExample): Promise<void> {
    const { page, apiRequests } = opened;
    const remount = page.locator('#remount');
    await remount.filter({ hasText: 'Hide the widgets' }).click();
    await remount.filter({ hasText: 'Show the widgets' }).waitFor();
    assert.equal(await page.locator('iop-safety-plan').count(), 0, 'the widgets are gone');
    const from = apiRequests.length;
    await remount.click();
    await page.locator('iop-safety-plan').getByText(PLAN_TEXT).waitFor();
    await toggleReady(page, '#saved-pets');
    await page.locator('iop-follow-up-scheduler [part=slot]').first().waitFor();
    await waitForEvent(page, /^Plan loaded: version \d+$/);
    const during = apiRequests.slice(from);
    const twice = during.filter((request, i) => during.indexOf(request) !== i);
    assert.deepEqual(twice, [], `no request twice after a remount (requests: ${during.join(', ')})`);
    assert.equal(await page.getByText('Please sign in').count(), 0, 'still signed in after a remount');
  },
};

/** One row of the conformance table: what is checked, and how the page is read back. */
export interface ConformanceCheck {
  id: string;
  label: string;
  /** Returns a failure reason, or '' when the check passes. */
  run(page: Page): Promise<string>;
}

const prop = (page: Page, id: string, name: string) =>
  page.evaluate(
    ([i, n]) => (document.getElementById(i!) as unknown as Record<string, unknown>)[n!],
    [id, name],
  );

const expectEqual = (actual: unknown, expected: unknown) =>
  Object.is(actual, expected) ? '' : `got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;

const tokenOf = (page: Page, id: string) =>
  page.evaluate(async (i) => {
    const provider = document.getElementById(i) as HTMLElement & { getAccessToken?: () => Promise<string> };
    return typeof provider.getAccessToken === 'function' ? await provider.getAccessToken() : 'no function';
  }, id);

/** The same checks in every framework, in the spirit of custom-elements-everywhere. */
export const CONFORMANCE: ConformanceCheck[] = [
  {
    id: 'string-attr',
    label: 'String attribute (`definition` on iop-term)',
    run: async (page) => expectEqual(await prop(page, 'string-attr', 'definition'), 'Defined here'),
  },
  {
    id: 'number',
    label: 'Number (`heading-level` 3 on iop-card)',
    run: async (page) => expectEqual(await prop(page, 'number', 'headingLevel'), 3),
  },
  {
    id: 'number-camel',
    label: 'Pitfall: a number bound by its camelCase property name (`headingLevel`)',
    run: async (page) => expectEqual(await prop(page, 'number-camel', 'headingLevel'), 3),
  },
  {
    id: 'bool-true',
    label: 'Boolean true (`light-dismiss` on iop-dialog)',
    run: async (page) => expectEqual(await prop(page, 'bool-true', 'lightDismiss'), true),
  },
  {
    id: 'bool-false',
    label: 'Boolean false',
    run: async (page) => expectEqual(await prop(page, 'bool-false', 'lightDismiss'), false),
  },
  {
    id: 'bool-string-false',
    label: 'The string "false" (`light-dismiss="false"`) is false',
    run: async (page) => expectEqual(await prop(page, 'bool-string-false', 'lightDismiss'), false),
  },
  {
    id: 'bool-update',
    label: 'Boolean updated from true to false',
    run: async (page) => {
      const first = expectEqual(await prop(page, 'bool-update', 'lightDismiss'), true);
      if (first) return `before the update: ${first}`;
      await page.locator('#flip').click();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
      return expectEqual(await prop(page, 'bool-update', 'lightDismiss'), false);
    },
  },
  {
    id: 'object-style',
    label: 'Object: a style map with `--iop-*` custom properties',
    run: async (page) =>
      expectEqual(
        await page.evaluate(() =>
          getComputedStyle(document.getElementById('object-style')!)
            .getPropertyValue('--iop-color-accent')
            .trim(),
        ),
        'rgb(1, 2, 3)',
      ),
  },
  {
    id: 'function-plain',
    label: 'Pitfall: a function (`getAccessToken`) as a plain binding',
    run: async (page) => expectEqual(await tokenOf(page, 'function-plain'), 'token-plain'),
  },
  {
    id: 'function-recommended',
    label: 'Function (`getAccessToken`), bound as the docs say',
    run: async (page) => expectEqual(await tokenOf(page, 'function-recommended'), 'token-recommended'),
  },
  {
    id: 'event',
    label: 'Event with dashes (`iop-term-toggle`) by a click, with its detail',
    run: async (page) => {
      await page.locator('#event button').first().click();
      try {
        await page.locator('#event-log', { hasText: 'open' }).waitFor({ timeout: 3000 });
      } catch {
        return 'the handler did not run';
      }
      return expectEqual(await page.locator('#event-log').innerText(), '{"open":true}');
    },
  },
  {
    id: 'two-way',
    label: 'Two-way binding of `checked` (iop-switch): click, then the app sets it',
    run: async (page) => {
      await page.locator('#two-way [role=switch]').click();
      try {
        await page.locator('#two-way-state', { hasText: 'on' }).waitFor({ timeout: 3000 });
      } catch {
        return 'the app state did not follow the click';
      }
      await page.locator('#two-way-off').click();
      await page.locator('#two-way-state', { hasText: 'off' }).waitFor();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
      return expectEqual(await prop(page, 'two-way', 'checked'), false);
    },
  },
];

export type Upgrade = 'before' | 'after';
/** Per framework, per upgrade order, per check: '' (pass) or why it failed. */
export type ConformanceResults = Partial<Record<Framework, Record<Upgrade, Record<string, string>>>>;

/** Runs every check on a fresh page of the example's conformance fixture. */
export async function runConformance(
  browser: Browser,
  base: string,
  framework: Framework,
  upgrade: Upgrade,
): Promise<{ results: Record<string, string>; problems: string[] }> {
  const opened = await openExample(browser, base, framework, `?conformance=${upgrade}`);
  const { page } = opened;
  if (upgrade === 'before') {
    const definitions = await page.evaluate(() => window.kitDefinitions);
    for (const tag of ['iop-dialog', 'iop-provider', 'iop-switch'])
      assert.ok(
        (definitions.find((d) => d.name === tag)?.inPage ?? 0) > 0,
        `<${tag}> rendered before the kit`,
      );
  } else {
    const definitions = await page.evaluate(() => window.kitDefinitions);
    assert.ok(
      definitions.every((d) => d.inPage === 0),
      'after: every tag was defined before the fixture rendered',
    );
  }
  const results: Record<string, string> = {};
  for (const check of CONFORMANCE) results[check.id] = await check.run(page);
  const problems = [...opened.problems];
  await opened.context.close();
  return { results, problems };
}

/** The conformance table as Markdown (prettier formats it when it is written into the docs page). */
export function conformanceTable(results: ConformanceResults): string {
  const frameworks = FRAMEWORKS.filter((f) => results[f]);
  const header = ['Check', ...frameworks.map((f) => FRAMEWORK_NAMES[f])];
  const rows: string[][] = [];
  for (const upgrade of ['before', 'after'] as const)
    for (const check of CONFORMANCE)
      rows.push([
        `${check.label}, ${upgrade === 'before' ? 'set before the kit loads' : 'after the tags are defined'}`,
        ...frameworks.map((f) => (results[f]![upgrade][check.id] === '' ? 'pass' : 'FAIL')),
      ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/components/safety-plan/define.js';
import type { IopSafetyPlan, PlanLoadedDetail } from '../../src/components/safety-plan/safety-plan.js';
import type { DataState } from '../../src/internal/data-controller.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import { createSeed, type Seed } from '../../src/demo-data/seed.js';
import { getClient, signOut } from '../../src/core/client.js';
import type { SafetyPlan } from '../../src/core/schemas.js';

const root = (el: IopSafetyPlan) => el.shadowRoot!;
const state = (el: IopSafetyPlan) => (el as unknown as { data: { state: DataState<SafetyPlan> } }).data.state;
const text = (node: Element | ShadowRoot | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const headings = (el: IopSafetyPlan) => [...root(el).querySelectorAll('h2')].map((h) => text(h));
const hrefs = (el: IopSafetyPlan) =>
  [...root(el).querySelectorAll('section a')].map((a) => a.getAttribute('href'));
const sectionOf = (el: IopSafetyPlan, id: string) => root(el).querySelector(`#h-${id}`)!.closest('section')!;
const isChromium = navigator.userAgent.includes('Chrome');

let seed: Seed;
let backend: MemoryBackend;

function useBackend(participant: 'alex' | 'jordan' = 'alex') {
  backend = createMemoryBackend({ participant, seed });
  configure({ backend });
}

async function render(markup: TemplateResult = html`<iop-safety-plan></iop-safety-plan>`) {
  const wrapper = await fixture<HTMLElement>(html`<div>${markup}</div>`);
  return wrapper.querySelector('iop-safety-plan')!;
}

async function settled(el: IopSafetyPlan, status: DataState<SafetyPlan>['status'] = 'ready') {
  await waitUntil(() => state(el).status === status && !state(el).revalidating, `reaches ${status}`, {
    timeout: 4000,
  });
  await el.updateComplete;
}

/** Until the plan the element read is in the offline cache. */
async function cacheWritten() {
  await waitUntil(async () => (await getClient().cache.get('safety-plan:me')) !== undefined, 'cached', {
    timeout: 4000,
  });
}

/** Render and wait until the plan arrived. */
async function renderReady(markup?: TemplateResult) {
  const el = await render(markup);
  await settled(el);
  return el;
}

describe('iop-safety-plan', () => {
  beforeEach(() => {
    seed = createSeed(new Date());
    useBackend();
  });
  afterEach(async () => {
    if (isChromium) await emulateMedia({ media: 'screen' });
    await signOut();
    resetConfig();
  });

  it('shows every section in the Stanley-Brown order as numbered headings, with version and review', async () => {
    const el = document.createElement('iop-safety-plan');
    const loaded = oneEvent(el, 'iop-plan-loaded');
    document.body.append(el);
    const event = (await loaded) as CustomEvent<PlanLoadedDetail>;
    expect(event.detail).to.deep.equal({ version: 3, fromCache: false });
    expect(event.bubbles && event.composed).to.equal(true);
    await settled(el);
    expect(headings(el)).to.deep.equal([
      'Step 1: Warning signs',
      'Step 2: Things I can do on my own',
      'Step 3: People and places that take my mind off things',
      'Step 4: People I can ask for help',
      'Step 5: Professionals and crisis lines',
      'Step 6: Making my space safe',
      'My reasons for living',
      'How my partner helps',
      'How we calm things down',
      'Ways to feel grounded',
      'My pet, a comfort',
    ]);
    expect(text(root(el).querySelector('.title'))).to.equal('My safety plan');
    expect(text(root(el).querySelector('[part="meta"]'))).to.match(
      /^Version 3\. Last reviewed .*2026 by .+, LCSW\.$/,
    );
    expect(text(sectionOf(el, 'pet'))).to.contain('Biscuit (dog)');
    expect(root(el).querySelector('.sk')).to.equal(null);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('turns phones into tel: links and text lines into sms: links; bad numbers stay plain text', async () => {
    seed.safetyPlans.alex.helpContacts = [
      {
        name: 'Jordan',
        relationship: 'Partner',
        phone: '+1 (312) 555-0140',
        sms: { number: '+1-312-555-0140' },
      },
      { name: 'Crisis Text Line', sms: { number: '741741', body: 'HOME' } },
      { name: 'Old friend', phone: '555-CALL-ME', sms: { number: '12' } },
    ];
    const el = await renderReady();
    const help = sectionOf(el, 'help-contacts');
    const links = [...help.querySelectorAll('a')].map((a) => [a.getAttribute('href'), text(a)]);
    expect(links).to.deep.equal([
      ['tel:+13125550140', 'Call +1 (312) 555-0140'],
      ['sms:+13125550140', 'Text +1-312-555-0140'],
      ['sms:741741?&body=HOME', 'Text HOME to 741741'],
    ]);
    const plain = [...help.querySelectorAll('.acts span')].map((span) => text(span));
    expect(plain).to.deep.equal(['Call 555-CALL-ME', 'Text 12']);
    expect(text(help)).to.contain('Partner');
    expect(hrefs(el).every((h) => /^(tel|sms):/.test(h!))).to.equal(true);
  });

  it('always lists 988 and 911 in step 5, which stands out as the crisis section', async () => {
    seed.safetyPlans.alex.professionals = [{ name: 'Dr. Lee', phone: '+1-312-555-0100' }];
    const el = await renderReady();
    const step5 = sectionOf(el, 'professionals');
    const links = [...step5.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['tel:+13125550100', 'tel:988', 'sms:988', 'tel:911']);
    expect(text(step5)).to.contain('Emergency services');
    expect(step5.getAttribute('part')).to.equal('section crisis');
    const style = getComputedStyle(step5);
    expect(style.borderInlineStartWidth).to.equal('6px');
    expect(style.borderInlineStartColor).to.not.equal(
      getComputedStyle(sectionOf(el, 'pet')).borderInlineStartColor,
    );
    const call = step5.querySelector('a')!.getBoundingClientRect();
    expect(call.height).to.be.at.least(44);
  });

  it('uses the region’s emergency number (region attribute over configuration)', async () => {
    const el = await renderReady(html`<iop-safety-plan region="GB"></iop-safety-plan>`);
    expect(hrefs(el)).to.include('tel:999');
    expect(hrefs(el)).to.include('tel:111');
    el.region = 'XX' as 'US';
    await el.updateComplete;
    expect(hrefs(el)).to.include('tel:911');
  });

  it('renders HTML and javascript: from the backend as literal text and runs nothing', async () => {
    const payload = '<img src=x onerror="window.__iopXss=1">';
    const js = 'javascript:window.__iopXss=2';
    Object.assign(seed.safetyPlans.alex, {
      warningSigns: [payload, `<a href="${js}">click</a>`, js],
      reviewedBy: `<script>window.__iopXss=3</script>`,
      helpContacts: [
        { name: payload, relationship: js, phone: js, sms: { number: js, body: payload }, note: js },
      ],
      reasonsForLiving: ['<svg onload="window.__iopXss=4"></svg>'],
    });
    const el = await renderReady();
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __iopXss?: number }).__iopXss).to.equal(undefined);
    const shadow = root(el);
    expect(shadow.querySelectorAll('img, svg, script').length).to.equal(0);
    expect(shadow.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(hrefs(el).every((h) => /^(tel|sms):/.test(h!))).to.equal(true);
    expect(text(sectionOf(el, 'warning-signs'))).to.contain(payload);
    expect(text(sectionOf(el, 'warning-signs'))).to.contain(`<a href="${js}">click</a>`);
    expect(text(sectionOf(el, 'help-contacts'))).to.contain(`Call ${js}`);
    expect(text(shadow.querySelector('[part="meta"]'))).to.contain('<script>');
  });

  it('shows the partner’s plan when shared; both plans can stand side by side', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <iop-safety-plan></iop-safety-plan><iop-safety-plan participant="partner"></iop-safety-plan>
      </div>`,
    );
    const [mine, theirs] = [...wrapper.querySelectorAll('iop-safety-plan')];
    await settled(mine!);
    await settled(theirs!);
    expect(text(root(theirs!).querySelector('.title'))).to.equal('My partner’s safety plan');
    expect(text(sectionOf(theirs!, 'reasons-for-living'))).to.contain('Finishing my nursing degree');
    expect(text(sectionOf(mine!, 'reasons-for-living'))).to.contain('Biscuit needs me');
    expect(root(theirs!).querySelector('#h-pet')).to.equal(null); // Jordan's plan names no pet
    await expect(wrapper).to.be.accessible();
  });

  it('says kindly, with the partner’s name, that a plan was not shared (403), without an error dump', async () => {
    seed.sharesWith.jordan = [];
    const errors: Event[] = [];
    const wrapper = await fixture<HTMLElement>(
      html`<div @iop-error=${(e: Event) => errors.push(e)}>
        <iop-safety-plan participant="partner"></iop-safety-plan>
      </div>`,
    );
    const el = wrapper.querySelector('iop-safety-plan')!;
    await settled(el, 'error');
    await waitUntil(() => text(root(el).querySelector('[part="status"]')).includes('Jordan'), 'names Jordan');
    const status = text(root(el).querySelector('[part="status"]'));
    expect(status).to.contain('Jordan has not shared their plan with you. You can ask them.');
    expect(status).to.not.match(/403|consent|Error/);
    expect(errors).to.have.length(1);
    // No plan: only the crisis lines show.
    expect(headings(el)).to.deep.equal(['Step 5: Professionals and crisis lines']);
    expect(root(el).querySelector('nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('does not name the partner when their name is unknown', async () => {
    seed.sharesWith.jordan = [];
    useBackend();
    backend.getMe = () => Promise.reject(new Error('down'));
    const el = await render(html`<iop-safety-plan participant="partner" lang="es"></iop-safety-plan>`);
    await settled(el, 'error');
    await waitUntil(
      () =>
        text(root(el).querySelector('[part="status"]')).includes(
          'Tu pareja no ha compartido su plan contigo. Puedes pedírselo.',
        ),
      'the partner is not named',
    );
  });

  it('shows the cached plan offline, with its age, and says it came from the cache', async () => {
    (await renderReady()).remove();
    await cacheWritten();
    backend.simulate({ offline: true });
    const el = document.createElement('iop-safety-plan');
    const loaded = oneEvent(el, 'iop-plan-loaded');
    document.body.append(el);
    expect(((await loaded) as CustomEvent<PlanLoadedDetail>).detail).to.deep.equal({
      version: 3,
      fromCache: true,
    });
    await settled(el, 'stale');
    expect(text(root(el).querySelector('[part="status"]'))).to.match(
      /could not reach the clinic's server\. This is what was saved/,
    );
    expect(text(sectionOf(el, 'warning-signs'))).to.contain('I stop answering texts');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('renders a cached plan at once, without waiting for the network; announces each version once', async () => {
    (await renderReady()).remove();
    await cacheWritten();
    backend.simulate({ latencyMs: 2000 });
    const seen: PlanLoadedDetail[] = [];
    const wrapper = await fixture<HTMLElement>(
      html`<div @iop-plan-loaded=${(e: CustomEvent<PlanLoadedDetail>) => seen.push(e.detail)}></div>`,
    );
    const el = document.createElement('iop-safety-plan');
    wrapper.append(el);
    await waitUntil(() => state(el).status === 'stale', 'cached plan', { timeout: 1500 });
    await el.updateComplete;
    expect(state(el).revalidating, 'network still pending').to.equal(true);
    expect(text(sectionOf(el, 'warning-signs'))).to.contain('I stop answering texts');
    expect(text(root(el).querySelector('[part="status"]'))).to.contain('Checking for updates');
    await settled(el);
    expect(seen).to.deep.equal([{ version: 3, fromCache: true }]);
    // A newer version is announced again.
    seed.safetyPlans.alex.version = 4;
    await (el as unknown as { data: { reload(): Promise<void> } }).data.reload();
    expect(seen).to.deep.equal([
      { version: 3, fromCache: true },
      { version: 4, fromCache: false },
    ]);
  });

  it('loading: a skeleton under each heading, busy, and no jump when the plan arrives', async () => {
    backend.simulate({ latencyMs: 300 });
    const el = await render();
    expect(state(el).status).to.equal('loading');
    const base = root(el).querySelector('[part="base"]')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelectorAll('.sk').length).to.equal(9); // every section but 5, which shows its lines
    expect(hrefs(el)).to.deep.equal(['tel:988', 'sms:988', 'tel:911']);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Loading the safety plan…');
    const before = root(el).querySelector('#h-warning-signs')!.getBoundingClientRect().top;
    const skeleton = root(el).querySelector('.sk')!.getBoundingClientRect().height;
    expect(skeleton).to.be.greaterThan(40);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(base.getAttribute('aria-busy')).to.equal('false');
    expect(root(el).querySelector('#h-warning-signs')!.getBoundingClientRect().top).to.equal(before);
  });

  it('error with retry: only the crisis lines until the retry works', async () => {
    backend.simulate({ failWith: { status: 500 } });
    const el = await render();
    await settled(el, 'error');
    expect(text(root(el).querySelector('[part="status"]'))).to.contain('We could not load this right now.');
    expect(headings(el)).to.deep.equal(['Step 5: Professionals and crisis lines']);
    await expect(el).to.be.accessible();
    backend.simulate();
    root(el).querySelector<HTMLElement>('[part="status"] iop-button')!.click();
    await settled(el);
    expect(headings(el)).to.have.length(11);
  });

  it('offline with nothing cached, and signed out: a clear line and the crisis lines', async () => {
    backend.simulate({ offline: true });
    const el = await render();
    await settled(el, 'offline');
    expect(text(root(el).querySelector('[part="status"]'))).to.contain(
      "We could not reach the clinic's server. The crisis lines still work.",
    );
    expect(hrefs(el)).to.deep.equal(['tel:988', 'sms:988', 'tel:911']);
    await expect(el).to.be.accessible();

    resetConfig();
    configure({ baseUrl: '/api/v1' });
    await waitUntil(() => state(el).status === 'signed-out');
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="status"]'))).to.contain('Please sign in');
    expect(hrefs(el)).to.include('tel:911');
    await expect(el).to.be.accessible();
  });

  it('empty sections say "Not filled in yet", or are hidden with empty-sections="hide"', async () => {
    Object.assign(seed.safetyPlans.alex, {
      copingStrategies: [],
      environmentSafety: [],
      partnerSupport: undefined,
      pet: undefined,
    });
    const el = await renderReady();
    expect(text(sectionOf(el, 'coping-strategies'))).to.contain('Not filled in yet.');
    expect(root(el).querySelectorAll('.empty').length).to.equal(5);
    await expect(el).to.be.accessible();
    el.emptySections = 'hide';
    await el.updateComplete;
    expect(headings(el)).to.deep.equal([
      'Step 1: Warning signs',
      'Step 3: People and places that take my mind off things',
      'Step 4: People I can ask for help',
      'Step 5: Professionals and crisis lines',
      'My reasons for living',
    ]);
    expect(root(el).querySelectorAll('nav a').length).to.equal(5);
  });

  it('filters sections and warns once, naming the unknown ids', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await renderReady(
        html`<iop-safety-plan sections="reasons-for-living, nope,professionals,step-9"></iop-safety-plan>`,
      );
      expect(headings(el)).to.deep.equal(['Step 5: Professionals and crisis lines', 'My reasons for living']);
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('nope, step-9');
      el.sections = 'pet';
      await el.updateComplete;
      expect(headings(el)).to.deep.equal(['My pet, a comfort']);
      expect(root(el).querySelector('nav'), 'no jump list for one section').to.equal(null);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('collapses a section with its disclosure button, by mouse and keyboard; all start open', async () => {
    const el = await renderReady();
    const buttons = [...root(el).querySelectorAll('h2 button')];
    expect(buttons.every((b) => b.getAttribute('aria-expanded') === 'true')).to.equal(true);
    const button = root(el).querySelector<HTMLButtonElement>('#h-warning-signs button')!;
    const body = root(el).querySelector<HTMLElement>(`#${button.getAttribute('aria-controls')}`)!;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(body.hidden).to.equal(true);
    expect(body.getClientRects().length).to.equal(0);
    await expect(el).to.be.accessible();
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(body.hidden).to.equal(true);
  });

  it('open-sections="professionals": step 5 open, every other step one key press away, no jump list', async () => {
    const el = await renderReady(html`<iop-safety-plan open-sections="professionals"></iop-safety-plan>`);
    const expanded = () =>
      [...root(el).querySelectorAll('h2 button')]
        .filter((b) => b.getAttribute('aria-expanded') === 'true')
        .map((b) => text(b));
    expect(expanded()).to.deep.equal(['Step 5: Professionals and crisis lines']);
    expect(headings(el)).to.have.length(11);
    expect(text(sectionOf(el, 'professionals')))
      .to.contain('Call 988')
      .and.contain('Call 911');
    expect(
      sectionOf(el, 'warning-signs').querySelector<HTMLElement>('.body')!.getClientRects().length,
    ).to.equal(0);
    expect(root(el).querySelector('nav'), 'the closed headings are the list of steps').to.equal(null);
    // A closed step is one row: no taller than a 44 px target plus its padding.
    const closed = sectionOf(el, 'warning-signs').getBoundingClientRect().height;
    expect(closed).to.be.at.most(sectionOf(el, 'professionals').getBoundingClientRect().height / 3);
    await expect(el).to.be.accessible();
    // Keyboard: Tab to step 1's button, open it with Enter.
    root(el).querySelector<HTMLButtonElement>('#h-warning-signs button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(expanded()).to.deep.equal(['Step 1: Warning signs', 'Step 5: Professionals and crisis lines']);
    expect(text(sectionOf(el, 'warning-signs'))).to.contain('I stop answering texts');
  });

  it('open-sections="none" closes every step; "all" (the default) opens them again; unknown ids warn', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await renderReady(html`<iop-safety-plan open-sections="none"></iop-safety-plan>`);
      const open = () => root(el).querySelectorAll('h2 button[aria-expanded="true"]').length;
      expect(open()).to.equal(0);
      el.openSections = 'all';
      await el.updateComplete;
      expect(open()).to.equal(11);
      expect(root(el).querySelector('nav')).to.not.equal(null);
      el.openSections = 'reasons-for-living, step-9';
      await el.updateComplete;
      expect(open()).to.equal(1);
      expect(warnings.map((w) => String(w[0]))).to.deep.equal([
        'iop-safety-plan: unknown open-sections ignored: step-9',
      ]);
    } finally {
      console.warn = warn;
    }
  });

  it('jump links move focus to the heading and open a collapsed section', async () => {
    const el = await renderReady();
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map((a) => text(a))).to.deep.equal(headings(el).slice(0, 10)); // not the pet
    root(el).querySelector<HTMLElement>('#h-professionals button')!.click();
    await el.updateComplete;
    const before = location.href;
    links[4]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'h-professionals', 'focus on the heading');
    expect(location.href).to.equal(before);
    expect(root(el).querySelector('#h-professionals button')!.getAttribute('aria-expanded')).to.equal('true');
    links[0]!.click();
    await waitUntil(() => root(el).activeElement?.id === 'h-warning-signs');
  });

  it('printable: no collapse buttons, no jump links, black on white, sections kept whole', async () => {
    const el = await renderReady(html`<iop-safety-plan printable theme="dark"></iop-safety-plan>`);
    expect(root(el).querySelector('button')).to.equal(null);
    expect(root(el).querySelector('nav')).to.equal(null);
    expect(headings(el)[0]).to.equal('Step 1: Warning signs');
    const section = sectionOf(el, 'professionals');
    expect(getComputedStyle(el).color).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(section.querySelector('h2')!).color).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(section.querySelector('a')!).color).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(section).breakInside).to.equal('avoid');
    await expect(el).to.be.accessible();
  });

  it('print stylesheet: hides the jump links and chevrons, shows collapsed sections, black on white', async () => {
    const el = await renderReady(html`<iop-safety-plan theme="dark"></iop-safety-plan>`);
    const sheets = (root(el) as ShadowRoot & { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets;
    const print = sheets
      .flatMap((s) => [...s.cssRules])
      .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print');
    const printCss = print.map((r) => r.cssText).join('\n');
    expect(printCss).to.match(/nav,\s*h2 button::before\s*\{\s*display: none/);
    expect(printCss).to.contain('--_color-text: CanvasText');
    root(el).querySelector<HTMLElement>('#h-grounding button')!.click();
    await el.updateComplete;
    if (isChromium) {
      // emulateMedia works in Chromium only (see WIDGETS.md).
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(root(el).querySelector('nav')!).display).to.equal('none');
      expect(getComputedStyle(root(el).querySelector('#b-grounding')!).display).to.equal('block');
      expect(getComputedStyle(el).color).to.equal('rgb(0, 0, 0)');
    }
  });

  it('speaks Spanish', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><iop-safety-plan></iop-safety-plan></div>`,
    );
    const el = wrapper.querySelector('iop-safety-plan')!;
    await settled(el);
    expect(headings(el)[0]).to.equal('Paso 1: Señales de alerta');
    expect(text(root(el).querySelector('.title'))).to.equal('Mi plan de seguridad');
    expect(text(root(el).querySelector('[part="meta"]'))).to.match(/^Versión 3\. Revisado por última vez el/);
    expect(text(sectionOf(el, 'professionals'))).to.contain('Llamar al 911');
    expect(root(el).querySelector('nav')!.getAttribute('aria-label')).to.equal(
      'Ir a un paso: Mi plan de seguridad',
    );
    seed.safetyPlans.alex.professionals = [];
    await (el as unknown as { data: { reload(): Promise<void> } }).data.reload();
    await el.updateComplete;
    expect(text(sectionOf(el, 'professionals'))).to.contain('Servicios de emergencia');
    expect(text(sectionOf(el, 'professionals'))).to.contain('Línea');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px without horizontal scrolling, in dark theme too', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div><iop-safety-plan theme="dark"></iop-safety-plan></div>`,
    );
    wrapper.style.width = '320px';
    const el = wrapper.querySelector('iop-safety-plan')!;
    await settled(el);
    expect(el.scrollWidth).to.be.at.most(320);
    for (const section of root(el).querySelectorAll('section')) {
      expect(section.scrollWidth).to.be.at.most(section.clientWidth + 1);
    }
    await expect(el).to.be.accessible();
  });

  it('switches to the partner’s plan when the attribute changes, and announces it', async () => {
    const el = await renderReady();
    const loaded = oneEvent(el, 'iop-plan-loaded');
    el.participant = 'partner';
    expect(((await loaded) as CustomEvent<PlanLoadedDetail>).detail.version).to.equal(2);
    await settled(el);
    expect(text(sectionOf(el, 'reasons-for-living'))).to.contain('Alex');
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/coverage-explainer/define.js';
import type {
  EstimateDetail,
  IopCoverageExplainer,
} from '../../src/components/coverage-explainer/coverage-explainer.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { signOut } from '../../src/core/client.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import { createSeed, type Seed } from '../../src/demo-data/seed.js';
import type { Coverage } from '../../src/core/schemas.js';
import type { IopErrorDetail } from '../../src/internal/data-controller.js';
import { whenCached } from '../shared/cache.js';

const root = (el: IopCoverageExplainer) => el.shadowRoot!;
/** What a person reads (innerText keeps table cells apart), spaces collapsed. */
const text = (node: ParentNode | null | undefined) =>
  ((node as HTMLElement | null)?.innerText ?? node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: IopCoverageExplainer, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = (el: IopCoverageExplainer, selector: string) => [...root(el).querySelectorAll(selector)];

let backend: MemoryBackend;
let seed: Seed;

function useSeed(change?: (coverage: Coverage) => void): void {
  seed = createSeed(new Date());
  change?.(seed.coverage.alex);
  backend = createMemoryBackend({ participant: 'alex', seed });
  resetConfig();
  configure({ backend });
}

async function render(markup = html`<iop-coverage-explainer></iop-coverage-explainer>`) {
  const wrapper = await fixture<HTMLElement>(html`<div>${markup}</div>`);
  return wrapper.querySelector('iop-coverage-explainer')!;
}

async function ready(el: IopCoverageExplainer): Promise<void> {
  await waitUntil(() => $(el, 'h2'), 'the plan shows');
  await el.updateComplete;
}

/** Opens one of the explainer's disclosures (`[part=<part>]`) with a click on its summary, as a person would. */
async function openDisclosure(el: IopCoverageExplainer, part: string): Promise<void> {
  const details = $<HTMLDetailsElement>(el, `[part="${part}"]`)!;
  if (!details.open) details.querySelector('summary')!.click();
  await waitUntil(() => details.open, `${part} opens`);
}

/**
 * Types into the amount field like a person, replacing what was there. With the clinic's usual amount known, the
 * field is behind "Use a different amount": open it first, with a click, as a person would.
 */
async function typeAmount(el: IopCoverageExplainer, value: string): Promise<void> {
  if ($(el, '[part="other-amount"]')) await openDisclosure(el, 'other-amount');
  const input = $<HTMLInputElement>(el, '#amt')!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  await el.updateComplete;
}

const estimateText = (el: IopCoverageExplainer) => text($(el, '[part="estimate"]'));

/** A plan given as JSON in a child script, as a clinic page would publish it. */
function withExample(json: string): IopCoverageExplainer {
  const el = document.createElement('iop-coverage-explainer');
  el.setAttribute('example-plan', '');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  el.append(script);
  return el;
}

describe('iop-coverage-explainer', () => {
  beforeEach(() => useSeed());
  afterEach(async () => {
    await signOut();
    resetConfig();
  });

  it('shows the plan, both progress bars with their numbers, every service and the glossary', async () => {
    const el = await render();
    await ready(el);
    expect(text($(el, '[part="title"]'))).to.equal('Lakeshore Health PPO Silver');
    expect(text(root(el))).to.contain('PPO plan · Member ID XXXX-XX-4821 · As of');
    const [deductible, oop] = $$(el, 'progress') as HTMLProgressElement[];
    expect([deductible!.max, deductible!.value]).to.deep.equal([150_000, 45_000]);
    expect(deductible!.getAttribute('aria-label')).to.equal('Deductible');
    expect(text($(el, '[part="deductible"]'))).to.contain('$450.00 of $1,500.00 met, $1,050.00 left');
    expect([oop!.max, oop!.value]).to.deep.equal([600_000, 77_000]);
    expect(text($(el, '[part="out-of-pocket"]'))).to.contain('$770.00 of $6,000.00 met, $5,230.00 left');

    // One service at a time: the first, with its benefits; every service's benefits are one tap away.
    const picked = text($(el, '[part="picked-service"]'));
    expect(picked).to.contain('S9480').and.contain('Coinsurance 20% 40%');
    expect($<HTMLSelectElement>(el, '#svc')!.value).to.equal(seed.coverage.alex.services[0]!.service);
    const all = $(el, '[part="all-services"] summary');
    expect(text(all)).to.equal(`Every service your plan covers (${seed.coverage.alex.services.length})`);
    await openDisclosure(el, 'all-services');
    const rows = $$(el, '[part="service"]');
    expect(rows).to.have.length(seed.coverage.alex.services.length);
    const iop = text(rows[0]);
    expect(iop).to.contain('Intensive outpatient program, per day').and.contain('S9480');
    expect(iop).to.contain('Coinsurance 20% 40%');
    expect(iop).to.contain('Prior authorization Yes Yes');
    const workshop = text(rows.find((r) => text(r).includes('90849')));
    expect(workshop).to.contain('Copay $15.00 None').and.contain('Visit limit 12 a year 12 a year');
    const inpatient = text(rows.find((r) => text(r).includes('0124')));
    expect(inpatient).to.contain('Copay $250.00 None').and.contain('Coinsurance 20% 40%');

    const terms = $$(el, 'iop-term').map((t) => text(t));
    for (const word of [
      'Deductible',
      'Out-of-pocket maximum',
      'Copay',
      'Coinsurance',
      'Prior authorization',
      'In-network',
      'Out-of-network',
      'allowed amount',
    ])
      expect(terms, word).to.include(word);
    const copay = $$(el, 'iop-term').find((t) => text(t) === 'Copay')!;
    expect(copay.getAttribute('definition')).to.equal('A set amount you pay for a visit, like $30.');

    expect(text($(el, '[part="parity"]'))).to.contain('may not limit mental health and substance use care');
    const call = $<HTMLAnchorElement>(el, '[part="specialist"] a')!;
    expect(call.getAttribute('href')).to.equal('tel:+13125550117');
    expect(text($(el, '[part="specialist"]'))).to.contain('Marcus Lee');
    await expect(el).to.be.accessible();
  });

  it('estimates one IOP day at once from the clinic’s typical allowed amount, with no typing', async () => {
    const el = await render();
    await ready(el);
    const estimator = text($(el, '[part="estimator"]'));
    expect(estimator).to.contain(
      "The clinic's usual allowed amount is $350.00. You can type a different one.",
    );
    expect($<HTMLInputElement>(el, '#amt')!.value).to.equal('');
    // $1,050 of deductible left: the whole $350 goes to it.
    expect(estimateText(el)).to.contain('Estimate: You pay about $350.00. Your plan pays about $0.00.');
    expect(estimateText(el)).to.contain('Deductible: $350.00');
  });

  it('without a typical amount, asks for the allowed amount and shows no estimate until one is typed', async () => {
    useSeed((c) => delete c.services[0]!.typicalAllowedCents);
    const el = await render();
    await ready(el);
    expect(text($(el, '[part="estimator"]'))).to.contain('Ask your provider for the allowed amount.');
    expect(estimateText(el)).to.equal('');
    expect($(el, '[part="program"]')).to.equal(null);
    await typeAmount(el, '350');
    expect(estimateText(el)).to.contain('You pay about $350.00.');
    await waitUntil(() => $(el, '[part="program"]'), 'the program estimate shows');
  });

  it('estimates as the member types, announces it politely and fires iop-estimate', async () => {
    const el = await render();
    await ready(el);
    const status = $(el, '[part="estimate"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    const input = $<HTMLInputElement>(el, '#amt')!;
    expect(input.getAttribute('inputmode')).to.equal('decimal');
    await openDisclosure(el, 'other-amount');
    expect(text(root(el).querySelector('label[for="amt"]'))).to.contain('Allowed amount in dollars');

    const events: EstimateDetail[] = [];
    el.addEventListener('iop-estimate', (e) => events.push((e as CustomEvent<EstimateDetail>).detail));
    await typeAmount(el, '2000');
    // IOP day: $1,050 of deductible left, then 20% of the other $950.
    expect(estimateText(el)).to.contain('Estimate: You pay about $1,240.00. Your plan pays about $760.00.');
    expect(estimateText(el)).to.contain('Deductible: $1,050.00').and.contain('Coinsurance: $190.00');
    expect(estimateText(el)).to.contain('In-network care');
    expect(events.at(-1)).to.deep.equal({
      service: 'iop-day',
      allowedCents: 200_000,
      memberPaysCents: 124_000,
      breakdown: {
        deductibleCents: 105_000,
        copayCents: 0,
        coinsuranceCents: 19_000,
        cappedByOutOfPocketCents: 0,
      },
    });
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();

    // Another service from the list.
    const select = $<HTMLSelectElement>(el, '#svc')!;
    select.value = 'couples-therapy';
    const changed = oneEvent(el, 'iop-estimate');
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail.memberPaysCents).to.equal(3_000);
    expect(estimateText(el)).to.contain('You pay about $30.00').and.contain('Copay: $30.00');

    // A re-render with the same estimate fires nothing new.
    const count = events.length;
    el.requestUpdate();
    await el.updateComplete;
    expect(events.length).to.equal(count);
  });

  it('says what is wrong with an amount, and shows no estimate', async () => {
    const el = await render();
    await ready(el);
    await typeAmount(el, '12x');
    const input = $<HTMLInputElement>(el, '#amt')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('err');
    expect(text($(el, '#err'))).to.equal('Enter an amount in dollars.');
    expect(estimateText(el)).to.equal('');
    await expect(el).to.be.accessible();
    await typeAmount(el, '');
    expect(input.hasAttribute('aria-describedby')).to.equal(false);
    expect($(el, '#err')).to.equal(null);
  });

  it('focuses one service by code or id and estimates from allowed-amount', async () => {
    const el = document.createElement('iop-coverage-explainer');
    el.setAttribute('service', '90839');
    el.setAttribute('allowed-amount', '250');
    const event = oneEvent(el, 'iop-estimate');
    (await fixture<HTMLElement>(html`<div></div>`)).append(el);
    await ready(el);
    expect($$(el, '[part="service"]')).to.have.length(1);
    expect(text($(el, '[part="service"]'))).to.contain('Crisis psychotherapy by video');
    expect($(el, '#svc')).to.equal(null);
    expect($<HTMLInputElement>(el, '#amt')!.value).to.equal('250');
    expect(estimateText(el)).to.contain('You pay about $0.00. Your plan pays about $250.00.');
    expect((await event).detail).to.deep.include({ service: 'crisis-telehealth', allowedCents: 25_000 });
    await expect(el).to.be.accessible();

    el.service = 'couples-therapy';
    el.allowedAmount = '150.00';
    await el.updateComplete;
    expect(text($(el, '[part="service"]'))).to.contain('90847');
    expect(estimateText(el)).to.contain('You pay about $30.00');
  });

  it('a bad allowed-amount shows the error text and no estimate', async () => {
    const el = await render(
      html`<iop-coverage-explainer
        service="crisis-telehealth"
        allowed-amount="lots"
      ></iop-coverage-explainer>`,
    );
    await ready(el);
    expect(text($(el, '#err'))).to.contain('Enter an amount');
    expect(estimateText(el)).to.equal('');
  });

  it('an unknown service is a developer error and all services are shown', async () => {
    const el = document.createElement('iop-coverage-explainer');
    el.service = 'massage';
    const failed = oneEvent(el, 'iop-error');
    (await fixture<HTMLElement>(html`<div></div>`)).append(el);
    const { detail } = (await failed) as CustomEvent<IopErrorDetail>;
    expect((detail.error as { code: string }).code).to.equal('config');
    expect((detail.error as Error).message).to.contain('"service"');
    expect(detail.operation).to.equal('service massage');
    await ready(el);
    expect($$(el, '[part="service"]')).to.have.length(seed.coverage.alex.services.length);
  });

  it('applies the out-of-pocket maximum when it is met', async () => {
    useSeed((c) => (c.outOfPocketMax.metCents = c.outOfPocketMax.individualCents));
    const el = await render(
      html`<iop-coverage-explainer service="S9480" allowed-amount="400"></iop-coverage-explainer>`,
    );
    await ready(el);
    expect(text($(el, '[part="out-of-pocket"]'))).to.contain('$6,000.00 of $6,000.00 met, $0.00 left');
    expect(estimateText(el)).to.contain('You pay about $0.00. Your plan pays about $400.00.');
    expect(estimateText(el)).to.contain('Saved by your out-of-pocket max: $400.00');
  });

  it('says "None" for a plan without a deductible, and handles an empty service list', async () => {
    useSeed((c) => {
      c.deductible = { individualCents: 0, metCents: 0 };
      c.services = [];
      delete c.benefitsSpecialist;
    });
    const el = await render();
    await ready(el);
    expect($$(el, 'progress')).to.have.length(1);
    expect(text($(el, '[part="deductible"]'))).to.equal('Deductible None');
    expect(text(root(el))).to.contain('No services listed yet.');
    expect($(el, '[part="estimator"]')).to.equal(null);
    expect($(el, '[part="specialist"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an undialable phone number as plain text, and a service with no out-of-network column', async () => {
    useSeed((c) => {
      c.benefitsSpecialist = { name: 'Benefits desk', phone: 'ask at the front desk' };
      delete c.services[0]!.outOfNetwork;
    });
    const el = await render();
    await ready(el);
    // A service without out-of-network benefits has only the in-network column.
    const [first, second] = $$(el, '[part="service"]');
    expect(first!.querySelectorAll('th[scope="col"]')).to.have.length(1);
    expect(first!.querySelectorAll('tbody tr:first-child td')).to.have.length(1);
    expect(second!.querySelectorAll('th[scope="col"]')).to.have.length(2);
    expect($(el, '[part="specialist"] a')).to.equal(null);
    expect(text($(el, '[part="specialist"]'))).to.contain('ask at the front desk');
  });

  const badData: [string, (c: Coverage) => void, string][] = [
    ['negative cents', (c) => (c.deductible.metCents = -100), 'deductible.metCents'],
    [
      'met over the total',
      (c) => (c.outOfPocketMax.metCents = c.outOfPocketMax.individualCents + 1),
      'outOfPocketMax.metCents',
    ],
    ['a missing field', (c) => delete (c as Partial<Coverage>).deductible, 'deductible'],
  ];
  for (const [name, change, path] of badData) {
    it(`bad data (${name}) gives the error state, never numbers`, async () => {
      useSeed(change);
      const el = document.createElement('iop-coverage-explainer');
      const failed = oneEvent(el, 'iop-error');
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      const { detail } = (await failed) as CustomEvent<IopErrorDetail>;
      expect((detail.error as { code: string }).code).to.equal('schema');
      expect((detail.error as { path: string }).path).to.equal(path);
      await el.updateComplete;
      expect(text($(el, '[part="status"]'))).to.contain('We got information we could not read');
      expect($(el, 'progress')).to.equal(null);
      expect(text(root(el))).to.not.match(/\$\d/);
      await expect(el).to.be.accessible();
    });
  }

  // A bad service is left out; the rest of the plan shows (partial data).
  const badService: [string, (c: Coverage) => void, number, string][] = [
    ['coinsurance over 100%', (c) => (c.services[0]!.inNetwork.coinsurancePct = 120), 0, 'coinsurancePct'],
    ['fractional cents', (c) => (c.services[4]!.inNetwork.copayCents = 30.5), 4, 'copayCents'],
  ];
  for (const [name, change, index, field] of badService) {
    it(`bad data in one service (${name}) leaves out that service, never its numbers`, async () => {
      useSeed(change);
      const el = document.createElement('iop-coverage-explainer');
      const failed = oneEvent(el, 'iop-error');
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      const { detail } = (await failed) as CustomEvent<IopErrorDetail>;
      expect((detail.error as { path: string }).path).to.equal(`services[${index}].inNetwork.${field}`);
      await waitUntil(() => $(el, '[part="service"]'), 'the other services show');
      const rows = $$(el, '[part="service"]').map((row) => text(row));
      expect(rows).to.have.length(seed.coverage.alex.services.length - 1);
      const label = seed.coverage.alex.services[index]!.label;
      expect(rows.some((row) => row.includes(label))).to.be.false;
      expect($(el, 'progress')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('shows a skeleton while loading, then the plan', async () => {
    backend.simulate({ latencyMs: 300 });
    const el = await render();
    expect(text($(el, '[role="status"]'))).to.equal('Loading your plan…');
    expect($(el, '.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
    await ready(el);
    expect($(el, '.skeleton')).to.equal(null);
  });

  it('shows the error with a retry that recovers', async () => {
    backend.simulate({ failWith: { status: 500 } });
    const el = await render();
    await waitUntil(() => $(el, '[part="status"] iop-button'), 'error with retry');
    expect(text($(el, '[part="status"]'))).to.contain('We could not load this right now.');
    await expect(el).to.be.accessible();
    backend.simulate();
    $(el, '[part="status"] iop-button')!.click();
    await ready(el);
  });

  it('is offline without a cached plan, and shows the cached plan with its age', async () => {
    const first = await render();
    await ready(first);
    await whenCached('coverage');
    first.remove();
    backend.simulate({ offline: true });
    const el = await render();
    await ready(el);
    await waitUntil(() => text($(el, '[part="status"]')).includes('This is what was saved'), 'stale');
    expect(text($(el, '[part="title"]'))).to.equal('Lakeshore Health PPO Silver');
    await expect(el).to.be.accessible();

    await signOut();
    configure({ backend });
    const empty = await render();
    await waitUntil(
      () => text($(empty, '[part="status"]')).includes("We could not reach the clinic's server"),
      'offline',
    );
    expect($(empty, 'h2')).to.equal(null);
    await expect(empty).to.be.accessible();
  });

  it('asks to sign in without a session or an example plan', async () => {
    resetConfig();
    configure({ baseUrl: '/api/v1' });
    const el = await render();
    await waitUntil(() => text($(el, '[part="status"]')).includes('Please sign in'), 'signed out');
    expect($(el, 'h2')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('loads again when the settings change, and after being moved', async () => {
    const el = await render();
    await ready(el);
    const jordan = createMemoryBackend({ participant: 'jordan', seed });
    configure({ backend: jordan });
    await waitUntil(() => text(root(el)).includes('XXXX-XX-4822'), 'Jordan’s plan');
    const other = await fixture<HTMLElement>(html`<section></section>`);
    other.append(el);
    await el.updateComplete;
    await waitUntil(() => text(root(el)).includes('XXXX-XX-4822'), 'still shown after a move');
  });

  it('fits 320 px without horizontal scrolling', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es" style="inline-size: 320px">
        <iop-coverage-explainer allowed-amount="2000"></iop-coverage-explainer>
      </div>`,
    );
    const el = wrapper.querySelector('iop-coverage-explainer')!;
    await ready(el);
    expect(el.scrollWidth).to.be.at.most(320);
    const right = wrapper.getBoundingClientRect().right;
    const widest = Math.max(...$$(el, '*').map((node) => node.getBoundingClientRect().right));
    expect(widest).to.be.at.most(right + 0.5);
  });

  it('speaks Spanish', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><iop-coverage-explainer allowed-amount="2000"></iop-coverage-explainer></div>`,
    );
    const el = wrapper.querySelector('iop-coverage-explainer')!;
    await ready(el);
    expect(text(root(el))).to.contain('Plan PPO · N.º de miembro');
    expect(text($(el, '[part="deductible"]')))
      .to.contain('de')
      .and.contain('pagado, faltan');
    expect(text($(el, '[part="parity"]'))).to.contain('Por ley (paridad)');
    expect(estimateText(el)).to.contain('Estimado:').and.contain('Pagas alrededor de');
    const terms = $$(el, 'iop-term').map((t) => text(t));
    expect(terms).to.include('Deducible').and.include('Coseguro').and.include('Autorización previa');
    await expect(el).to.be.accessible();
  });

  describe('program estimate', () => {
    const program = (el: IopCoverageExplainer) => text($(el, '[part="program"]'));
    const weeks = async (el: IopCoverageExplainer) => {
      await openDisclosure(el, 'weeks');
      return $$(el, '[part="program"] tbody tr').map((row) => text(row));
    };
    const shown = async (el: IopCoverageExplainer) => {
      await ready(el);
      await waitUntil(() => $(el, '[part="program"]'), 'the program estimate shows');
    };

    it('shows the whole program from the backend: total, deductible day, each week as a chart and a table', async () => {
      const el = await render();
      await shown(el);
      // 3 days a week for 8 weeks at $350 a day, $1,050 of deductible left, 20% coinsurance:
      // days 1-3 pay the deductible ($1,050, met on day 3), days 4-24 pay 20% of $350 = $70 each (21 x $70 = $1,470).
      // Total $2,520; the plan pays 24 x $350 - $2,520 = $5,880.
      expect(program(el)).to.contain('Your program: 3 days a week for 8 weeks');
      expect(program(el)).to.contain('Estimate: You pay about $2,520.00. Your plan pays about $5,880.00.');
      expect(program(el)).to.contain('Deductible met on program day 3 (week 1).');
      expect(program(el)).to.not.contain('Out-of-pocket maximum reached');
      expect(await weeks(el)).to.deep.equal([
        '1 $1,050.00',
        ...Array.from({ length: 7 }, (_, i) => `${i + 2} $210.00`),
      ]);
      const table = $(el, '[part="program"] table')!;
      expect(text(table.querySelector('thead'))).to.equal('Week Estimate');
      expect(table.getAttribute('aria-labelledby')).to.equal('prg');
      const svg = $(el, '[part="program"] svg')!;
      expect(svg.getAttribute('aria-hidden')).to.equal('true');
      // One bar a week; the first (the deductible week) is the tallest.
      const d = svg.querySelector('path')!.getAttribute('d')!;
      expect(d.match(/M/g)).to.have.length(8);
      expect(d.startsWith('M1 40v-40h8v40z')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('draws the chart in the accent colour, and in CanvasText with forced colours', async () => {
      const el = await render();
      await shown(el);
      const svg = $(el, '[part="program"] svg')!;
      const accent = getComputedStyle(el).getPropertyValue('--_color-accent');
      expect(accent).to.not.equal('');
      expect(getComputedStyle(svg).fill).to.not.equal('rgb(0, 0, 0)');
      expect(svg.getBoundingClientRect().height).to.be.greaterThan(0);
      // Firefox's driver cannot emulate media features, so the rule is checked where it is written.
      const forced = root(el)
        .adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
        .filter(
          (r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors'),
        )
        .flatMap((r) => [...r.cssRules] as CSSStyleRule[])
        .find((r) => r.selectorText === 'svg');
      expect(forced?.style.fill.toLowerCase()).to.equal('canvastext');
    });

    it('follows program-days-per-week, program-weeks and a typed allowed amount', async () => {
      const el = await render(
        html`<iop-coverage-explainer program-days-per-week="5" program-weeks="2"></iop-coverage-explainer>`,
      );
      await shown(el);
      // Days 1-3 $350 each to the deductible (met on day 3), days 4-10 $70 each.
      // Week 1: $1,050 + 2 x $70 = $1,190; week 2: 5 x $70 = $350. Total $1,540.
      expect(program(el)).to.contain('5 days a week for 2 weeks');
      expect(program(el)).to.contain('You pay about $1,540.00');
      expect(await weeks(el)).to.deep.equal(['1 $1,190.00', '2 $350.00']);

      el.programDaysPerWeek = undefined;
      el.programWeeks = undefined;
      await typeAmount(el, '200');
      // $200 a day, 3 days a week for 8 weeks: days 1-5 pay $1,000 to the deductible; day 6 pays the last $50
      // and 20% of $150 = $30 ($80, met on day 6, week 2); days 7-24 pay $40 each (18 x $40 = $720).
      // Week 1 $600, week 2 $200 + $200 + $80 = $480, weeks 3-8 $120. Total $1,800.
      expect(program(el)).to.contain('You pay about $1,800.00');
      expect(program(el)).to.contain('Deductible met on program day 6 (week 2).');
      expect((await weeks(el)).slice(0, 3)).to.deep.equal(['1 $600.00', '2 $480.00', '3 $120.00']);

      // Out of range: no program estimate, the per-visit one stays.
      el.programDaysPerWeek = 9;
      await el.updateComplete;
      expect($(el, '[part="program"]')).to.equal(null);
      expect(estimateText(el)).to.contain('You pay about $200.00');
    });

    it('says when the out-of-pocket maximum stops further cost, mid-week', async () => {
      useSeed((c) => {
        c.deductible.metCents = c.deductible.individualCents;
        c.outOfPocketMax.metCents = c.outOfPocketMax.individualCents - 20_000;
      });
      const el = await render();
      await shown(el);
      // $200 of the maximum left, $70 a day: $70, $70, then only $60 on day 3; nothing after that.
      expect(program(el)).to.contain('You pay about $200.00');
      expect(program(el)).to.contain(
        'Out-of-pocket maximum reached on program day 3 (week 1): after that, you pay nothing more this plan year.',
      );
      expect(program(el)).to.not.contain('Deductible met');
      expect((await weeks(el)).slice(0, 2)).to.deep.equal(['1 $200.00', '2 $0.00']);
      // Bars for weeks with no cost have no height.
      const d = $(el, '[part="program"] path')!.getAttribute('d')!;
      expect(d).to.equal(
        'M1 40v-40h8v40z' + Array.from({ length: 7 }, (_, i) => `M${i * 10 + 11} 40v-0h8v0z`).join(''),
      );
      await expect(el).to.be.accessible();
    });

    it('speaks Spanish', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="es"><iop-coverage-explainer></iop-coverage-explainer></div>`,
      );
      const el = wrapper.querySelector('iop-coverage-explainer')!;
      await shown(el);
      expect(text($(el, '[part="estimator"]'))).to.contain('El monto permitido habitual de la clínica es');
      expect(program(el)).to.contain('Tu programa: 3 días a la semana por 8 semanas');
      expect(program(el)).to.contain('Deducible cubierto el día 3 del programa (semana 1).');
      expect(text($(el, '[part="weeks"] summary'))).to.equal('Semana por semana');
      await openDisclosure(el, 'weeks');
      expect(text($(el, '[part="program"] thead'))).to.equal('Semana Estimado');
      await expect(el).to.be.accessible();
    });
  });

  describe('self-pay', () => {
    const selfPay = (el: IopCoverageExplainer) => text($(el, '[part="self-pay"]'));
    const goodFaith = (said: string) => {
      expect(said).to.contain('You have the right to a Good Faith Estimate');
      expect(said).to.contain('No Surprises Act');
      expect(said).to.contain('within 1 business day when you book 3 or more business days ahead');
      expect(said).to.contain('within 3 business days when you book 10 or more days ahead or ask for one');
      expect(said).to.contain('up to 12 months');
      expect(said).to.contain('A bill $400 or more above it can be disputed within 120 days.');
      expect(said).to.contain('Ask the clinic for one.');
    };

    it('choosing not to use insurance (Space on the checkbox) shows the Good Faith Estimate; Space again goes back', async () => {
      const el = await render();
      await ready(el);
      const box = $<HTMLInputElement>(el, '[part="estimator"] input[type="checkbox"]')!;
      expect(text(box.closest('label'))).to.equal('I will not use my insurance (self-pay)');
      box.focus();
      await sendKeys({ press: ' ' }); // 'Space' is unknown to Firefox's driver
      await el.updateComplete;
      expect(box.checked).to.equal(true);
      expect(el.selfPay).to.equal(true);
      await waitUntil(() => $(el, '[part="self-pay"]'), 'the Good Faith Estimate shows');
      goodFaith(selfPay(el));
      expect(estimateText(el)).to.equal('');
      expect($(el, '[part="program"]')).to.equal(null);
      expect($(el, '#amt')).to.equal(null);
      expect(text($(el, '[part="specialist"]'))).to.contain('Marcus Lee');
      await expect(el).to.be.accessible();

      await sendKeys({ press: ' ' }); // 'Space' is unknown to Firefox's driver
      await el.updateComplete;
      expect($(el, '[part="self-pay"]')).to.equal(null);
      expect(estimateText(el)).to.contain('You pay about $350.00');
    });

    it('with no plan on file (404), says so and shows the Good Faith Estimate and the benefits specialist', async () => {
      useSeed();
      delete (seed.coverage as Partial<Seed['coverage']>).alex;
      const el = await render();
      await waitUntil(() => $(el, '[part="self-pay"]') && $(el, '[part="specialist"]'), 'the self-pay view');
      expect(text($(el, '[part="status"]'))).to.contain('There is no insurance plan on file for you.');
      goodFaith(selfPay(el));
      expect($(el, 'progress')).to.equal(null);
      expect($(el, '[part="estimate"]')).to.equal(null);
      expect(text($(el, '[part="specialist"]'))).to.contain('Marcus Lee');
      expect($<HTMLAnchorElement>(el, '[part="specialist"] a')!.getAttribute('href')).to.equal(
        'tel:+13125550117',
      );
      await expect(el).to.be.accessible();
    });

    it('speaks Spanish', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="es"><iop-coverage-explainer self-pay></iop-coverage-explainer></div>`,
      );
      const el = wrapper.querySelector('iop-coverage-explainer')!;
      await ready(el);
      await waitUntil(() => $(el, '[part="self-pay"]'), 'the Good Faith Estimate shows');
      expect(text($(el, '[part="estimator"] label'))).to.equal('No usaré mi seguro (pago por mi cuenta)');
      const said = selfPay(el);
      expect(said).to.contain('Estimado de Buena Fe').and.contain('$400').and.contain('120 días');
      expect(said).to.contain('12 meses');
      await expect(el).to.be.accessible();
    });
  });

  describe('example plan', () => {
    beforeEach(() => {
      resetConfig();
      configure({ baseUrl: '/api/v1' }); // nobody signed in: a clinic's public page
    });

    it('shows a published example plan without a signed-in member', async () => {
      const plan = { ...createSeed(new Date()).coverage.alex, planName: 'Example PPO' };
      const el = withExample(JSON.stringify(plan));
      el.setAttribute('allowed-amount', '100');
      el.setAttribute('service', 'group-therapy');
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      await ready(el);
      expect(text($(el, '[part="title"]'))).to.equal('Example PPO');
      expect(estimateText(el)).to.contain('You pay about $15.00');
      expect($(el, '[part="status"]')).to.equal(null);
      await expect(el).to.be.accessible();

      // Turning example mode off returns to the member's plan (signed out here).
      el.examplePlan = false;
      await waitUntil(() => text($(el, '[part="status"]')).includes('Please sign in'), 'signed out');
    });

    it('names the wrong field of an invalid example plan', async () => {
      const plan = createSeed(new Date()).coverage.alex;
      plan.deductible.metCents = -1;
      const el = withExample(JSON.stringify(plan));
      const failed = oneEvent(el, 'iop-error');
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      const { detail } = (await failed) as CustomEvent<IopErrorDetail>;
      expect(detail.operation).to.equal('example-plan');
      expect((detail.error as { code: string }).code).to.equal('schema');
      await el.updateComplete;
      expect(text($(el, '[part="status"]'))).to.equal(
        'The example plan is not valid: deductible.metCents: expected a value >= 0.',
      );
      expect($(el, 'progress')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says so when the JSON does not parse or is missing', async () => {
      const el = withExample('{ planName: oops');
      const failed = oneEvent(el, 'iop-error');
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      await failed;
      await el.updateComplete;
      expect(text($(el, '[part="status"]'))).to.equal(
        'The example plan is not valid: (root): expected JSON.',
      );

      const bare = await render(html`<iop-coverage-explainer example-plan></iop-coverage-explainer>`);
      expect(text($(bare, '[part="status"]'))).to.contain('expected JSON');
    });
  });
});

// The scheduler, the coverage explainer and the crisis dialog, unchanged, against the real FHIR test server
// through `backend: 'fhir'`: what a portal with an EHR shows its patient, and what the EHR holds afterwards
// (read back with plain fetch). Each test crafts its own couple (createWorld), so no test sees another's
// bookings; offline and server-down behave as they do over REST.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/follow-up-scheduler/define.js';
import '../../src/components/coverage-explainer/define.js';
import '../../src/components/crisis-connect/define.js';
import '../../src/components/safety-plan/define.js';
import type { IopFollowUpScheduler } from '../../src/components/follow-up-scheduler/follow-up-scheduler.js';
import type { IopCoverageExplainer } from '../../src/components/coverage-explainer/coverage-explainer.js';
import type { IopCrisisConnect } from '../../src/components/crisis-connect/crisis-connect.js';
import type { IopSafetyPlan } from '../../src/components/safety-plan/safety-plan.js';
import { configure, resetConfig, type IopConfig } from '../../src/core/config.js';
import { getClient, signOut } from '../../src/core/client.js';
import type { Appointment } from '../../src/core/schemas.js';
import { createFhirBackend } from '../../src/core/backends/fhir/fhir-backend.js';
import { fhirServer } from '../shared/fhir-server.js';
import { createCoverage, createOnCall, createWorld, HOUR, KIT, type World } from '../shared/fhir-fixture.js';
import { whenCached } from '../shared/cache.js';

type Json = Record<string, unknown>;
const ZONE = 'America/Chicago';
/** What a person reads, spaces collapsed. */
const text = (node: Node | null | undefined) =>
  ((node as HTMLElement | null)?.innerText ?? node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: Element) => el.shadowRoot!;
const part = (el: Element, name: string) => root(el).querySelector<HTMLElement>(`[part=${name}]`);
const button = (scope: ParentNode, label: RegExp) =>
  [...scope.querySelectorAll<HTMLElement>('iop-button')].find((b) => label.test(text(b)))!;

let world: World;

function useFhir(extra: Partial<IopConfig> = {}) {
  configure({
    backend: 'fhir',
    baseUrl: world.baseUrl,
    patient: world.me,
    getAccessToken: () => 'demo-alex',
    ...extra,
  });
}

/** Another device or person: the FHIR adapter on its own, outside the page's client. */
const otherClient = (patient: string) =>
  createFhirBackend({
    baseUrl: world.baseUrl,
    patient,
    getAccessToken: () => 'demo-alex',
    timeoutMs: 8000,
    retries: 0,
  });

before(async function () {
  this.timeout(120_000);
  await fhirServer();
});
beforeEach(async function () {
  this.timeout(30_000);
  world = await createWorld();
});
afterEach(async () => {
  await signOut({ flushTimeoutMs: 0 });
  resetConfig();
});

describe('widgets over FHIR: iop-follow-up-scheduler', () => {
  const options = (el: IopFollowUpScheduler) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')];
  const live = (el: IopFollowUpScheduler) => text(root(el).querySelector('.sr-only[role=status]'));
  const dayCells = (el: IopFollowUpScheduler) => [
    ...root(el).querySelectorAll<HTMLElement>('[part=days] td'),
  ];
  /** Every open time in the two weeks, as the date grid counts them ("3 open times" on each day). */
  const openTimesInGrid = (el: IopFollowUpScheduler) =>
    dayCells(el).reduce((n, c) => n + Number(/(\d+) open time/.exec(text(c))?.[1] ?? 0), 0);
  const until = (what: () => unknown, message: string) => waitUntil(what, message, { timeout: 10_000 });
  const render = async (kind = 'couples') => {
    const el = await fixture<IopFollowUpScheduler>(
      html`<iop-follow-up-scheduler kind=${kind} timezone=${ZONE}></iop-follow-up-scheduler>`,
    );
    await until(() => options(el).length > 0 || part(el, 'appointment'), 'the scheduler loads');
    await el.updateComplete;
    return el;
  };
  const slot = (id: string) => world.fhir.read(`Slot/${id}`);
  const appointmentsFor = async (slotId: string) =>
    (await world.fhir.search(`Appointment?slot=Slot/${slotId}`)).filter((a) => a.status !== 'cancelled');
  const dayInZone = (iso: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: ZONE, month: 'long', day: 'numeric' }).format(new Date(iso));

  it('groups the free times by day in the patient’s time zone', async function () {
    this.timeout(20_000);
    useFhir();
    const el = await render();
    const starts = await Promise.all(world.couplesSlots.map(async (id) => String((await slot(id)).start)));
    const days = [...new Set(starts.map(dayInZone))];
    // One day at a time: choose each day that has times in the date grid, read its heading and count its times.
    const labels: string[] = [];
    const counts: number[] = [];
    for (const cell of dayCells(el).filter((c) => c.getAttribute('aria-disabled') !== 'true')) {
      cell.click();
      await el.updateComplete;
      labels.push(text(root(el).querySelector('.day')));
      counts.push(options(el).length);
    }
    expect(labels).to.satisfy(
      (shown: string[]) =>
        shown.length === days.length &&
        shown.every((label, i) =>
          new RegExp(`^\\w+day, ${days[i]} Central (Standard|Daylight) Time$`).test(label),
        ),
    );
    const perDay = starts.reduce<Record<string, number>>(
      (count, s) => ({ ...count, [dayInZone(s)]: (count[dayInZone(s)] ?? 0) + 1 }),
      {},
    );
    expect(counts).to.deep.equal(days.map((d) => perDay[d]));
    dayCells(el)
      .find((c) => c.getAttribute('aria-disabled') !== 'true')!
      .click();
    await el.updateComplete;
    expect(text(options(el)[0])).to.contain('couples therapist');
    await expect(el).to.be.accessible();
  });

  it('books a couples session by keyboard with both partners as participants; the Slot is busy after', async function () {
    this.timeout(20_000);
    useFhir();
    const el = await render();
    options(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'confirm'), 'asks to confirm');
    expect(text(part(el, 'confirm'))).to.contain('For you and your partner.');
    await expect(el).to.be.accessible();
    const booked = oneEvent(el, 'iop-booked');
    button(part(el, 'confirm')!, /Yes, book it/).click();
    const appointment = (await booked).detail as Appointment;
    await until(() => part(el, 'appointment'), 'the booked session shows');
    expect(live(el)).to.equal('You are booked.');
    expect(text(part(el, 'appointment'))).to.match(/Dr\. Casey Lee \w+, couples therapist/);

    const stored = await world.fhir.read(`Appointment/${appointment.id}`);
    expect(stored.status).to.equal('booked');
    const actors = (stored.participant as { actor?: { reference?: string } }[]).map(
      (p) => p.actor?.reference,
    );
    expect(actors).to.include.members([world.me, world.partner, `Practitioner/${world.couplesTherapist}`]);
    const slotRef = (stored.slot as { reference: string }[])[0]!.reference;
    expect(slotRef).to.equal(`Slot/${world.couplesSlots[0]}`);
    expect((await slot(world.couplesSlots[0]!)).status).to.equal('busy');
    expect(await appointmentsFor(world.couplesSlots[0]!)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('two clients, one slot: one booking, and "just taken" in the widget that lost', async function () {
    this.timeout(20_000);
    useFhir();
    const el = await render();
    options(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'confirm'), 'asks to confirm');
    // The partner, on their own phone, books the same time first.
    await otherClient(world.partner).book(
      { slotId: world.couplesSlots[0]!, kind: 'couples', includePartner: true },
      'partner-phone',
    );
    button(part(el, 'confirm')!, /Yes, book it/).click();
    await until(() => live(el) === 'That time was just taken. Please pick another.', 'just taken');
    await until(() => openTimesInGrid(el) === world.couplesSlots.length - 1, 'the list refreshed');
    expect(part(el, 'confirm')).to.equal(null);
    expect(part(el, 'appointment')).to.equal(null);
    expect(await appointmentsFor(world.couplesSlots[0]!)).to.have.length(1);
    expect((await slot(world.couplesSlots[0]!)).status).to.equal('busy');
    await expect(el).to.be.accessible();
  });

  it('cancels the booked session after a confirmation, and the Slot is free again', async function () {
    this.timeout(20_000);
    const mine = await otherClient(world.me).book(
      { slotId: world.debriefSlots[1]!, kind: 'crisis-debrief', includePartner: false },
      'earlier-visit',
    );
    useFhir();
    const el = await render('crisis-debrief');
    const card = part(el, 'appointment')!;
    expect(text(card)).to.match(/Sam Rivera \w+, therapist/);
    button(card, /Cancel session/).click();
    await el.updateComplete;
    expect(text(part(el, 'confirm'))).to.contain('Cancel this session?');
    await expect(el).to.be.accessible();
    const cancelled = oneEvent(el, 'iop-cancelled');
    button(card, /Yes, cancel/).click();
    expect(((await cancelled).detail as Appointment).id).to.equal(mine.id);
    await until(() => !part(el, 'appointment') && options(el).length > 0, 'the picker is back');
    expect(live(el)).to.equal('Your session was cancelled.');
    expect((await world.fhir.read(`Appointment/${mine.id}`)).status).to.equal('cancelled');
    expect((await slot(world.debriefSlots[1]!)).status).to.equal('free');
    await until(() => openTimesInGrid(el) === world.debriefSlots.length, 'the freed time is offered again');
    await expect(el).to.be.accessible();
  });
});

describe('widgets over FHIR: iop-coverage-explainer', () => {
  it('shows deductible and out-of-pocket progress from the eligibility response, and estimates a service', async function () {
    this.timeout(20_000);
    await createCoverage(world.fhir, world.me);
    useFhir();
    const wrapper = await fixture<HTMLElement>(
      html`<div><iop-coverage-explainer></iop-coverage-explainer></div>`,
    );
    const el = wrapper.querySelector<IopCoverageExplainer>('iop-coverage-explainer')!;
    await waitUntil(() => root(el).querySelector('h2'), 'the plan shows', { timeout: 10_000 });
    await el.updateComplete;
    expect(text(part(el, 'title'))).to.equal('Lakeshore Health PPO Silver');
    expect(text(root(el))).to.contain('Member ID XXXX-4821');
    const [deductible, oop] = [...root(el).querySelectorAll('progress')];
    expect([deductible!.max, deductible!.value]).to.deep.equal([150_000, 45_000]);
    expect(text(part(el, 'deductible'))).to.contain('$450.00 of $1,500.00 met, $1,050.00 left');
    expect([oop!.max, oop!.value]).to.deep.equal([600_000, 77_000]);
    expect(text(part(el, 'out-of-pocket'))).to.contain('$770.00 of $6,000.00 met, $5,230.00 left');
    // Every service's benefits are behind one disclosure: open it as a person would.
    root(el).querySelector<HTMLElement>('[part="all-services"] summary')!.click();
    await waitUntil(() => root(el).querySelector<HTMLDetailsElement>('[part="all-services"]')!.open);
    const rows = [...root(el).querySelectorAll('[part="service"]')].map((r) => text(r));
    expect(rows.find((r) => r.includes('S9480'))).to.contain('Coinsurance 20% 40%');
    expect(rows.find((r) => r.includes('90847'))).to.contain('Copay $30.00');
    expect(text(part(el, 'specialist'))).to.contain('Pat Benefits');
    await expect(el).to.be.accessible();

    // The clinic's usual amount comes from the FHIR server: typing another is behind "Use a different amount".
    const other = root(el).querySelector<HTMLDetailsElement>('[part="other-amount"]')!;
    other.querySelector('summary')!.click();
    await waitUntil(() => other.open);
    const input = root(el).querySelector<HTMLInputElement>('#amt')!;
    input.focus();
    input.select();
    await sendKeys({ type: '2000' });
    await el.updateComplete;
    // IOP day: $1,050 of deductible left, then 20% of the other $950.
    const estimate = text(part(el, 'estimate'));
    expect(estimate).to.contain('Estimate: You pay about $1,240.00. Your plan pays about $760.00.');
    expect(estimate).to.contain('Deductible: $1,050.00').and.contain('Coinsurance: $190.00');
    await expect(el).to.be.accessible();
  });
});

describe('widgets over FHIR: iop-crisis-connect', () => {
  const dialogOf = (el: IopCrisisConnect) => root(el).querySelector('iop-dialog')!;
  const render = async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div><iop-crisis-connect variant="inline"></iop-crisis-connect></div>`,
    );
    return wrapper.querySelector<IopCrisisConnect>('iop-crisis-connect')!;
  };
  /** Opens with the keyboard and waits for the opening animation (axe measures colours mid-fade otherwise). */
  const open = async (el: IopCrisisConnect) => {
    root(el).querySelector<HTMLElement>('.trigger')!.focus();
    const opened = oneEvent(el, 'iop-crisis-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    await el.updateComplete;
    await waitUntil(() => dialogOf(el)?.open, 'dialog opens');
    const animations = dialogOf(el).shadowRoot!.getAnimations?.() ?? [];
    await Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
  };
  const close = async (el: IopCrisisConnect) => {
    const closed = oneEvent(el, 'iop-crisis-close');
    await sendKeys({ press: 'Escape' });
    await closed;
  };

  it('stores every crisis action once as a Communication, and one Task due within 24 hours per crisis', async function () {
    this.timeout(30_000);
    // Only this test's shift is on call: other on-call roles on the server are ended first.
    for (const role of await world.fhir.search(
      `PractitionerRole?role=${encodeURIComponent(`${KIT}role|on-call`)}`,
    ))
      await world.fhir.update({ ...role, active: false });
    await createOnCall(world.fhir, world.therapist);
    useFhir();
    const el = await render();
    await open(el);
    const dialog = dialogOf(el);
    await waitUntil(() => text(dialog).includes('Sam Rivera'), 'the on-call clinician shows', {
      timeout: 10_000,
    });
    expect(text(dialog)).to.contain('Your care team, on call now');
    // No telehealth option configured: no video button, and nothing said to be wrong.
    expect(text(dialog)).to.not.contain('emergency video session');
    await expect(el).to.be.accessible();
    // The dialog's own links are plain <a> (the on-call line of the backend part is an iop-button).
    const call = dialog.querySelector<HTMLElement>('a[href="tel:911"]')!;
    // Do not follow the tel: link in the test browser.
    call.addEventListener('click', (e) => e.preventDefault(), { once: true });
    call.focus();
    await sendKeys({ press: 'Enter' });
    await close(el);
    // The same crisis, a moment later: the person opens the dialog again.
    await open(el);
    await close(el);

    const communications = async () =>
      (await world.fhir.search(`Communication?subject=${world.me}`)) as (Json & {
        identifier: { value: string }[];
        topic: { text: string };
        payload?: { contentString: string }[];
      })[];
    await waitUntil(async () => (await communications()).length >= 5, 'every event stored', {
      timeout: 15_000,
      interval: 250,
    });
    await waitUntil(async () => (await getClient().outbox.pendingCount()) === 0, 'nothing waiting');
    const stored = await communications();
    const ids = stored.map((c) => c.identifier[0]!.value);
    expect(new Set(ids).size, 'each event once').to.equal(ids.length);
    expect(stored.map((c) => c.topic.text).sort()).to.deep.equal([
      'crisis-action',
      'crisis-close',
      'crisis-close',
      'crisis-open',
      'crisis-open',
    ]);
    const action = stored.find((c) => c.topic.text === 'crisis-action')!;
    expect(action.payload?.map((p) => p.contentString)).to.deep.equal(['call-emergency', '911']);

    const tasks = await world.fhir.search(`Task?subject=${world.me}`);
    expect(tasks, 'one Task per crisis').to.have.length(1);
    const task = tasks[0] as Json & { authoredOn: string; restriction: { period: { end: string } } };
    const due = Date.parse(task.restriction.period.end) - Date.parse(task.authoredOn);
    expect(due)
      .to.be.greaterThan(0)
      .and.at.most(24 * HOUR);
    expect(task.status).to.equal('requested');
  });

  it('shows every crisis line and the emergency number with the FHIR server down', async function () {
    this.timeout(20_000);
    // Nothing listens on port 9 on this machine's loopback: the connection is refused at once.
    useFhir({ baseUrl: 'http://127.0.0.1:9/fhir/R4' });
    const el = await render();
    await open(el);
    const dialog = dialogOf(el);
    await waitUntil(() => text(dialog).includes('Crisis lines'), 'the lines show');
    expect(text(dialog)).to.contain('In danger now? Call 911');
    expect(text(dialog)).to.not.contain('Sign in');
    const hrefs = [...dialog.querySelectorAll('[href]')].map((b) => b.getAttribute('href'));
    expect(hrefs[0]).to.equal('tel:911');
    expect(hrefs).to.include.members(['tel:988', 'sms:988']);
    await expect(el).to.be.accessible();
  });
});

describe('widgets over FHIR: offline', () => {
  it('shows the cached plan with its age when the server cannot be reached', async function () {
    this.timeout(20_000);
    let offline = false;
    // The page's own fetch, cut off like a lost connection (the same function, so the client and cache stay).
    const networkFetch: typeof fetch = (input, init) =>
      offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    useFhir({ fetch: networkFetch });
    const first = await fixture<IopSafetyPlan>(html`<iop-safety-plan></iop-safety-plan>`);
    await waitUntil(() => root(first).querySelector('h2'), 'the plan shows', { timeout: 10_000 });
    await whenCached('safety-plan:me');
    first.remove();
    offline = true;
    const el = await fixture<IopSafetyPlan>(html`<iop-safety-plan></iop-safety-plan>`);
    await waitUntil(
      // The browser still says it is online, so the kit says what it knows: the server could not be reached.
      () =>
        text(part(el, 'status')).includes("We could not reach the clinic's server. This is what was saved"),
      'unreachable, with the saved plan',
      { timeout: 10_000 },
    );
    const steps = [...root(el).querySelectorAll('h2')]
      .map((h) => text(h))
      .filter((h) => h.startsWith('Step'));
    expect(steps[0]).to.equal('Step 1: Warning signs');
    expect(text(root(el))).to.contain('Not sleeping');
    await expect(el).to.be.accessible();
  });
});

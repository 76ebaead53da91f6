/**
 * `<iop-check-in>` answered as a person would, with real key presses: Tab into each question, Space or the arrow
 * keys to choose, Tab to the button and Enter. Every branch of the screener's skip logic and every triage outcome
 * is walked, and each test asserts what the person sees next (never a score or a risk label). High risk shows 911
 * and 988 in the same frame as the answer, with the backend down.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/check-in/define.js';
import type { IopCheckIn, CheckInSubmittedDetail } from '../../src/components/check-in/check-in.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { getClient, signOut } from '../../src/core/client.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import { CSSRS_SCREENER_RECENT } from '../../src/core/check-in/instrument.js';
import { LOCAL_CHECK_INS_KEY } from '../../src/core/check-in/check-in.js';
import { telHref } from '../../src/core/tel.js';
import { createSeed, ON_CALL_PHONE, type Seed } from '../../src/demo-data/seed.js';

type El = IopCheckIn;
const root = (el: El) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The question (or the outcome's heading) on screen now. */
const question = (el: El) => text(root(el).querySelector('[data-focus]'));
const shown = (el: El) => text(root(el).querySelector('[part="base"]'));
const active = (el: El) => root(el).activeElement as HTMLElement | null;
const ON_CALL = telHref(ON_CALL_PHONE)!;
const Q = Object.fromEntries(CSSRS_SCREENER_RECENT.item.map((i) => [i.linkId, i.text]));

let seed: Seed;
let backend: MemoryBackend;

async function render(markup = html`<iop-check-in></iop-check-in>`): Promise<El> {
  const wrapper = await fixture<HTMLElement>(html`<div>${markup}</div>`);
  const el = wrapper.querySelector('iop-check-in')!;
  await el.updateComplete;
  return el;
}

/** Tab until the focused element matches (at most 6 presses). */
async function tabTo(el: El, matches: (e: HTMLElement) => boolean): Promise<void> {
  for (let i = 0; i < 6 && !(active(el) && matches(active(el)!)); i++) await sendKeys({ press: 'Tab' });
  expect(active(el) && matches(active(el)!), 'reached by Tab').to.equal(true);
}

/** Into the question's radio group with Tab, Space (the first answer), then the arrow key `index` times. */
async function choose(el: El, index: number): Promise<void> {
  if (!active(el)) root(el).querySelector<HTMLElement>('[data-focus]')!.focus();
  await tabTo(el, (e) => e.matches('input[type=radio]'));
  await sendKeys({ press: ' ' });
  for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowRight' });
  await el.updateComplete;
}

/** Tab to "Next" (or "Send") and press Enter; resolves once the next step has focus. */
async function next(el: El): Promise<void> {
  await tabTo(el, (e) => e.matches('[part=next]'));
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  await el.updateComplete;
}

/** Mood, (cravings), the plan question and the note, as a person would answer them. */
async function intro(
  el: El,
  o: { mood?: number; note?: string; shareNote?: boolean; shareMood?: boolean } = {},
) {
  await choose(el, o.mood ?? 6);
  if (o.shareMood) {
    await tabTo(el, (e) => e.matches('input[type=checkbox]'));
    await sendKeys({ press: ' ' });
  }
  await next(el);
  if (el.cravings) {
    await choose(el, 3);
    await next(el);
  }
  expect(question(el)).to.equal('Did you use something from your safety plan today?');
  await choose(el, 0);
  await next(el);
  expect(question(el)).to.equal('Anything you want to write down? (optional)');
  if (o.note) {
    await tabTo(el, (e) => e.matches('textarea'));
    await sendKeys({ type: o.note });
  }
  if (o.shareNote) {
    await tabTo(el, (e) => e.matches('input[type=checkbox]'));
    await sendKeys({ press: ' ' });
  }
  await next(el);
}

/** Answers the screener (yes = first option, no = second), returning the items shown, in order. */
async function screen(el: El, ...said: ('yes' | 'no')[]): Promise<string[]> {
  const asked: string[] = [];
  for (const word of said) {
    const item = Object.entries(Q).find(([, wording]) => question(el).endsWith(wording));
    expect(item, `a screener question is shown, not "${question(el)}"`).to.not.equal(undefined);
    asked.push(item![0]);
    await choose(el, word === 'yes' ? 0 : 1);
    await next(el);
  }
  return asked;
}

/** What was sent for this person, once delivered. */
async function delivered(who: 'alex' | 'jordan' = 'alex') {
  await waitUntil(() => backend.checkIns.some((c) => c.participant === who), 'delivered', { timeout: 4000 });
  return backend.checkIns.filter((c) => c.participant === who).at(-1)!;
}

/** Never a score or a risk label on screen. */
function noLabels(el: El) {
  expect(shown(el)).to.not.match(/\b(risk|score|none|low|moderate|high|severity)\b/i);
}

describe('iop-check-in', () => {
  beforeEach(() => {
    seed = createSeed(new Date());
    backend = createMemoryBackend({ participant: 'alex', seed });
    configure({ backend });
  });
  afterEach(async () => {
    await signOut({ flushTimeoutMs: 0 });
    resetConfig();
  });

  it('asks one thing at a time, 44 px targets, and says when check-ins are read', async () => {
    const el = await render();
    await waitUntil(
      () => shown(el).includes('within one business day'),
      'the read schedule from the backend',
    );
    expect(question(el)).to.equal('How are you feeling today?');
    expect(shown(el)).to.contain('0: very bad').and.contain('10: very good');
    expect(shown(el)).to.contain('not watched around the clock');
    expect(root(el).querySelectorAll('input[type=radio]')).to.have.length(11);
    for (const target of root(el).querySelectorAll<HTMLElement>('.opt, [part=next], .check')) {
      const box = target.getBoundingClientRect();
      expect(box.height, text(target)).to.be.at.least(44);
      expect(box.width, text(target)).to.be.at.least(44);
    }
    // The partner is in the program: sharing today's mood is offered (off until chosen).
    expect(shown(el)).to.contain("Share today's mood (only the number) with Jordan");
    await expect(el).to.be.accessible();
  });

  it('without an answer, says so and moves focus to the answers; nothing is timed', async () => {
    const el = await render();
    root(el).querySelector<HTMLElement>('[data-focus]')!.focus();
    await next(el);
    expect(text(root(el).querySelector('[role=alert]'))).to.equal('Please choose an answer.');
    expect(active(el)!.matches('input[type=radio]')).to.equal(true);
    expect(question(el)).to.equal('How are you feeling today?');
    await expect(el).to.be.accessible();
  });

  it('NO to 1, 2 and 6: asks 1, 2, 6 and thanks them', async () => {
    const el = await render();
    const submitted = oneEvent(el, 'iop-check-in-submitted');
    await intro(el, { mood: 7 });
    expect(shown(el)).to.contain('Safety questions');
    expect(shown(el)).to.contain('In the past month:');
    await expect(el).to.be.accessible();
    expect(await screen(el, 'no', 'no', 'no')).to.deep.equal(['1', '2', '6']);
    expect(question(el)).to.equal('Thank you for checking in.');
    expect(active(el)!.id).to.equal('outcome-heading');
    noLabels(el);
    const { detail } = (await submitted) as CustomEvent<CheckInSubmittedDetail>;
    expect(detail.risk).to.equal('none');
    const sent = await delivered();
    expect(sent).to.deep.include({ id: detail.id, mood: 7, usedPlan: true, risk: 'none', shareNote: false });
    expect(sent.answers).to.deep.equal({ '1': 'no', '2': 'no', '6': 'no' });
    expect(sent.instrument.url).to.equal(CSSRS_SCREENER_RECENT.url);
    await waitUntil(() => shown(el).includes('was sent to your care team'), 'says it was sent');
    await expect(el).to.be.accessible();
  });

  it('YES to 1 only: low, shows my coping strategies from my safety plan and the crisis lines', async () => {
    const el = await render();
    await intro(el);
    expect(await screen(el, 'yes', 'no', 'no')).to.deep.equal(['1', '2', '6']);
    expect(question(el)).to.equal('Thank you for telling us.');
    await waitUntil(
      () => shown(el).includes(seed.safetyPlans.alex.copingStrategies[0]!),
      'coping strategies',
    );
    for (const strategy of seed.safetyPlans.alex.copingStrategies) expect(shown(el)).to.contain(strategy);
    expect(root(el).querySelector('a[href="tel:988"]')).to.not.equal(null);
    expect(root(el).querySelector('a[href^="sms:741741"]')).to.not.equal(null);
    noLabels(el);
    expect((await delivered()).risk).to.equal('low');
    await expect(el).to.be.accessible();
  });

  it('YES to 2: asks 3, 4 and 5 before 6; no to all of them is low', async () => {
    const el = await render();
    await intro(el);
    expect(await screen(el, 'no', 'yes', 'no', 'no', 'no', 'no')).to.deep.equal([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(question(el)).to.equal('Thank you for telling us.');
    expect((await delivered()).answers).to.deep.equal({
      '1': 'no',
      '2': 'yes',
      '3': 'no',
      '4': 'no',
      '5': 'no',
      '6': 'no',
    });
  });

  it('YES to 3: moderate, urges contact today with the on-call line and a booking link', async () => {
    const el = await render(html`<iop-check-in booking-url="/book"></iop-check-in>`);
    await intro(el);
    expect(await screen(el, 'no', 'yes', 'yes', 'no', 'no', 'no')).to.deep.equal([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(question(el)).to.equal('Please talk with someone today.');
    await waitUntil(() => root(el).querySelector(`a[href="${ON_CALL}"]`), 'the on-call line');
    expect(text(root(el).querySelector(`a[href="${ON_CALL}"]`))).to.match(/^Call .+, on call now$/);
    expect(text(root(el).querySelector('a[href="/book"]'))).to.equal('Book a time to talk');
    expect(root(el).querySelector('a[href="tel:988"]')).to.not.equal(null);
    noLabels(el);
    expect((await delivered()).risk).to.equal('moderate');
    expect(backend.crisisEvents).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  for (const [url, shown] of [
    ['#book-heading', true],
    ['javascript:alert(1)', false],
  ] as const)
    it(`the booking link to ${url} is ${shown ? 'shown (a place on this page)' : 'dropped'}`, async () => {
      const el = await render(html`<iop-check-in booking-url=${url}></iop-check-in>`);
      await intro(el);
      await screen(el, 'no', 'yes', 'yes', 'no', 'no', 'no');
      expect(question(el)).to.equal('Please talk with someone today.');
      const book = [...root(el).querySelectorAll('a')].find((a) => text(a) === 'Book a time to talk');
      expect(book?.getAttribute('href')).to.equal(shown ? url : undefined);
    });

  it('YES to 6, NO to "within the past 3 months": moderate', async () => {
    const el = await render();
    await intro(el);
    const asked = await screen(el, 'no', 'no', 'yes', 'no');
    expect(asked).to.deep.equal(['1', '2', '6', '6b']);
    expect(question(el)).to.equal('Please talk with someone today.');
    expect((await delivered()).risk).to.equal('moderate');
  });

  it('YES to 6 within the past 3 months: high, the crisis help in place, a crisis event and the follow-up', async () => {
    const el = await render();
    const escalated = oneEvent(el, 'iop-check-in-escalated');
    await intro(el);
    expect(await screen(el, 'no', 'no', 'yes', 'yes')).to.deep.equal(['1', '2', '6', '6b']);
    expect(question(el)).to.equal('You do not have to go through this alone.');
    expect(((await escalated) as CustomEvent<CheckInSubmittedDetail>).detail.risk).to.equal('high');
    await waitUntil(() => backend.crisisEvents.length === 2, 'crisis event and follow-up request delivered');
    expect(backend.crisisEvents.map((e) => [e.type, e.action, e.target])).to.deep.equal([
      ['crisis-open', 'check-in', undefined],
      ['crisis-action', 'request-follow-up', 'crisis-debrief-24h'],
    ]);
    await waitUntil(() => root(el).querySelector(`a[href="${ON_CALL}"]`), 'the on-call clinician');
    expect(shown(el)).to.contain('Someone will contact you within 24 hours');
    expect((await delivered()).risk).to.equal('high');
    // Calling a line from here is in the care team's crisis log too (the call itself is the phone's: not followed here).
    el.addEventListener('click', (event) => event.preventDefault());
    root(el).querySelector<HTMLElement>('a[href="tel:988"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.crisisEvents.length === 3, 'the call is logged');
    expect(backend.crisisEvents[2]).to.deep.include({
      type: 'crisis-action',
      action: 'call-hotline',
      target: '988',
    });
    noLabels(el);
    await expect(el).to.be.accessible();
  });

  for (const [branch, said, asked] of [
    ['YES to 4 (after YES to 2)', ['no', 'yes', 'no', 'yes'], ['1', '2', '3', '4']],
    ['YES to 5 (after YES to 2)', ['no', 'yes', 'no', 'no', 'yes'], ['1', '2', '3', '4', '5']],
  ] as const) {
    it(`${branch}: high at once, with no more questions`, async () => {
      const el = await render();
      await intro(el);
      expect(await screen(el, ...said)).to.deep.equal(asked);
      expect(question(el)).to.equal('You do not have to go through this alone.');
      expect(root(el).querySelector('a[href="tel:911"]')).to.not.equal(null);
      const sent = await delivered();
      expect(sent.risk).to.equal('high');
      expect(Object.keys(sent.answers)).to.deep.equal(asked);
    });
  }

  it('Back goes to the question before; a changed answer changes what is asked next', async () => {
    const el = await render();
    await intro(el);
    await screen(el, 'no', 'yes');
    expect(question(el)).to.contain(Q['3']);
    await tabTo(el, (e) => e.matches('[part=back]'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(question(el)).to.contain(Q['2']);
    // Yes is chosen; Tab lands on it, and the arrow key moves to No.
    await tabTo(el, (e) => e.matches('input[type=radio]'));
    await sendKeys({ press: 'ArrowDown' });
    await next(el);
    expect(question(el)).to.contain(Q['6']);
    await screen(el, 'no');
    expect((await delivered()).answers).to.deep.equal({ '1': 'no', '2': 'no', '6': 'no' });
  });

  it('with the backend down (fetch rejecting), a high-risk answer shows 911 and 988 in the same frame', async () => {
    resetConfig();
    configure({
      baseUrl: 'https://api.clinic.example/iop/v1',
      getAccessToken: () => 'tok',
      retries: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const el = await render();
    await intro(el);
    await screen(el, 'no', 'yes', 'no');
    await choose(el, 0);
    await tabTo(el, (e) => e.matches('[part=next]'));
    // In the first frame after Enter, before anything is painted, the links are in the page and have a box.
    const frame = new Promise<string[]>((resolve) =>
      el.addEventListener(
        'keydown',
        () =>
          requestAnimationFrame(() =>
            resolve(
              ['tel:911', 'tel:988'].filter((href) => {
                const link = root(el).querySelector(`a[href="${href}"]`);
                return link && link.getBoundingClientRect().height >= 44;
              }),
            ),
          ),
        { once: true },
      ),
    );
    await sendKeys({ press: 'Enter' });
    expect(await frame).to.deep.equal(['tel:911', 'tel:988']);
    expect(question(el)).to.equal('You do not have to go through this alone.');
    // The crisis event, the follow-up request and the check-in wait in the outbox.
    await waitUntil(async () => (await getClient().outbox.pendingCount()) === 3, 'three entries wait');
    const kinds = (await getClient().outbox.entries()).map((e) => e.kind).sort();
    expect(kinds).to.deep.equal(['check-in', 'crisis-event', 'crisis-event']);
    await expect(el).to.be.accessible();
  });

  it('offline, the check-in waits in the outbox and is delivered after a reload', async () => {
    backend.simulate({ offline: true });
    const el = await render();
    await intro(el, { mood: 2 });
    await screen(el, 'no', 'no', 'no');
    await waitUntil(() => shown(el).includes('will be sent when you are back online'), 'says it waits');
    await expect(el).to.be.accessible();
    expect(backend.checkIns).to.have.length(0);
    el.parentElement!.remove();
    await getClient().dispose();
    // The next visit, online: a new adapter and client over the same server and database.
    backend = createMemoryBackend({ participant: 'alex', seed });
    configure({ backend });
    await render();
    expect((await delivered()).mood).to.equal(2);
  });

  it('keeps a private note only on this device, encrypted: nothing of it in IndexedDB in plaintext', async () => {
    const note = 'Argued with my sister tonight';
    const el = await render();
    await intro(el, { note });
    await screen(el, 'no', 'no', 'no');
    const sent = await delivered();
    expect(sent).to.not.have.property('note');
    expect(shown(el)).to.contain('Your note is saved on this device only.');
    await waitUntil(async () => (await getClient().outbox.pendingCount()) === 0);
    const dump = await dumpDatabase('iop-kit');
    expect(dump.length).to.be.greaterThan(0);
    expect(dump).to.not.contain('Argued');
    expect(dump).to.not.contain('sister');
  });

  it('sends the note when the person shares it with the care team', async () => {
    const el = await render();
    await intro(el, { note: 'Used my breathing exercise', shareNote: true });
    await screen(el, 'no', 'no', 'no');
    expect((await delivered()).note).to.equal('Used my breathing exercise');
    expect(shown(el)).to.not.contain('saved on this device only');
  });

  it('the partner sees only the shared mood: never the safety answers, the note or cravings', async () => {
    const el = await render(html`<iop-check-in cravings></iop-check-in>`);
    await waitUntil(() => shown(el).includes('with Jordan'), 'the partner is known');
    await intro(el, { mood: 3, shareMood: true, note: 'Hard day', shareNote: true });
    await screen(el, 'yes', 'no', 'no');
    const sent = await delivered();
    expect(sent).to.deep.include({ shareMoodWithPartner: true, cravings: 3, note: 'Hard day' });
    const jordan = createMemoryBackend({ participant: 'jordan', seed });
    const seen = await jordan.getCheckIns(new Date(Date.now() - 864e5).toISOString());
    expect(seen.partner).to.deep.equal({ displayName: 'Alex', moods: [{ at: sent.at, mood: 3 }] });
    expect(JSON.stringify(seen)).to.not.match(/Hard day|answers|cravings|"yes"/);
  });

  it('asks about cravings with `cravings` (substance-use programs), words at both ends', async () => {
    const el = await render(html`<iop-check-in cravings></iop-check-in>`);
    await choose(el, 5);
    await next(el);
    expect(question(el)).to.equal('How strong were your cravings today?');
    expect(shown(el)).to.contain('0: none').and.contain('10: the strongest');
    await expect(el).to.be.accessible();
  });

  it('in Spanish: the kit speaks Spanish and says the questions are in English (their own wording)', async () => {
    const el = await render(html`<div lang="es"><iop-check-in></iop-check-in></div>`);
    expect(question(el)).to.equal('¿Cómo te sientes hoy?');
    await choose(el, 4);
    await next(el);
    await choose(el, 1);
    await next(el);
    await next(el);
    expect(shown(el)).to.contain('Estas preguntas están en inglés');
    const wording = root(el).querySelector(`#q [lang="en"]`);
    expect(text(wording)).to.equal(Q['1']);
    expect(shown(el)).to.contain('En el último mes:');
    await expect(el).to.be.accessible();
  });

  it('uses the instrument the backend supplies (e.g. a licensed translation), in its language', async () => {
    const licensed = {
      ...CSSRS_SCREENER_RECENT,
      version: 'licensed-es-test',
      language: 'es',
      item: CSSRS_SCREENER_RECENT.item.map((i) => ({
        ...i,
        text: `[es] ${i.text}`,
        answerOption: [
          { code: 'yes', display: 'Sí' },
          { code: 'no', display: 'No' },
        ],
      })),
    };
    backend = createMemoryBackend({ participant: 'alex', seed, checkInInstrument: licensed });
    configure({ backend });
    const el = await render(html`<div lang="es"><iop-check-in></iop-check-in></div>`);
    await waitUntil(() => el.instrument.version === 'licensed-es-test', 'the clinic instrument');
    await choose(el, 4);
    await next(el);
    await choose(el, 1);
    await next(el);
    await next(el);
    expect(question(el)).to.contain(`[es] ${Q['1']}`);
    expect(shown(el)).to.not.contain('Estas preguntas están en');
    await screen2(el);
    expect((await delivered()).instrument.version).to.equal('licensed-es-test');
  });

  it("after the check-in, the last 14 days: my moods and my partner's shared ones, as a chart and a table", async () => {
    const days = (n: number) => new Date(Date.now() - n * 864e5).toISOString();
    const earlier = (participant: 'alex' | 'jordan', at: string, mood: number, share = true) =>
      createMemoryBackend({ participant, seed }).submitCheckIn({
        id: `ci-${participant}-${mood}`,
        at,
        mood,
        usedPlan: false,
        shareNote: false,
        shareMoodWithPartner: share,
        instrument: { url: CSSRS_SCREENER_RECENT.url, version: CSSRS_SCREENER_RECENT.version },
        answers: { '1': 'no', '2': 'no', '6': 'no' },
        risk: 'none',
      });
    await earlier('alex', days(3), 4);
    await earlier('jordan', days(2), 6);
    await earlier('jordan', days(1), 1, false);
    const el = await render();
    await waitUntil(() => shown(el).includes('with Jordan'), 'history loaded');
    await intro(el, { mood: 8 });
    await screen(el, 'no', 'no', 'no');
    const history = root(el).querySelector('[part=history]')!;
    expect(text(history.querySelector('h3'))).to.equal('How I felt, the last 14 days');
    expect(history.querySelectorAll('svg polyline')).to.have.length(2);
    expect(history.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    const rows = [...history.querySelectorAll('table tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].slice(1).map((c) => text(c)),
    );
    // Header, then one row per day with a value: mine 4, Jordan's shared 6 (not the 1 kept private), mine 8 today.
    expect(rows).to.deep.equal([
      ['Me', 'Jordan'],
      ['4', '–'],
      ['–', '6'],
      ['8', '–'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('the 14 days include check-ins kept on this device that the server does not have yet', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 864e5).toISOString();
    await getClient().cache.set(LOCAL_CHECK_INS_KEY, [
      {
        id: 'ci-offline',
        at: threeDaysAgo,
        mood: 2,
        usedPlan: false,
        note: 'only here',
        shareNote: false,
        shareMoodWithPartner: false,
        instrument: { url: CSSRS_SCREENER_RECENT.url, version: CSSRS_SCREENER_RECENT.version },
        answers: { '1': 'no', '2': 'no', '6': 'no' },
        risk: 'none',
      },
    ]);
    const el = await render();
    await intro(el, { mood: 7 });
    await screen(el, 'no', 'no', 'no');
    const cells = [...root(el).querySelectorAll('[part=history] td')].map((c) => text(c));
    expect(cells).to.include('2').and.include('7');
    expect(shown(el)).to.not.contain('only here');
  });

  it('a check-in the server refuses says so (and fires iop-error); the help shown stays', async () => {
    backend.simulate({ failWith: { status: 400 }, only: ['submitCheckIn'] });
    const el = await render();
    const failed = oneEvent(el, 'iop-error');
    await intro(el);
    // Back from the first safety question is the note again.
    await tabTo(el, (e) => e.matches('[part=back]'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(question(el)).to.equal('Anything you want to write down? (optional)');
    await next(el);
    await screen(el, 'yes', 'no', 'no');
    const { detail } = (await failed) as CustomEvent<{ operation: string }>;
    expect(detail.operation).to.equal('submit check-in');
    await waitUntil(() => shown(el).includes('We could not send this check-in.'), 'says it');
    expect(question(el)).to.equal('Thank you for telling us.');
    expect(root(el).querySelector('a[href="tel:988"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a session that ends (401) right after a high-risk answer leaves the crisis help on screen', async () => {
    backend.simulate({ failWith: { status: 401 }, only: ['submitCheckIn'] });
    const el = await render();
    await intro(el);
    await screen(el, 'no', 'yes', 'no', 'yes');
    await waitUntil(() => shown(el).includes('Please sign in to see this.'), 'the session ended');
    expect(question(el)).to.equal('You do not have to go through this alone.');
    expect(root(el).querySelector('a[href="tel:911"]')).to.not.equal(null);
    expect(root(el).querySelector('a[href="tel:988"]')).to.not.equal(null);
    expect(root(el).querySelector('[part=history]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signing out mid-check-in forgets what was answered (a shared device shows the next person nothing)', async () => {
    const el = await render();
    await choose(el, 2);
    await next(el);
    await choose(el, 0);
    // The portal signs the person out: no session any more.
    await signOut({ flushTimeoutMs: 0 });
    resetConfig();
    configure({ baseUrl: '/api/v1' });
    await waitUntil(() => shown(el).includes('Please sign in to see this.'), 'signed out');
    expect(root(el).querySelector('form')).to.equal(null);
    configure({ backend: createMemoryBackend({ participant: 'jordan', seed }) });
    await waitUntil(() => root(el).querySelector('form'), 'signed in again');
    expect(question(el)).to.equal('How are you feeling today?');
    expect(root(el).querySelector('input:checked')).to.equal(null);
  });

  it('signed out: asks to sign in and shows no questions', async () => {
    resetConfig();
    configure({ baseUrl: '/api/v1' });
    const el = await render();
    expect(shown(el)).to.contain('Please sign in to see this.');
    expect(root(el).querySelector('form')).to.equal(null);
    expect(shown(el)).to.contain('not watched around the clock');
    await expect(el).to.be.accessible();
  });
});

/** The licensed screener's "No" to 1, 2 and 6 (its wording differs, so `screen` cannot name the items). */
async function screen2(el: El): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await choose(el, 1);
    await next(el);
  }
}

/** Every record of the kit's database, as text a person could read (strings and bytes decoded as UTF-8). */
async function dumpDatabase(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const parts: string[] = [];
  const decode = (value: unknown): void => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer);
      parts.push(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) decode(v);
    } else parts.push(String(value));
  };
  for (const store of [...db.objectStoreNames]) {
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    all.forEach(decode);
  }
  db.close();
  return parts.join('\n');
}

import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/follow-up-scheduler/define.js';
import type { IopFollowUpScheduler } from '../../src/components/follow-up-scheduler/follow-up-scheduler.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import { CARE_TEAM, createSeed, DEMO_TELEHEALTH_ORIGIN } from '../../src/demo-data/seed.js';
import { signOut } from '../../src/core/client.js';
import type { Appointment, CareTeamMember, Slot } from '../../src/core/schemas.js';
import type { IopErrorDetail } from '../../src/internal/data-controller.js';
import { whenCached } from '../shared/cache.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Node | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const options = (el: IopFollowUpScheduler) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')];
const part = (el: IopFollowUpScheduler, name: string) =>
  root(el).querySelector<HTMLElement>(`[part=${name}]`);
const live = (el: IopFollowUpScheduler) => text(root(el).querySelector('.sr-only[role=status]'));
const button = (scope: ParentNode, label: RegExp) =>
  [...scope.querySelectorAll<HTMLElement>('iop-button')].find((b) => label.test(text(b)))!;
const focused = (el: IopFollowUpScheduler) => root(el).activeElement as HTMLElement | null;
const dayCells = (el: IopFollowUpScheduler) => [...root(el).querySelectorAll<HTMLElement>('[part=days] td')];

let backend: MemoryBackend;

async function render(
  attrs = 'timezone="America/Chicago"',
  lang = 'en',
  now?: Date,
): Promise<IopFollowUpScheduler> {
  const wrapper = await fixture<HTMLElement>(`<div lang="${lang}"></div>`);
  const markup = `<iop-follow-up-scheduler ${attrs}></iop-follow-up-scheduler>`;
  const el = document.createRange().createContextualFragment(markup)
    .firstElementChild as IopFollowUpScheduler;
  if (now) el.now = () => now;
  wrapper.append(el);
  return el;
}

async function ready(el: IopFollowUpScheduler, what = () => options(el).length > 0): Promise<void> {
  await waitUntil(async () => (await el.updateComplete, what()), 'widget ready', { timeout: 4000 });
}

/** Records every book() call's key and lets the test count them. */
function spyBook(b: MemoryBackend): string[] {
  const keys: string[] = [];
  const book = b.book.bind(b);
  b.book = (request, key, o) => (keys.push(key), book(request, key, o));
  return keys;
}

describe('iop-follow-up-scheduler', () => {
  beforeEach(() => {
    backend = createMemoryBackend({ participant: 'alex' });
    configure({ backend, allowedOrigins: [DEMO_TELEHEALTH_ORIGIN] });
  });
  afterEach(async () => {
    await signOut();
    resetConfig();
  });

  it('shows one day at a time: the soonest time offered first, a date grid, the first day with times chosen', async () => {
    const el = await render();
    await ready(el);
    // The soonest time comes first, as one button: "Soonest: today 3:00 PM with Sam Rivera".
    const soonest = part(el, 'soonest')!;
    expect(text(soonest)).to.match(/^Soonest: (today|tomorrow) \d+:\d\d\s[AP]M with Sam Rivera$/);
    // The date grid: the days from today, the first with times chosen; a day without times cannot be.
    const grid = part(el, 'days')!;
    expect(grid.getAttribute('role')).to.equal('grid');
    const cells = dayCells(el);
    expect(cells.length).to.be.within(15, 21);
    expect(text(cells[0]!.querySelector('.sr-only'))).to.match(
      /^\w+day, \w+ \d+: (\d+ open times?|no open times)$/,
    );
    const chosen = cells.filter((c) => c.getAttribute('aria-selected') === 'true');
    expect(chosen).to.have.length(1);
    const firstWithTimes = cells.find((c) => c.getAttribute('aria-disabled') !== 'true')!;
    expect(chosen[0]).to.equal(firstWithTimes);
    expect(cells.filter((c) => c.tabIndex === 0)).to.deep.equal(chosen);
    // Only that day's times are in the listbox, labelled by the day and its time zone.
    const listbox = part(el, 'slots')!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    const label = root(el).getElementById(listbox.getAttribute('aria-labelledby')!);
    // Every time of the first day is inside the 24-hour window: the label says it once, no time repeats it.
    expect(text(label)).to.match(/^\w+day, \w+ \d+ Central (Standard|Daylight) Time In the next 24 hours$/);
    const count = Number(/(\d+) open time/.exec(text(firstWithTimes))![1]);
    const all = options(el);
    expect(all).to.have.length(count);
    expect(all.filter((o) => text(o).includes('In the next 24 hours'))).to.deep.equal([]);
    expect(text(all[0])).to.match(/(Sam Rivera), therapist/);
    expect(all.filter((o) => o.tabIndex === 0)).to.have.length(1);
    expect(text(root(el).querySelector('h2'))).to.equal('Book your check-in after a crisis');
    await expect(el).to.be.accessible();

    // The soonest button chooses that time at once.
    const picked = oneEvent(el, 'iop-slot-select');
    soonest.click();
    expect((await picked).detail.slot.id).to.equal(
      (
        (
          await backend.listSlots({
            kind: 'crisis-debrief',
            from: new Date().toISOString(),
            to: new Date(Date.now() + 15 * 864e5).toISOString(),
          })
        )[0] as Slot
      ).id,
    );
    await el.updateComplete;
    expect(text(part(el, 'confirm'))).to.contain('Book this time?');
  });

  it('says "in the next 24 hours" once for a day inside the window, and on each time of a day across its end', async () => {
    const now = '2026-06-10T10:00:00Z';
    const debrief = (start: string): Slot => ({
      id: `d-${start}`,
      start,
      end: new Date(Date.parse(start) + 1800e3).toISOString(),
      clinician: CARE_TEAM.alexTherapist as Slot['clinician'],
      kind: 'crisis-debrief',
      modality: 'telehealth',
    });
    const starts = [
      '2026-06-10T13:00:00Z',
      '2026-06-10T20:00:00Z',
      '2026-06-11T08:00:00Z',
      '2026-06-11T15:00:00Z',
    ];
    configure({
      backend: Object.assign(createMemoryBackend({ now: new Date(now) }), {
        listSlots: async () => starts.map(debrief),
      }),
    });
    const el = await render('timezone="UTC"', 'en', new Date(now));
    await ready(el);
    const marked = () =>
      options(el).map((o) => [text(o.querySelector('b')), text(o).includes('In the next 24 hours')]);
    // June 10: both times are inside the window: the day's label says it, the times do not.
    expect(text(root(el).querySelector('.day'))).to.equal(
      'Wednesday, June 10 Coordinated Universal Time In the next 24 hours',
    );
    expect(marked()).to.deep.equal([
      ['1:00 PM', false],
      ['8:00 PM', false],
    ]);
    // June 11: only 8:00 AM is inside the window (before 10:00 AM): that time says so.
    dayCells(el)
      .filter((c) => c.getAttribute('aria-disabled') !== 'true')[1]!
      .click();
    await el.updateComplete;
    expect(text(root(el).querySelector('.day'))).to.equal('Thursday, June 11 Coordinated Universal Time');
    expect(marked()).to.deep.equal([
      ['8:00 AM', true],
      ['3:00 PM', false],
    ]);
    await expect(el).to.be.accessible();
  });

  it('every open time in two weeks is reachable by keyboard: the date grid, then the listbox', async () => {
    const el = await render();
    await ready(el);
    const total = (
      await backend.listSlots({
        kind: 'crisis-debrief',
        from: new Date().toISOString(),
        to: new Date(Date.now() + 14 * 864e5).toISOString(),
      })
    ).length;
    // Walk the grid with ArrowRight from the first day, choose each day with times with Enter, count its times.
    const cells = dayCells(el);
    cells.find((c) => c.tabIndex === 0)!.focus();
    await sendKeys({ press: 'Home' });
    let seen = 0;
    for (let i = 0; i < dayCells(el).length; i++) {
      const cell = focused(el)!;
      expect(cell.getAttribute('role') ?? cell.localName).to.equal('td');
      if (cell.getAttribute('aria-disabled') !== 'true') {
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(cell.getAttribute('aria-selected')).to.equal('true');
        seen += options(el).length;
      }
      if (dayCells(el).indexOf(cell) % 7 === 6 || i === dayCells(el).length - 1) {
        // The end of a row: ArrowDown then Home goes to the start of the next row.
        await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'Home' });
      } else await sendKeys({ press: 'ArrowRight' });
    }
    expect(seen).to.equal(total);
  });

  it('moves with arrows, Home, End and Page keys in the listbox and announces the selection', async () => {
    // A pinned morning (8:00 AM in Chicago), so the first day has two crisis debriefs whatever the hour of the run:
    // the seed puts them 2, 5 and 20 hours ahead, and late in the day only one of them is still today.
    const morning = new Date('2026-06-10T13:00:00Z');
    configure({
      backend: createMemoryBackend({ participant: 'alex', now: morning }),
      allowedOrigins: [DEMO_TELEHEALTH_ORIGIN],
    });
    const el = await render('timezone="America/Chicago"', 'en', morning);
    await ready(el);
    const all = options(el);
    expect(all.length, 'the first day has at least two times').to.be.greaterThan(1);
    all[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(all[1]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal(all[0]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(all.at(-1));
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(all[0]);
    const firstDay = text(root(el).querySelector('.day'));
    // PageDown: the next day with times, its first time focused; PageUp back.
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(text(root(el).querySelector('.day'))).not.to.equal(firstDay);
    expect(focused(el)).to.equal(options(el)[0]);
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(text(root(el).querySelector('.day'))).to.equal(firstDay);
    expect(focused(el)).to.equal(options(el)[0]);
    await sendKeys({ press: 'ArrowRight' });
    const now = options(el);
    expect(now[1]!.tabIndex).to.equal(0);
    const picked = oneEvent(el, 'iop-slot-select');
    await sendKeys({ press: 'Enter' });
    const event = await picked;
    await el.updateComplete;
    expect(now[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(now[0]!.getAttribute('aria-selected')).to.equal('false');
    expect(live(el)).to.match(
      /^Selected: \w+day, \w+ \d+, \d+:\d\d\s[AP]M Central \w+ Time with (Sam Rivera)$/,
    );
    expect((event.detail as { slot: Slot }).slot.clinician.name).to.equal('Sam Rivera');
    const confirm = part(el, 'confirm')!;
    expect(text(confirm)).to.contain('Book this time?');
    expect(text(confirm)).to.contain('Sam Rivera, therapist');
    expect(text(confirm)).to.match(/\w+day, \w+ \d+, \d+:\d\d\s[AP]M Central \w+ Time/);
    await expect(el).to.be.accessible();
    button(confirm, /Pick another/).click();
    await el.updateComplete;
    expect(part(el, 'confirm')).to.equal(null);
  });

  it('books once when confirm is clicked twice, then shows the appointment', async () => {
    const keys = spyBook(backend);
    const el = await render();
    await ready(el);
    options(el)[0]!.click();
    await el.updateComplete;
    const confirm = button(part(el, 'confirm')!, /Yes, book it/);
    const booked = oneEvent(el, 'iop-booked');
    confirm.click();
    confirm.click();
    const appointment = (await booked).detail as Appointment;
    expect(keys).to.have.length(1);
    const mine = (await backend.listAppointments()).filter((a) => a.kind === 'crisis-debrief');
    expect(mine).to.have.length(1);
    expect(mine[0]!.id).to.equal(appointment.id);
    await ready(el, () => !!part(el, 'appointment'));
    const card = part(el, 'appointment')!;
    expect(text(card)).to.contain('Sam Rivera, therapist');
    expect(text(card)).to.match(/Central \w+ Time/);
    expect(button(card, /Join/)?.getAttribute('href')).to.equal(appointment.joinUrl);
    expect(part(el, 'slots')).to.equal(null, 'booked: no picker until reschedule');
    expect(live(el)).to.equal('You are booked.');
    await expect(el).to.be.accessible();
  });

  it('says "You are booked" in the language it speaks now, also after the language changes', async () => {
    const el = await render();
    await ready(el);
    options(el)[0]!.click();
    await el.updateComplete;
    const booked = oneEvent(el, 'iop-booked');
    button(part(el, 'confirm')!, /Yes, book it/).click();
    await booked;
    await ready(el, () => live(el) === 'You are booked.');
    el.parentElement!.setAttribute('lang', 'es');
    await ready(el, () => live(el) === 'Tu sesión está reservada.');
    expect(text(root(el).querySelector('iop-alert'))).to.contain('Tu sesión está reservada.');
    expect(text(root(el).querySelector('iop-alert'))).to.not.contain('booked');
  });

  it('reuses the key after a network failure, keeps the choice and says nothing was booked', async () => {
    const keys = spyBook(backend);
    const errors: IopErrorDetail[] = [];
    const el = await render();
    el.addEventListener('iop-error', (e) => errors.push((e as CustomEvent<IopErrorDetail>).detail));
    await ready(el);
    // The last open time of the day shown (at some hours the first day has only one or two).
    const pick = options(el).length - 1;
    options(el)[pick]!.click();
    await el.updateComplete;
    backend.simulate({ failWith: 'network', only: ['book'] });
    button(part(el, 'confirm')!, /Yes, book it/).click();
    await ready(el, () => live(el).startsWith('Nothing was booked'));
    expect(options(el)[pick]!.getAttribute('aria-selected')).to.equal('true');
    expect(errors.map((e) => e.operation)).to.deep.equal(['book']);
    await expect(el).to.be.accessible();
    backend.simulate();
    const booked = oneEvent(el, 'iop-booked');
    button(part(el, 'confirm')!, /Yes, book it/).click();
    await booked;
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('says a taken time was just taken and refreshes the list (409)', async () => {
    const seed = createSeed(new Date());
    backend = createMemoryBackend({ participant: 'alex', seed });
    const jordan = createMemoryBackend({ participant: 'jordan', seed });
    configure({ backend, allowedOrigins: [DEMO_TELEHEALTH_ORIGIN] });
    const el = await render('kind="couples" timezone="America/Chicago"');
    await ready(el, () => !!part(el, 'appointment'));
    // A couples session is booked already: reschedule shows the picker.
    button(part(el, 'appointment')!, /Reschedule/).click();
    await ready(el);
    const target = options(el)[0]!;
    target.click();
    await el.updateComplete;
    const slotId = (el as unknown as { selected: Slot }).selected.id;
    await jordan.book({ slotId, kind: 'couples', includePartner: true }, 'other-tab');
    button(part(el, 'confirm')!, /Yes, book it/).click();
    await ready(el, () => live(el) === 'That time was just taken. Please pick another.');
    await ready(el, () => !options(el).some((o) => o.getAttribute('aria-selected') === 'true'));
    const ids = (
      await backend.listSlots({
        kind: 'couples',
        from: new Date().toISOString(),
        to: new Date(Date.now() + 14 * 864e5).toISOString(),
      })
    ).map((s) => s.id);
    expect(ids).to.not.include(slotId);
    const gridTotal = () =>
      dayCells(el).reduce((n, c) => n + Number(/(\d+) open time/.exec(text(c))?.[1] ?? 0), 0);
    await waitUntil(() => gridTotal() === ids.length, 'list refreshed');
    expect(part(el, 'confirm')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the booked session on load, and cancels after a confirmation', async () => {
    const el = await render('kind="couples" timezone="America/Chicago"');
    await ready(el, () => !!part(el, 'appointment'));
    const card = part(el, 'appointment')!;
    expect(text(card)).to.contain('Dr. Maya Okafor, couples therapist');
    expect(text(card)).to.contain('Alex, Jordan');
    button(card, /Cancel session/).click();
    await el.updateComplete;
    expect(text(part(el, 'confirm'))).to.contain('Cancel this session?');
    expect(focused(el)).to.equal(button(card, /Keep it/));
    await expect(el).to.be.accessible();
    button(card, /Keep it/).click();
    await el.updateComplete;
    expect(part(el, 'confirm')).to.equal(null);
    expect((await backend.listAppointments())[0]!.status).to.equal('booked');

    button(card, /Cancel session/).click();
    await el.updateComplete;
    backend.simulate({ failWith: { status: 500 }, only: ['cancel'] });
    button(card, /Yes, cancel/).click();
    await ready(el, () => live(el) === 'Nothing was changed. Please try again.');
    backend.simulate();
    const cancelled = oneEvent(el, 'iop-cancelled');
    button(card, /Yes, cancel/).click();
    expect(((await cancelled).detail as Appointment).id).to.equal('appt-couples-1');
    await ready(el, () => !part(el, 'appointment') && options(el).length > 0);
    expect(live(el)).to.equal('Your session was cancelled.');
    expect((await backend.listAppointments())[0]!.status).to.equal('cancelled');
  });

  it('reschedules: books the new time, then cancels the old one', async () => {
    const el = await render('kind="couples" timezone="America/Chicago"');
    await ready(el, () => !!part(el, 'appointment'));
    button(part(el, 'appointment')!, /Reschedule/).click();
    await ready(el);
    expect(text(root(el))).to.contain('Pick a new time. Your session stays until then.');
    // Any open time of the day shown (at some hours it has only one).
    options(el)[0]!.click();
    await el.updateComplete;
    expect(text(part(el, 'confirm'))).to.contain('Reschedule: Book this time?');
    expect(text(part(el, 'confirm'))).to.contain('For you and your partner.');
    const cancelled = oneEvent(el, 'iop-cancelled');
    const booked = oneEvent(el, 'iop-booked');
    button(part(el, 'confirm')!, /Yes, book it/).click();
    const appointment = (await booked).detail as Appointment;
    expect(((await cancelled).detail as Appointment).id).to.equal('appt-couples-1');
    expect(appointment.participants.map((p) => p.id)).to.deep.equal(['alex', 'jordan']);
    const list = await backend.listAppointments();
    expect(list.filter((a) => a.status === 'booked').map((a) => a.id)).to.deep.equal([appointment.id]);
    await ready(el, () => root(el).querySelectorAll('[part=appointment]').length === 1 && !part(el, 'slots'));
    expect(live(el)).to.equal('You are booked.');
  });

  it('reschedule: when the old session cannot be cancelled, says the new time is booked and offers to cancel the old one', async () => {
    const el = await render('kind="couples" timezone="America/Chicago"');
    await ready(el, () => !!part(el, 'appointment'));
    button(part(el, 'appointment')!, /Reschedule/).click();
    await ready(el);
    // Any open time of the day shown (at some hours it has only one).
    options(el)[0]!.click();
    await el.updateComplete;
    backend.simulate({ failWith: { status: 500 }, only: ['cancel'] });
    const failed = oneEvent(el, 'iop-error');
    const booked = oneEvent(el, 'iop-booked');
    button(part(el, 'confirm')!, /Yes, book it/).click();
    const appointment = (await booked).detail as Appointment;
    expect(((await failed).detail as IopErrorDetail).operation).to.equal('cancel');
    await ready(el, () => live(el).startsWith('Your new time is booked'));
    expect(live(el)).to.equal(
      'Your new time is booked, but we could not cancel your old time. Do you want to cancel it now?',
    );
    expect(live(el)).to.not.contain('Nothing was changed');
    const list = await backend.listAppointments();
    expect(list.filter((a) => a.status === 'booked').map((a) => a.id)).to.have.members([
      appointment.id,
      'appt-couples-1',
    ]);
    // Both sessions show; the old one asks to be cancelled, with focus on "Keep it".
    const cards = [...root(el).querySelectorAll<HTMLElement>('[part=appointment]')];
    expect(cards).to.have.length(2);
    const old = cards.find((c) => c.querySelector('[part=confirm]'))!;
    expect(text(part(el, 'confirm'))).to.contain('Cancel this session?');
    await ready(el, () => focused(el) === button(old, /Keep it/));
    await expect(el).to.be.accessible();
    backend.simulate();
    const cancelled = oneEvent(el, 'iop-cancelled');
    button(old, /Yes, cancel/).click();
    expect(((await cancelled).detail as Appointment).id).to.equal('appt-couples-1');
    await ready(el, () => root(el).querySelectorAll('[part=appointment]').length === 1);
    expect(live(el)).to.equal('Your session was cancelled.');
    const after = await backend.listAppointments();
    expect(after.filter((a) => a.status === 'booked').map((a) => a.id)).to.deep.equal([appointment.id]);
  });

  it('downloads the session as an .ics file through a revoked Blob URL', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    const revoke = URL.revokeObjectURL;
    const revoked: string[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    URL.revokeObjectURL = (url: string) => (revoked.push(url), revoke.call(URL, url));
    try {
      const el = await render('kind="couples" timezone="America/Chicago"');
      await ready(el, () => !!part(el, 'appointment'));
      button(part(el, 'appointment')!, /Add to calendar/).click();
      expect(clicked).to.have.length(1);
      const link = clicked[0]!;
      expect(link.download).to.equal('follow-up.ics');
      expect(link.href).to.match(/^blob:/);
      const ics = await (await fetch(link.href)).text();
      const unfolded = ics.replace(/\r\n /g, '');
      const [appt] = await backend.listAppointments();
      const utc = (iso: string) => new Date(iso).toISOString().replace(/\.\d+/, '').replace(/[-:]/g, '');
      expect(unfolded).to.contain(`\r\nUID:appt-couples-1@${location.hostname}\r\n`);
      expect(unfolded).to.contain(`\r\nDTSTART:${utc(appt!.start)}\r\n`);
      expect(unfolded).to.contain(`\r\nDTEND:${utc(appt!.end)}\r\n`);
      expect(unfolded).to.contain('\r\nSUMMARY:Book a couples session: Dr. Maya Okafor\r\n');
      expect(unfolded).to.contain(
        `\r\nDESCRIPTION:Dr. Maya Okafor\\, couples therapist\\n${appt!.joinUrl}\r\n`,
      );
      expect(unfolded).to.contain(`\r\nURL:${appt!.joinUrl}\r\n`);
      await waitUntil(() => revoked.includes(link.href), 'URL revoked', { timeout: 3000 });
    } finally {
      HTMLAnchorElement.prototype.click = original;
      URL.revokeObjectURL = revoke;
    }
  });

  it('fits 320 px without horizontal scrolling', async () => {
    const el = await render('kind="couples" timezone="America/Chicago"');
    el.parentElement!.style.width = '320px';
    await ready(el, () => !!part(el, 'appointment'));
    button(part(el, 'appointment')!, /Reschedule/).click();
    await ready(el);
    options(el)[0]!.click();
    await el.updateComplete;
    for (const node of [el, ...root(el).querySelectorAll<HTMLElement>('[part]')])
      expect(node.scrollWidth, node.getAttribute('part') ?? 'host').to.be.at.most(320);
  });

  it('never links a join URL off the allowed origins', async () => {
    configure({ backend, allowedOrigins: [] });
    const el = await render('kind="couples"');
    await ready(el, () => !!part(el, 'appointment'));
    expect(button(part(el, 'appointment')!, /Join/)).to.equal(undefined);
  });

  it('without a debrief in the window: says so, offers the on-call line and a call back', async () => {
    const el = await render('within-hours="1" timezone="America/Chicago"');
    await ready(el, () => !!part(el, 'on-call') && !!button(part(el, 'on-call')!, /on-call/));
    const onCall = part(el, 'on-call')!;
    expect(text(onCall)).to.contain('No time is open in the next 1 hours.');
    expect(button(onCall, /on-call/).getAttribute('href')).to.equal('tel:+13125550100');
    expect(options(el).length).to.be.greaterThan(0);
    expect(options(el).some((o) => text(o).includes('In the next'))).to.equal(false);
    await expect(el).to.be.accessible();
    button(onCall, /Request a call back/).click();
    await ready(el, () => text(part(el, 'on-call')).includes('We will call you back.'));
    await waitUntil(() => backend.crisisEvents.some((e) => e.action === 'callback-request'), 'logged', {
      timeout: 4000,
    });
    expect(backend.crisisEvents.find((e) => e.action === 'callback-request')!.type).to.equal('crisis-action');
  });

  it('shows an on-call number that is not dialable as text, and says when a call back was not sent', async () => {
    const odd = Object.assign(backend, {
      getCrisisResources: async () => ({
        onCall: {
          clinician: CARE_TEAM.alexTherapist as CareTeamMember,
          phone: 'ask the front desk',
          until: new Date(Date.now() + 3600e3).toISOString(),
          hasSafetyPlanAccess: true,
        },
        telehealth: { available: true },
      }),
    });
    configure({ backend: odd, allowedOrigins: [] });
    const el = await render('within-hours="1"');
    await ready(el, () => text(part(el, 'on-call')).includes('ask the front desk'));
    expect(part(el, 'on-call')!.querySelector('[href^="tel:"]')).to.equal(null);
    const client = (el as unknown as { slots: { client: { logCrisisEvent: () => Promise<never> } } }).slots
      .client;
    client.logCrisisEvent = () => Promise.reject(new Error('storage full'));
    const failed = oneEvent(el, 'iop-error');
    button(part(el, 'on-call')!, /Request a call back/).click();
    expect(((await failed).detail as IopErrorDetail).operation).to.equal('callback-request');
    await ready(el, () => live(el) === 'Nothing was changed. Please try again.');
    expect(button(part(el, 'on-call')!, /Request a call back/)).to.not.equal(undefined);
  });

  it('reports an invalid time zone and uses the browser’s', async () => {
    const errors: IopErrorDetail[] = [];
    const wrapper = document.createElement('div');
    wrapper.addEventListener('iop-error', (e) => errors.push((e as CustomEvent<IopErrorDetail>).detail));
    const el = document.createElement('iop-follow-up-scheduler');
    el.setAttribute('timezone', 'Mars/Olympus');
    wrapper.append(el);
    document.body.append(wrapper);
    try {
      await ready(el);
      expect(errors[0]!.operation).to.equal('timezone');
      expect((errors[0]!.error as { code: string }).code).to.equal('config');
      expect((errors[0]!.error as Error).message).to.contain('IANA time zone');
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const first = (el as unknown as { grouped: { key: string }[] }).grouped[0]!.key;
      expect(first).to.match(/^\d{4}-\d\d-\d\d$/);
      expect(zone).to.be.a('string');
    } finally {
      wrapper.remove();
    }
  });

  it('a long day (a large program) shows its first 24 times, and all of them on request', async () => {
    const therapist = CARE_TEAM.alexTherapist as CareTeamMember;
    const now = new Date('2026-12-01T12:00:00Z');
    const many: Slot[] = Array.from({ length: 30 }, (_, i) => {
      const start = Date.parse('2026-12-02T14:00:00Z') + i * 10 * 60e3;
      return {
        id: `many-${i}`,
        start: new Date(start).toISOString(),
        end: new Date(start + 1800e3).toISOString(),
        clinician: therapist,
        kind: 'individual',
        modality: 'telehealth',
      };
    });
    configure({ backend: Object.assign(createMemoryBackend({ now }), { listSlots: async () => many }) });
    const el = await render('kind="individual" timezone="UTC"', 'en', now);
    await ready(el);
    expect(options(el)).to.have.length(24);
    options(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(options(el)[23]);
    const more = button(root(el), /Show all 30 times on this day/);
    more.click();
    await el.updateComplete;
    expect(options(el)).to.have.length(30);
    expect(button(root(el), /Show all/)).to.equal(undefined);
    options(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(options(el)[29]);
    await expect(el).to.be.accessible();
  });

  it('shows the new times after a reload that keeps the same number of times on the day', async () => {
    const therapist = CARE_TEAM.alexTherapist as CareTeamMember;
    const now = new Date('2026-12-01T12:00:00Z');
    const at = (hour: number): Slot => ({
      id: `s-${hour}`,
      start: `2026-12-02T${hour}:00:00.000Z`,
      end: `2026-12-02T${hour}:30:00.000Z`,
      clinician: therapist,
      kind: 'individual',
      modality: 'telehealth',
    });
    let list = [at(14), at(15)];
    configure({ backend: Object.assign(createMemoryBackend({ now }), { listSlots: async () => list }) });
    const el = await render('kind="individual" timezone="UTC"', 'en', now);
    await ready(el);
    expect(options(el).map((o) => text(o.querySelector('b')))).to.deep.equal(['2:00 PM', '3:00 PM']);
    list = [at(16), at(17)];
    (el as unknown as { reload(): void }).reload();
    await ready(el, () => text(options(el)[0]!.querySelector('b')) === '4:00 PM');
    expect(options(el).map((o) => text(o.querySelector('b')))).to.deep.equal(['4:00 PM', '5:00 PM']);
  });

  describe('daylight-saving changes', () => {
    const therapist = CARE_TEAM.alexTherapist as CareTeamMember;
    const slotAt = (start: string): Slot => ({
      id: `s-${start}`,
      start,
      end: new Date(Date.parse(start) + 1800e3).toISOString(),
      clinician: therapist,
      kind: 'individual',
      modality: 'telehealth',
    });
    const table: [string, string, string[], string[], string[]][] = [
      [
        'America/New_York',
        '2026-03-06T12:00:00Z',
        ['2026-03-07T23:00:00Z', '2026-03-08T15:00:00Z'],
        ['Saturday, March 7 Eastern Standard Time', 'Sunday, March 8 Eastern Daylight Time'],
        ['6:00 PM', '11:00 AM'],
      ],
      [
        'America/New_York',
        '2026-10-30T12:00:00Z',
        ['2026-10-31T15:00:00Z', '2026-11-01T15:00:00Z'],
        ['Saturday, October 31 Eastern Daylight Time', 'Sunday, November 1 Eastern Standard Time'],
        ['11:00 AM', '10:00 AM'],
      ],
      [
        'Europe/Berlin',
        '2026-03-27T12:00:00Z',
        ['2026-03-28T15:00:00Z', '2026-03-29T15:00:00Z'],
        [
          'Saturday, March 28 Central European Standard Time',
          'Sunday, March 29 Central European Summer Time',
        ],
        ['4:00 PM', '5:00 PM'],
      ],
      [
        'Europe/Berlin',
        '2026-10-23T12:00:00Z',
        ['2026-10-24T15:00:00Z', '2026-10-25T15:00:00Z'],
        [
          'Saturday, October 24 Central European Summer Time',
          'Sunday, October 25 Central European Standard Time',
        ],
        ['5:00 PM', '4:00 PM'],
      ],
    ];
    for (const [zone, now, starts, headings, times] of table) {
      it(`${zone} around ${starts[1]!.slice(0, 10)}`, async () => {
        const fixed = Object.assign(createMemoryBackend({ now: new Date(now) }), {
          listSlots: async () => starts.map(slotAt),
        });
        configure({ backend: fixed });
        const el = await render(`kind="individual" timezone="${zone}"`, 'en', new Date(now));
        await ready(el);
        // One day at a time: choose each day with times in the grid, read its heading and its time.
        const labels: string[] = [];
        const shown: string[] = [];
        for (const cell of dayCells(el).filter((c) => c.getAttribute('aria-disabled') !== 'true')) {
          cell.click();
          await el.updateComplete;
          labels.push(text(root(el).querySelector('.day')));
          shown.push(...options(el).map((o) => text(o.querySelector('b')).replace(/\s/g, ' ')));
        }
        expect(labels).to.deep.equal(headings);
        expect(shown).to.deep.equal(times);
      });
    }
  });

  describe('states', () => {
    it('loading: a skeleton that is busy and accessible', async () => {
      backend.simulate({ latencyMs: 60_000 });
      const el = await render();
      await el.updateComplete;
      const skeleton = root(el).querySelector('.skeleton')!;
      expect(skeleton.getAttribute('aria-busy')).to.equal('true');
      expect(text(skeleton)).to.equal('Loading open times…');
      await expect(el).to.be.accessible();
    });

    it('signed out', async () => {
      resetConfig();
      configure({ baseUrl: '/api/v1' });
      const el = await render();
      await ready(el, () => text(part(el, 'status')).includes('Please sign in'));
      expect(part(el, 'slots')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('offline without a cache, then stale from the cache', async () => {
      backend.simulate({ offline: true });
      const el = await render();
      await ready(el, () => text(part(el, 'status')).includes("We could not reach the clinic's server"));
      await expect(el).to.be.accessible();
      el.remove();
      backend.simulate();
      const first = await render();
      await ready(first);
      await whenCached(`follow-up-slots:${first.kind}:${first.days}`);
      first.remove();
      backend.simulate({ offline: true });
      const stale = await render();
      await ready(stale, () => options(stale).length > 0 && text(part(stale, 'status')).includes('saved'));
      await expect(stale).to.be.accessible();
    });

    it('error with a retry that recovers', async () => {
      backend.simulate({ failWith: { status: 500 }, only: ['listSlots'] });
      const el = await render();
      await ready(el, () => text(part(el, 'status')).includes('could not load'));
      await expect(el).to.be.accessible();
      backend.simulate();
      button(part(el, 'status')!, /Try again/).click();
      await ready(el);
    });

    it('no open times', async () => {
      configure({ backend: Object.assign(backend, { listSlots: async () => [] }) });
      const el = await render('kind="individual"');
      await ready(el, () => text(root(el)).includes('No open times right now.'));
      expect(part(el, 'on-call')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('speaks Spanish', async () => {
      const el = await render('kind="substance-use" timezone="America/Chicago"', 'es');
      await ready(el);
      expect(text(root(el).querySelector('h2'))).to.equal('Reserva una sesión con tu consejero');
      expect(text(options(el)[0])).to.contain('consejero de alcohol y drogas');
      expect(part(el, 'days')!.getAttribute('aria-label')).to.equal('Días con horas libres');
      expect(text(dayCells(el)[0]!.querySelector('.sr-only'))).to.match(
        /^\S+, \d+ de \S+: (\d+ horas? libres?|sin horas libres)$/,
      );
      await expect(el).to.be.accessible();
    });

    it('falls back to crisis-debrief for an unknown kind', async () => {
      const el = await render('kind="massage"');
      await ready(el);
      expect(text(root(el).querySelector('h2'))).to.equal('Book your check-in after a crisis');
    });
  });
});

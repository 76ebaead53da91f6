import * as v from 'valibot';
import { html, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { IopWidget } from '../../internal/iop-widget.js';
import { DataController, type IopErrorDetail } from '../../internal/data-controller.js';
import { fire } from '../../internal/widget-kit.js';
import { renderStatus } from '../../internal/status-view.js';
import { hostStyles, srOnly, widgetStyles } from '../../design/host.styles.js';
import { schedulerStyles } from './follow-up-scheduler.styles.js';
import { schedulerMessages, type SchedulerMessages } from './follow-up-scheduler.messages.js';
import {
  ROLE_FOR_KIND,
  groupSlots,
  hasSoonSlot,
  nextDayIndex,
  nextSlotPosition,
  pickerDays,
  type PickerDay,
  type SlotDay,
} from '../../core/slots.js';
import { toIcs } from '../../core/ics.js';
import { nameAndRole } from '../../core/roles.js';
import { dateFormat, formatDay, formatTime, isValidTimeZone, timeZoneName } from '../../core/format.js';
import { safeExternalUrl, telHref } from '../../core/links.js';
import { ConfigError, parseWith } from '../../core/errors.js';
import { randomId } from '../../core/random-id.js';
import {
  AppointmentListSchema,
  CrisisResourcesSchema,
  SlotListSchema,
  type Appointment,
  type CrisisResources,
  type Slot,
  type SlotKind,
} from '../../core/schemas.js';
import '../button/define.js';
import '../card/define.js';
import '../alert/define.js';

/** The messages that say what an action did. */
type NoteKey = keyof Pick<
  SchedulerMessages,
  'booked' | 'taken' | 'notBooked' | 'cancelled' | 'notChanged' | 'oldKept'
>;

/** The detail of `iop-slot-select`. */
export interface SlotSelectDetail {
  slot: Slot;
}

const DAY_MS = 864e5;
/** A long day shows this many times first, and a button for the rest. */
const SHOWN_TIMES = 24;
const OPTION = '[role=option][tabindex="0"]';
const DAY = '[part=days] td[tabindex="0"]';
const KEEP = '.confirm [data-keep]';
const CARD_BUTTON = '[part=appointment] iop-button';
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Books a follow-up session (by default the crisis debrief within 24 hours) in the patient's time zone:
 * one day at a time (a date grid of the days with open times, then that day's times in a listbox; for a crisis
 * debrief the soonest time is offered first), one confirm step, booking with an Idempotency-Key (never queued),
 * then the appointment with its join link, an .ics file, cancel and reschedule.
 *
 * @summary Book, see, cancel and reschedule follow-up sessions.
 * @tag iop-follow-up-scheduler
 *
 * @csspart status - The shared status line (freshness, offline, error with retry, signed out).
 * @csspart soonest - The crisis debrief's soonest time, offered first.
 * @csspart days - The day picker (a date grid).
 * @csspart slots - The listbox of the chosen day's open times.
 * @csspart slot - One open time (an option).
 * @csspart confirm - The confirm step (booking, cancelling).
 * @csspart appointment - A booked session (an `iop-card`).
 * @csspart on-call - The crisis-debrief fallback: on-call line and call-back request.
 *
 * @cssprop --iop-color-accent - The selected time.
 *
 * @fires {CustomEvent<SlotSelectDetail>} iop-slot-select - A time was chosen (before the confirm step).
 * @fires {CustomEvent<Appointment>} iop-booked - A session was booked; the detail is the appointment.
 * @fires {CustomEvent<Appointment>} iop-cancelled - A session was cancelled; the detail is the appointment.
 * @fires {CustomEvent<IopErrorDetail>} iop-error - Loading, booking or cancelling failed, or an attribute is wrong.
 */
export class IopFollowUpScheduler extends IopWidget {
  static override styles: CSSResultGroup = [hostStyles, widgetStyles, srOnly, schedulerStyles];
  static override properties: PropertyDeclarations = {
    kind: { reflect: true },
    withinHours: { attribute: 'within-hours', type: Number },
    timezone: {},
    days: { type: Number },
    selected: { state: true },
    day: { state: true },
    dayFocus: { state: true },
    expanded: { state: true },
    asking: { state: true },
    busy: { state: true },
    note: { state: true },
    moving: { state: true },
    onCall: { state: true },
    calledBack: { state: true },
  };

  /** `crisis-debrief` (default), `couples`, `individual` or `substance-use`. */
  kind: SlotKind = 'crisis-debrief';
  /** Crisis debrief: slots starting within this many hours come first and are marked (default 24). */
  withinHours = 24;
  /** IANA time zone the times are shown in (default: the browser's). */
  timezone?: string;
  /** How many days of open times to show (default 14). */
  days = 14;
  /**
   * The clock.
   * @ignore For tests and stories.
   */
  now: () => Date = () => new Date();

  private selected?: Slot;
  /** The day whose times are shown (a SlotDay key); the first day with times when unset or gone. */
  private day?: string;
  /** The day that has focus in the day grid (may have no times). */
  private dayFocus?: string;
  /**
   * The time that has focus in the day's listbox. Not reactive: a move within the day changes two tabindex
   * values and focus, with no render (a day of a large program has 170 times).
   */
  private focusIndex = 0;
  /** The day whose every time is shown (otherwise a long day shows its first SHOWN_TIMES). */
  private expanded?: string;
  /** The last rendered options of the shown day, reused while nothing they show changed. */
  private optionsMemo?: { key: string; day: SlotDay; options: unknown };
  private memo?: { key: string; value?: Slot[]; days: SlotDay[] };
  /** The id of the appointment whose cancellation is being confirmed. */
  private asking?: string;
  private busy = false;
  /** What the last action did: a message key, so the words follow a later change of language. */
  private note?: { key: NoteKey; variant: 'success' | 'warning' | 'danger' };
  /** The appointment being rescheduled. */
  private moving?: Appointment;
  private onCall?: CrisisResources['onCall'];
  private calledBack = false;
  private zone = browserZone();
  /** One Idempotency-Key per chosen slot, reused for every retry of that booking. */
  private keys = new Map<string, string>();
  private booked: Appointment[] = [];
  private gone = new Set<string>();
  private unwatch?: () => void;

  private slots = new DataController<Slot[]>(
    this,
    () => this.settings,
    () => {
      const kind = this.shownKind;
      const from = this.now();
      return {
        key: `follow-up-slots:${kind}:${this.days}`,
        fetch: (b) =>
          b.listSlots({
            kind,
            from: from.toISOString(),
            to: new Date(+from + this.days * DAY_MS).toISOString(),
          }),
        parse: (v) => parseWith(SlotListSchema, v, 'cached slots'),
      };
    },
  );

  private appointments = new DataController<Appointment[]>(
    this,
    () => this.settings,
    () => ({
      key: 'follow-ups',
      fetch: (b) => b.listAppointments(),
      parse: (v) => parseWith(AppointmentListSchema, v, 'cached appointments'),
    }),
  );

  private get t() {
    return schedulerMessages[this.resolvedLocale];
  }

  private get shownKind(): SlotKind {
    return this.kind in ROLE_FOR_KIND ? this.kind : 'crisis-debrief';
  }

  /** The open times by day, computed again only when the list, the settings or the minute change. */
  private get grouped(): SlotDay[] {
    const value = this.slots.state.value;
    const now = this.now();
    const key = [this.shownKind, this.zone, this.withinHours, Math.floor(+now / 6e4)].join();
    let memo = this.memo;
    if (memo?.value !== value || memo?.key !== key) {
      const days = groupSlots(value ?? [], {
        kind: this.shownKind,
        timeZone: this.zone,
        now,
        withinHours: this.withinHours,
      });
      this.memo = memo = { key, value, days };
    }
    return memo.days;
  }

  /** Index (into `grouped`) of the day whose times are shown. */
  private shownDay(days: SlotDay[]): number {
    return Math.max(
      0,
      days.findIndex((d) => d.key === this.day),
    );
  }

  /** Upcoming booked sessions of this kind: the server's list, with what was just booked or cancelled here. */
  private get upcoming(): Appointment[] {
    const now = +this.now();
    const all = new Map([...(this.appointments.state.value ?? []), ...this.booked].map((a) => [a.id, a]));
    return (
      [...all.values()]
        .filter(
          (a) =>
            a.status === 'booked' &&
            a.kind === this.shownKind &&
            Date.parse(a.end) > now &&
            !this.gone.has(a.id),
        )
        // By start time, so a reload that returns them in another order does not move focus to another card.
        .sort((a, b) => a.start.localeCompare(b.start))
    );
  }

  protected override onSettingsChanged(): void {
    this.unwatch?.();
    this.unwatch = this.onCall = undefined;
    this.slots.restart();
    this.appointments.restart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('timezone')) {
      const valid = !this.timezone || isValidTimeZone(this.timezone);
      this.zone = valid ? this.timezone || browserZone() : browserZone();
      if (!valid) this.fail(new ConfigError('timezone', 'an IANA time zone'), 'timezone');
    }
    if (changed.has('kind') || changed.has('days')) this.slots.keyChanged();
  }

  protected override updated(): void {
    // The crisis-debrief fallback needs the on-call line: read it (cached, shared with the crisis button).
    if (this.needsOnCall && !this.unwatch) {
      const client = this.slots.client;
      this.unwatch = client
        ?.read('crisis-resources', (b) => b.getCrisisResources(), {
          parseCached: (value) => v.parse(CrisisResourcesSchema, value),
        })
        .subscribe((s) => (this.onCall = s.value?.onCall));
    }
  }

  private get needsOnCall(): boolean {
    return (
      this.shownKind === 'crisis-debrief' &&
      this.slots.state.value !== undefined &&
      !hasSoonSlot(this.grouped)
    );
  }

  private fail(error: unknown, operation: string): void {
    fire(this, 'iop-error', { error, operation } satisfies IopErrorDetail);
  }

  private reload(): void {
    void this.slots.reload();
    void this.appointments.reload();
  }

  private say(key: NoteKey, variant: 'success' | 'warning' | 'danger' = 'success'): void {
    this.note = { key, variant };
  }

  private when(iso: string): string {
    const at = new Date(iso);
    return `${formatDay(at, this.resolvedLocale, this.zone)}, ${formatTime(at, this.resolvedLocale, this.zone)} ${timeZoneName(at, this.resolvedLocale, this.zone)}`;
  }

  private who(slot: Pick<Slot, 'clinician'>): string {
    return nameAndRole(slot.clinician, this.resolvedLocale);
  }

  private select(slot: Slot, index: number, day: string): void {
    this.selected = slot;
    this.day = this.dayFocus = day;
    this.focusIndex = index;
    this.note = undefined;
    fire(this, 'iop-slot-select', { slot } satisfies SlotSelectDetail);
  }

  /** How many of a day's times are on screen. */
  private shownTimes(day: SlotDay): number {
    return this.expanded === day.key ? day.slots.length : Math.min(day.slots.length, SHOWN_TIMES);
  }

  private onKey(event: KeyboardEvent): void {
    const days = this.grouped;
    const day = this.shownDay(days);
    // Within what is on screen of this day; PageUp/PageDown to other days.
    const view = days.map((d, i) => (i === day ? { ...d, slots: d.slots.slice(0, this.shownTimes(d)) } : d));
    const next = nextSlotPosition(view, { day, index: this.focusIndex }, event.key);
    if (!next) return;
    event.preventDefault();
    this.focusIndex = next.index;
    if (next.day === day) {
      const options = this.renderRoot.querySelectorAll<HTMLElement>('[role=option]');
      options.forEach((option, i) => (option.tabIndex = i === next.index ? 0 : -1));
      options[next.index]?.focus();
      return;
    }
    this.day = this.dayFocus = days[next.day]!.key;
    void this.focusLater(OPTION);
  }

  /** Shows a day's times (a day without times cannot be chosen). */
  private pickDay(day: PickerDay): void {
    this.dayFocus = day.key;
    if (!day.count) return;
    this.day = day.key;
    this.focusIndex = 0;
  }

  private onDayKey(event: KeyboardEvent, cells: PickerDay[], at: number): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.pickDay(cells[at]!);
      return;
    }
    const next = nextDayIndex(at, cells.length, event.key);
    if (next === undefined) return;
    event.preventDefault();
    this.dayFocus = cells[next]!.key;
    void this.focusLater(DAY);
  }

  /** Moves focus after the next render. */
  private async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async book(): Promise<void> {
    const slot = this.selected;
    const client = this.slots.client;
    if (!slot || !client || this.busy) return;
    const key = this.keys.get(slot.id) ?? randomId();
    this.keys.set(slot.id, key);
    this.busy = true;
    this.note = undefined;
    try {
      const kind = this.shownKind;
      const appointment = await client.backend.book(
        { slotId: slot.id, kind, includePartner: kind === 'couples' },
        key,
      );
      const old = this.moving;
      this.keys.delete(slot.id);
      this.selected = this.moving = undefined;
      this.booked = [...this.booked, appointment];
      this.say('booked');
      fire(this, 'iop-booked', appointment);
      if (old) await this.cancel(old, true);
      this.reload();
      await this.focusLater(this.asking ? KEEP : CARD_BUTTON);
    } catch (error) {
      this.fail(error, 'book');
      if ((error as { status?: number }).status === 409) {
        this.keys.delete(slot.id);
        this.selected = undefined;
        this.say('taken', 'warning');
        await this.slots.reload();
        await this.focusLater(OPTION);
      } else this.say('notBooked', 'danger');
    } finally {
      this.busy = false;
    }
  }

  /**
   * Cancels a session. `moved`: the old session of a reschedule, after the new one was booked; if that
   * cancel fails, the new time stays booked, so it says so and asks whether to cancel the old one now.
   */
  private async cancel(appointment: Appointment, moved = false): Promise<void> {
    try {
      await this.slots.client!.backend.cancel(appointment.id);
      this.gone.add(appointment.id);
      this.asking = undefined;
      if (!moved) this.say('cancelled');
      fire(this, 'iop-cancelled', appointment);
      this.reload();
    } catch (error) {
      this.fail(error, 'cancel');
      this.say(moved ? 'oldKept' : 'notChanged', moved ? 'warning' : 'danger');
      if (moved) this.asking = appointment.id;
    }
  }

  private async askCancel(id?: string): Promise<void> {
    this.asking = id;
    this.note = undefined;
    await this.focusLater(id ? KEEP : CARD_BUTTON);
  }

  private async requestCallback(): Promise<void> {
    try {
      await this.slots.client!.logCrisisEvent({
        id: randomId(),
        type: 'crisis-action',
        at: this.now().toISOString(),
        action: 'callback-request',
        target: 'follow-up',
      });
      this.calledBack = true;
    } catch (error) {
      this.fail(error, 'callback-request');
      this.say('notChanged', 'danger');
    }
  }

  /** Downloads the appointment as an .ics file through a Blob URL, revoked once the download started. */
  private download(a: Appointment): void {
    const url = safeExternalUrl(a.joinUrl, this.slots.client!.config.allowedOrigins);
    const text = toIcs({
      id: a.id,
      domain: location.hostname || 'iop-kit.invalid',
      start: new Date(a.start),
      end: new Date(a.end),
      stamp: this.now(),
      summary: `${this.t.heading[a.kind]}: ${a.clinician.name}`,
      description: this.who(a) + (url ? `\n${url}` : ''),
      url,
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
    link.download = 'follow-up.ics';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  private renderAppointment(a: Appointment) {
    const t = this.t;
    const join = safeExternalUrl(a.joinUrl, this.slots.client!.config.allowedOrigins);
    return html`<iop-card part="appointment" heading-level="3">
      <span slot="heading">${t.yours}</span>
      <p>${this.who(a)}</p>
      <p>${this.when(a.start)}</p>
      <p>${a.participants.map((p) => p.displayName).join(', ')}</p>
      ${
        this.asking === a.id
          ? html`<div class="confirm" part="confirm" role="group" aria-label=${t.cancelAsk}>
              <p>${t.cancelAsk}</p>
              <iop-button @click=${() => this.cancel(a)}>${t.cancelYes}</iop-button>
              <iop-button data-keep variant="secondary" @click=${() => this.askCancel()}
                >${t.keep}</iop-button
              >
            </div>`
          : nothing
      }
      <div slot="actions" class="row">
        ${join ? html`<iop-button href=${join} target="_blank">${t.join}</iop-button>` : nothing}
        <iop-button variant="secondary" @click=${() => this.download(a)}>${t.ics}</iop-button>
        <iop-button variant="secondary" @click=${() => ((this.moving = a), (this.note = undefined))}
          >${t.reschedule}</iop-button
        >
        <iop-button variant="quiet" @click=${() => this.askCancel(a.id)}>${t.cancel}</iop-button>
      </div>
    </iop-card>`;
  }

  private renderOnCall() {
    const t = this.t;
    const onCall = this.onCall;
    const href = telHref(onCall?.phone);
    return html`<div class="on-call" part="on-call">
      <p>${t.noSoon(this.withinHours)}</p>
      <div class="row">
        ${
          onCall
            ? href
              ? html`<iop-button variant="crisis" href=${href}>${t.callOnCall(onCall.phone)}</iop-button>`
              : html`<span>${onCall.phone}</span>`
            : nothing
        }
        ${
          this.calledBack
            ? html`<p role="status">${t.callbackDone}</p>`
            : html`<iop-button variant="secondary" @click=${this.requestCallback}>${t.callback}</iop-button>`
        }
      </div>
    </div>`;
  }

  /** For a crisis debrief: the soonest open time, offered before the day picker. */
  private renderSoonest(days: SlotDay[]) {
    const first = days[0]?.slots[0];
    if (this.shownKind !== 'crisis-debrief' || !first) return nothing;
    const at = new Date(first.slot.start);
    const key = days[0]!.key;
    const rel = pickerDays([], this.now(), 2, this.zone).findIndex((d) => d.key === key);
    const day =
      rel < 0
        ? formatDay(at, this.resolvedLocale, this.zone)
        : new Intl.RelativeTimeFormat(this.resolvedLocale, { numeric: 'auto' }).format(rel, 'day');
    return html`<iop-button part="soonest" class="soonest" @click=${() => this.select(first.slot, 0, key)}
      >${this.t.soonest(`${day} ${formatTime(at, this.resolvedLocale, this.zone)}`, first.slot.clinician.name)}</iop-button
    >`;
  }

  private renderDays(days: SlotDay[], shown: string) {
    const t = this.t;
    const cells = pickerDays(days, this.now(), this.days + 1, this.zone);
    const focusKey = cells.some((c) => c.key === this.dayFocus) ? this.dayFocus : shown;
    const weeks: PickerDay[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    const utc = (options: Intl.DateTimeFormatOptions) =>
      dateFormat(this.resolvedLocale, { ...options, timeZone: 'UTC' });
    const weekday = utc({ weekday: 'short' });
    const month = utc({ month: 'short' });
    return html`<table role="grid" part="days" aria-label=${t.days}>
      <thead>
        <tr>
          ${weeks[0]!.map((c) => html`<th scope="col">${weekday.format(c.date)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week, w) =>
            html`<tr>
              ${week.map((c, d) => {
                const at = w * 7 + d;
                return html`<td
                  tabindex=${c.key === focusKey ? 0 : -1}
                  aria-selected=${c.key === shown}
                  aria-disabled=${c.count ? nothing : 'true'}
                  @click=${() => this.pickDay(c)}
                  @keydown=${(e: KeyboardEvent) => this.onDayKey(e, cells, at)}
                >
                  <span aria-hidden="true">
                    ${at === 0 || c.date.getUTCDate() === 1 ? html`<small>${month.format(c.date)}</small>` : nothing}
                    <b>${c.date.getUTCDate()}</b>
                    ${c.count ? html`<small>${c.count}</small>` : nothing}
                  </span>
                  <span class="sr-only"
                    >${formatDay(c.date, this.resolvedLocale, 'UTC')}: ${t.openTimes(c.count)}</span
                  >
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderSlots(days: SlotDay[]) {
    const t = this.t;
    const day = days[this.shownDay(days)]!;
    const first = new Date(day.slots[0]!.slot.start);
    // A day whose every time is inside the debrief window says so once, in the listbox's label, not on each time.
    const allSoon = day.slots.every((s) => s.soon);
    return html`${this.renderSoonest(days)} ${this.renderDays(days, day.key)}
      <div id="day" class="day">
        ${formatDay(first, this.resolvedLocale, this.zone)}
        <span class="zone">${timeZoneName(first, this.resolvedLocale, this.zone)}</span>
        ${allSoon ? html`<span class="soon">${t.soon(this.withinHours)}</span>` : nothing}
      </div>
      <div role="listbox" part="slots" aria-labelledby="day" @keydown=${this.onKey}>
        ${this.renderTimes(day)}
      </div>
      ${
        this.shownTimes(day) < day.slots.length
          ? html`<iop-button variant="secondary" @click=${() => (this.expanded = day.key)}
              >${t.allTimes(day.slots.length)}</iop-button
            >`
          : nothing
      }`;
  }

  /** The day's options; the same templates again while the day, the choice and the words are the same. */
  private renderTimes(day: SlotDay) {
    const t = this.t;
    const count = this.shownTimes(day);
    const active = Math.min(this.focusIndex, count - 1);
    const key = [day.key, count, this.selected?.id, this.resolvedLocale, this.zone, this.withinHours].join();
    const allSoon = day.slots.every((s) => s.soon);
    // A new list (a reload) makes new SlotDay objects: the day itself is part of the key.
    if (this.optionsMemo?.key !== key || this.optionsMemo.day !== day) {
      this.optionsMemo = {
        key,
        day,
        options: day.slots.slice(0, count).map(
          ({ slot, soon }, i) =>
            html`<button
              role="option"
              part="slot"
              aria-selected=${this.selected?.id === slot.id}
              tabindex=${i === active ? 0 : -1}
              @click=${() => this.select(slot, i, day.key)}
            >
              <b>${formatTime(new Date(slot.start), this.resolvedLocale, this.zone)}</b>
              ${this.who(slot)}
              ${soon && !allSoon ? html`<span class="soon">${t.soon(this.withinHours)}</span>` : nothing}
            </button>`,
        ),
      };
    }
    return this.optionsMemo.options;
  }

  private renderConfirm(slot: Slot) {
    const t = this.t;
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="ask">
      <p id="ask"><b>${this.moving ? `${t.reschedule}: ` : ''}${t.bookAsk}</b></p>
      <p>${this.who(slot)}</p>
      <p>${this.when(slot.start)}</p>
      ${this.shownKind === 'couples' ? html`<p>${t.withPartner}</p>` : nothing}
      <div class="row">
        <iop-button ?loading=${this.busy} @click=${this.book}>${t.book}</iop-button>
        <iop-button variant="secondary" @click=${() => ((this.selected = undefined), this.focusLater(OPTION))}
          >${t.back}</iop-button
        >
      </div>
    </div>`;
  }

  override render() {
    const t = this.t;
    const state = this.slots.state;
    const days = this.grouped;
    const upcoming = this.upcoming;
    const picking = !upcoming.length || this.moving;
    const selected = this.selected;
    const live =
      (this.note && t[this.note.key]) ??
      (selected ? t.selected(this.when(selected.start), selected.clinician.name) : '');
    return html`<h2>${t.heading[this.shownKind]}</h2>
      ${renderStatus(state, {
        locale: this.resolvedLocale,
        onRetry: () => this.reload(),
      })}
      ${
        state.status === 'signed-out'
          ? nothing
          : html`
              ${upcoming.map((a) => this.renderAppointment(a))}
              ${this.note ? html`<iop-alert live="off" variant=${this.note.variant}>${t[this.note.key]}</iop-alert>` : nothing}
              ${
                !picking
                  ? nothing
                  : state.value === undefined
                    ? state.status === 'loading'
                      ? html`<div class="skeleton" aria-busy="true">
                          <p>${t.loading}</p>
                          <span></span><span></span><span></span>
                        </div>`
                      : nothing
                    : html`
                        ${this.moving ? html`<p>${t.moving}</p>` : nothing}
                        ${this.needsOnCall ? this.renderOnCall() : nothing}
                        ${days.length ? this.renderSlots(days) : html`<p>${t.empty}</p>`}
                        ${selected ? this.renderConfirm(selected) : nothing}
                      `
              }
            `
      }
      <p class="sr-only" role="status">${live}</p>`;
  }
}

import { booleanAttribute } from '../../internal/iop-element.js';
import { html, nothing, svg, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit';
import { IopWidget } from '../../internal/iop-widget.js';
import { hostStyles, srOnly, widgetStyles } from '../../design/host.styles.js';
import { DataController, type IopErrorDetail } from '../../internal/data-controller.js';
import { renderStatus } from '../../internal/status-view.js';
import { fire } from '../../internal/widget-kit.js';
import { checkInStyles } from './check-in.styles.js';
import { checkInMessages, type CheckInMessages } from './check-in.messages.js';
import { crisisMessages } from '../crisis-connect/crisis-connect.messages.js';
import { REGION_HELP, type BuiltInHotline } from '../../core/region-help.js';
import { pageLinkHref, smsHref, telHref } from '../../core/links.js';
import { matchLocale } from '../../core/locale.js';
import { randomId } from '../../core/random-id.js';
import { ConfigError, parseWith } from '../../core/errors.js';
import {
  CrisisResourcesSchema,
  SafetyPlanSchema,
  type CrisisResources,
  type Region,
} from '../../core/schemas.js';
import {
  CSSRS_SCREENER_RECENT,
  parseInstrument,
  type Instrument,
  type InstrumentItem,
  type RiskLevel,
} from '../../core/check-in/instrument.js';
import { askedItems, liveAnswers, triage } from '../../core/check-in/screener.js';
import { dateFormat } from '../../core/format.js';
import {
  CheckInHistorySchema,
  localCheckIns,
  submitCheckIn,
  type CheckIn,
  type CheckInHistory,
} from '../../core/check-in/check-in.js';
import type { IopClient } from '../../core/client.js';
import type { Outbox, RejectedDetail } from '../../core/storage/outbox.js';

/** The detail of `iop-check-in-submitted` and `iop-check-in-escalated`. */
export interface CheckInSubmittedDetail {
  /** The check-in's id (its idempotency key). */
  id: string;
  /** The triage the kit acted on: for the host page only, never shown to the person. */
  risk: RiskLevel;
}

/** What the check-in reads from the backend: the history (read schedule, partner) and the clinic's screener. */
interface CheckInContext {
  history: CheckInHistory;
  /** `null`: the backend supplies none, so the built-in C-SSRS Screener is used. */
  instrument: Instrument | null;
}

type Step = 'mood' | 'cravings' | 'plan' | 'note' | 'screen' | 'done';
type Delivery = 'saving' | 'sent' | 'pending' | 'failed';

const DAY_MS = 864e5;
const OUTBOX_EVENTS = ['delivered', 'rejected', 'retrying'];

/**
 * The between-session check-in: how I feel (0-10, words at both ends), cravings (0-10, with `cravings`), whether
 * I used my safety plan, an optional journal note, then the screener's safety questions one at a time with their
 * skip logic (the C-SSRS Screener by default, or the clinic's instrument from the backend, in its own wording and
 * language), then what happens next. Triage runs in the browser by the instrument's published rules and acts at
 * once, online or not: high risk opens the crisis help in place (911, 988, the region's lines, the on-call
 * clinician when known), logs a crisis event and asks for the 24-hour follow-up; moderate urges contact today
 * (on-call line, booking link); low shows the person's coping strategies and the crisis lines. No score or risk
 * label is ever shown. The check-in is saved through the outbox (never lost, sent when back online); the note
 * leaves the device only when shared with the care team, and the partner sees at most the day's mood.
 *
 * @summary The daily check-in with a validated safety screener that brings help at once.
 * @tag iop-check-in
 *
 * @csspart base - The wrapper.
 * @csspart title - "Daily check-in".
 * @csspart status - The offline, error or signed-out line.
 * @csspart step - The current question (a form).
 * @csspart option - Each answer (a label with its radio button).
 * @csspart next - The "Next" or "Send" button.
 * @csspart back - The "Back" button.
 * @csspart outcome - What happens next, after the check-in.
 * @csspart crisis - The crisis help shown in place.
 * @csspart schedule - When the care team reads check-ins.
 * @csspart history - The last 14 days: a small chart of my mood (and my partner's shared moods) and a table.
 *
 * @cssprop --iop-color-accent - Selected answers and the main button.
 * @cssprop --iop-color-crisis - The emergency call button.
 *
 * @fires {CustomEvent<CheckInSubmittedDetail>} iop-check-in-submitted - A check-in was finished and saved.
 * @fires {CustomEvent<CheckInSubmittedDetail>} iop-check-in-escalated - A high-risk screen: the crisis help is
 * shown, a crisis event logged and the 24-hour follow-up requested.
 * @fires {CustomEvent<IopErrorDetail>} iop-error - Loading failed, or the check-in could not be delivered.
 */
export class IopCheckIn extends IopWidget {
  static override styles: CSSResultGroup = [hostStyles, widgetStyles, srOnly, checkInStyles];
  static override properties: PropertyDeclarations = {
    cravings: { type: Boolean, converter: booleanAttribute },
    region: {},
    bookingUrl: { attribute: 'booking-url' },
    step: { state: true },
    screenAt: { state: true },
    mood: { state: true },
    craving: { state: true },
    usedPlan: { state: true },
    note: { state: true },
    shareNote: { state: true },
    shareMood: { state: true },
    answers: { state: true },
    missing: { state: true },
    outcome: { state: true },
    delivery: { state: true },
  };

  /** Ask about cravings (for substance-use programs). */
  cravings = false;
  /** `US` (default), `CA`, `GB` or `AU`: the emergency number and crisis lines shown. */
  region?: Region;
  /**
   * Where "Book a time to talk" goes (e.g. the page with `<iop-follow-up-scheduler>`, or `#book` on this page): a
   * URL, a path or a fragment; hidden when unset or anything else (`javascript:`).
   */
  bookingUrl?: string;

  private step: Step = 'mood';
  /** The screener item shown: an index into the items asked so far. */
  private screenAt = 0;
  private mood?: number;
  private craving?: number;
  private usedPlan?: boolean;
  private note = '';
  private shareNote = false;
  private shareMood = false;
  private answers: Record<string, string> = {};
  /** "Please choose an answer" is shown. */
  private missing = false;
  private outcome?: CheckInSubmittedDetail & { kept: boolean; at: string; mood: number };
  private delivery?: Delivery;
  /** The instrument in use once the safety questions start (a backend answer arriving later changes nothing). */
  private locked?: Instrument;
  private onCall?: CrisisResources['onCall'];
  private coping: string[] = [];
  /** The session ended while the crisis help was shown: it stays, but nothing of that person's is shown again. */
  private orphaned = false;
  /** The check-ins this device keeps (also those still waiting to be sent), for the 14 days. */
  private local: CheckIn[] = [];
  private extrasClient?: IopClient;
  private stopExtras: (() => void)[] = [];
  private outbox?: Outbox;

  private readonly data = new DataController<CheckInContext>(
    this,
    () => this.settings,
    () => ({
      key: 'check-ins',
      fetch: async (backend) => {
        if (!backend.getCheckIns) throw new ConfigError('backend', 'a Backend with getCheckIns');
        const since = new Date(Date.now() - 14 * DAY_MS).toISOString();
        const [history, instrument] = await Promise.all([
          backend.getCheckIns(since),
          backend.getCheckInInstrument?.(),
        ]);
        return { history, instrument: instrument ?? null };
      },
      parse: (value) => {
        const v = value as CheckInContext;
        return {
          history: parseWith(CheckInHistorySchema, v.history, 'cached check-ins'),
          instrument: v.instrument ? parseInstrument(v.instrument, 'cached instrument') : null,
        };
      },
    }),
    (state) => {
      // Signed out (or the session ended): what was typed so far belongs to that person, not the next one.
      if (state.status === 'signed-out') this.startOver();
      this.watchExtras();
    },
  );

  /**
   * Back to the first question with nothing answered. Except the crisis help after a high-risk answer: it stays on
   * screen (a session that ends now must not take 911 and 988 away), without anything personal beside it.
   */
  private startOver(): void {
    this.coping = this.local = [];
    this.onCall = undefined;
    if (this.crisisShown) {
      // The help stays; the history beside it belonged to the session that ended.
      this.orphaned = true;
      return;
    }
    this.step = 'mood';
    this.screenAt = 0;
    this.mood = this.craving = this.usedPlan = this.outcome = this.delivery = this.locked = undefined;
    this.note = '';
    this.shareNote = this.shareMood = this.missing = false;
    this.answers = {};
  }

  /** The crisis help is on screen (a high-risk answer was given). */
  private get crisisShown(): boolean {
    return this.step === 'done' && this.outcome?.risk === 'high';
  }

  private get t(): CheckInMessages {
    return checkInMessages[this.resolvedLocale];
  }

  private get shownRegion(): Region {
    const wanted = this.region ?? this.settings.region ?? 'US';
    return Object.hasOwn(REGION_HELP, wanted) ? wanted : 'US';
  }

  /** The screener: the clinic's from the backend, else the built-in C-SSRS Screener. */
  get instrument(): Instrument {
    return this.locked ?? this.data.state.value?.instrument ?? CSSRS_SCREENER_RECENT;
  }

  private get client(): IopClient | undefined {
    try {
      return this.data.client;
    } catch {
      return undefined;
    }
  }

  protected override firstUpdated(): void {
    // Clicks (and Enter on a link, which clicks it) on the outcome's call, text and chat links.
    this.renderRoot.addEventListener('click', this.onOutcomeClick);
  }

  protected override onSettingsChanged(): void {
    this.data.restart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchExtras();
    this.watchOutbox(undefined);
  }

  /**
   * The on-call clinician and the safety plan's coping strategies, from the cache at once (offline too) and
   * refreshed: what the outcome shows, ready before the person needs it.
   */
  private watchExtras(): void {
    const client = this.client;
    this.watchOutbox(client?.outbox);
    if (client === this.extrasClient) return;
    this.unwatchExtras();
    this.extrasClient = client;
    if (!client) return;
    const crisis = client.read('crisis-resources', (b) => b.getCrisisResources(), {
      parseCached: (v) => parseWith(CrisisResourcesSchema, v, 'cached crisis resources'),
    });
    const plan = client.read('safety-plan:me', (b) => b.getSafetyPlan('me'), {
      parseCached: (v) => parseWith(SafetyPlanSchema, v, 'cached safety plan'),
    });
    void localCheckIns(client).then((kept) => {
      if (client === this.extrasClient) this.local = kept;
      this.requestUpdate();
    });
    this.stopExtras = [
      crisis.subscribe((s) => {
        this.onCall = s.value?.onCall;
        this.requestUpdate();
      }),
      plan.subscribe((s) => {
        this.coping = s.value?.copingStrategies ?? [];
        this.requestUpdate();
      }),
    ];
  }

  private unwatchExtras(): void {
    for (const stop of this.stopExtras.splice(0)) stop();
    this.extrasClient = undefined;
  }

  /** Follows the outbox, to say whether the check-in was sent or waits for the network. */
  private watchOutbox(outbox: Outbox | undefined): void {
    if (outbox === this.outbox) return;
    for (const type of OUTBOX_EVENTS) {
      this.outbox?.removeEventListener(type, this.onOutbox);
      outbox?.addEventListener(type, this.onOutbox);
    }
    this.outbox = outbox;
  }

  private readonly onOutbox = (event: Event): void => {
    const { entry, error } = (event as CustomEvent<RejectedDetail>).detail;
    if (entry.idempotencyKey !== this.outcome?.id) return;
    if (event.type === 'delivered') this.delivery = 'sent';
    else if (event.type === 'retrying') this.delivery = 'pending';
    else this.failed(error);
  };

  private failed(error: unknown): void {
    this.delivery = 'failed';
    fire(this, 'iop-error', { error, operation: 'submit check-in' } satisfies IopErrorDetail);
  }

  /** The steps before the safety questions. */
  private get intro(): Step[] {
    return ['mood', ...(this.cravings ? (['cravings'] as const) : []), 'plan', 'note'];
  }

  private get asked(): InstrumentItem[] {
    return askedItems(this.instrument, this.answers);
  }

  private get item(): InstrumentItem | undefined {
    return this.step === 'screen' ? this.asked[this.screenAt] : undefined;
  }

  /** Whether the current step has its answer (the note step needs none). */
  private get answered(): boolean {
    switch (this.step) {
      case 'mood':
        return this.mood !== undefined;
      case 'cravings':
        return this.craving !== undefined;
      case 'plan':
        return this.usedPlan !== undefined;
      case 'screen':
        return this.answers[this.item!.linkId] !== undefined;
      default:
        return true;
    }
  }

  private readonly onNext = (event: Event): void => {
    event.preventDefault();
    if (!this.answered) {
      this.missing = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input')?.focus());
      return;
    }
    this.missing = false;
    if (this.step !== 'screen') {
      const intro = this.intro;
      const next = intro[intro.indexOf(this.step) + 1];
      if (next) this.go(next);
      else {
        // The safety questions start: the instrument they are asked from stays the same to the end.
        this.locked = this.instrument;
        this.screenAt = 0;
        this.go('screen');
      }
      return;
    }
    // Triage at once, on the answers so far: a high-risk answer brings help now, without more questions.
    const risk = triage(this.instrument, this.answers);
    if (risk !== 'high' && this.asked[this.screenAt + 1]) {
      this.screenAt++;
      this.go('screen');
    } else this.finish(risk);
  };

  private readonly onBack = (): void => {
    this.missing = false;
    if (this.step === 'screen' && this.screenAt > 0) {
      this.screenAt--;
      this.go('screen');
      return;
    }
    const intro = this.intro;
    this.go(this.step === 'screen' ? intro[intro.length - 1]! : intro[intro.indexOf(this.step) - 1]!);
  };

  /** Shows a step and moves focus to its question, so a screen reader says it. */
  private go(step: Step): void {
    this.step = step;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus());
  }

  /**
   * The check-in is done: what happens next is on screen in this update (the crisis help, for high risk, in the
   * same frame as the answer), then it is saved. Saving never holds up the help.
   */
  private finish(risk: RiskLevel): void {
    const id = randomId();
    const at = new Date().toISOString();
    const note = this.note.trim();
    this.outcome = { id, risk, kept: !!note && !this.shareNote, at, mood: this.mood! };
    this.delivery = 'saving';
    this.go('done');
    const client = this.client;
    if (risk === 'high') {
      fire(this, 'iop-check-in-escalated', { id, risk });
      // The care team's log, and its work item: the debrief within 24 hours (ids from the check-in: once each).
      client
        ?.logCrisisEvent({ id: `${id}-open`, type: 'crisis-open', at, action: 'check-in' })
        .catch(() => {});
      client
        ?.logCrisisEvent({
          id: `${id}-follow-up`,
          type: 'crisis-action',
          at,
          action: 'request-follow-up',
          target: 'crisis-debrief-24h',
        })
        .catch(() => {});
    }
    if (!client) {
      this.failed(new ConfigError('backend', 'a signed-in session'));
      return;
    }
    const instrument = this.instrument;
    void submitCheckIn(client, {
      id,
      at,
      mood: this.mood!,
      ...(this.cravings && this.craving !== undefined ? { cravings: this.craving } : {}),
      usedPlan: this.usedPlan!,
      ...(note ? { note } : {}),
      shareNote: this.shareNote,
      shareMoodWithPartner: this.shareMood,
      instrument: { url: instrument.url, version: instrument.version },
      answers: liveAnswers(instrument, this.answers),
      risk,
    }).then(
      (entry) => {
        fire(this, 'iop-check-in-submitted', { id, risk });
        if (this.delivery === 'saving' && (entry.attempts || navigator.onLine === false))
          this.delivery = 'pending';
      },
      (error: unknown) => this.failed(error),
    );
  }

  // ------------------------------------------------------------------------------------------------------
  // Rendering

  /** One answer: a large target with its native radio button (arrow keys move between them). */
  private option(
    name: string,
    value: string,
    label: unknown,
    checked: boolean,
    pick: () => void,
    lang?: string,
  ) {
    return html`<label part="option" class="opt">
      <input type="radio" name=${name} .value=${value} .checked=${checked} @change=${pick} />
      <span lang=${lang ?? nothing}>${label}</span>
    </label>`;
  }

  /** A 0-10 scale with words at both ends. */
  private scale(name: 'mood' | 'cravings', legend: string, low: string, high: string) {
    const value = name === 'mood' ? this.mood : this.craving;
    return html`<fieldset aria-labelledby="q" aria-describedby="${name}-ends">
      ${question(legend)}
      <div class="scale">
        ${Array.from({ length: 11 }, (_, n) =>
          this.option(name, String(n), n, value === n, () => {
            if (name === 'mood') this.mood = n;
            else this.craving = n;
          }),
        )}
      </div>
      <p id="${name}-ends" class="ends"><span>${low}</span><span>${high}</span></p>
    </fieldset>`;
  }

  private check(label: string, checked: boolean, set: (on: boolean) => void, describedBy?: string) {
    return html`<label class="check">
      <input
        type="checkbox"
        .checked=${checked}
        aria-describedby=${describedBy ?? nothing}
        @change=${(e: Event) => set((e.target as HTMLInputElement).checked)}
      />
      <span>${label}</span>
    </label>`;
  }

  private renderStep(): TemplateResult {
    const t = this.t;
    const partner = this.data.state.value?.history.partner;
    let body: TemplateResult;
    let last = false;
    switch (this.step) {
      case 'mood':
        body = html`${this.scale('mood', t.mood, t.moodLow, t.moodHigh)}
        ${partner ? this.check(t.shareMood(partner.displayName), this.shareMood, (on) => (this.shareMood = on)) : nothing}`;
        break;
      case 'cravings':
        body = this.scale('cravings', t.cravings, t.cravingsLow, t.cravingsHigh);
        break;
      case 'plan':
        body = html`<fieldset aria-labelledby="q">
          ${question(t.plan)}
          <div class="choices">
            ${[true, false].map((yes) =>
              this.option(
                'plan',
                String(yes),
                yes ? t.yes : t.no,
                this.usedPlan === yes,
                () => (this.usedPlan = yes),
              ),
            )}
          </div>
        </fieldset>`;
        break;
      case 'note':
        body = html`${question(t.note)}
          <textarea
            aria-labelledby="q"
            maxlength="2000"
            rows="4"
            .value=${this.note}
            @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${this.check(t.shareNote, this.shareNote, (on) => (this.shareNote = on), 'note-private')}
          <p id="note-private" class="muted">${t.notePrivate}</p>`;
        break;
      default: {
        const item = this.item!;
        const instrument = this.instrument;
        const lang = instrument.language;
        const other = matchLocale(lang) !== this.resolvedLocale;
        last = !this.asked[this.screenAt + 1];
        body = html`<p class="muted">${t.safety}. ${t.safetyIntro}</p>
          ${other ? html`<p class="lang-note">${t.otherLanguage(languageName(lang, this.resolvedLocale))}</p>` : nothing}
          <fieldset aria-labelledby="q">
            ${question(
              html`${item.period ? html`<span class="period">${t.periods[item.period]}</span>` : nothing}
                <span lang=${lang}>${item.text}</span>`,
            )}
            ${item.help ? html`<p class="muted" lang=${lang}>${item.help}</p>` : nothing}
            <div class="choices">
              ${item.answerOption.map((o) =>
                this.option(
                  `q-${item.linkId}`,
                  o.code,
                  o.display,
                  this.answers[item.linkId] === o.code,
                  () => (this.answers = { ...this.answers, [item.linkId]: o.code }),
                  lang,
                ),
              )}
            </div>
          </fieldset>`;
      }
    }
    return html`<form part="step" novalidate @submit=${this.onNext}>
      ${body} ${this.missing ? html`<p class="err" role="alert">${t.choose}</p>` : nothing}
      <div class="nav">
        <button part="next" class="btn primary" type="submit">${last ? t.send : t.next}</button>
        ${this.step === 'mood' ? nothing : html`<button part="back" class="btn" type="button" @click=${this.onBack}>${t.back}</button>`}
      </div>
    </form>`;
  }

  private call(phone: string, label: string, action: string, kind: 'crisis' | 'primary' | '' = '') {
    const href = telHref(phone);
    return href
      ? html`<a class="btn ${kind}" href=${href} data-action=${action} data-target=${phone}>${label}</a>`
      : html`<span>${label}: ${phone}</span>`;
  }

  /** A call, text or chat link of the outcome was used: the care team's crisis log says so (like the dialog's). */
  private readonly onOutcomeClick = (event: Event): void => {
    const link = (event.target as Element).closest?.('[data-action]');
    if (!link) return;
    this.client
      ?.logCrisisEvent({
        id: randomId(),
        type: 'crisis-action',
        at: new Date().toISOString(),
        action: link.getAttribute('data-action')!,
        target: link.getAttribute('data-target')!,
      })
      .catch(() => {});
  };

  /** The region's crisis lines: the crisis dialog's content (region-help.ts) in its words. */
  private renderLines(): TemplateResult {
    const words = crisisMessages[this.resolvedLocale];
    const locale = this.resolvedLocale;
    const line = (h: BuiltInHotline) => {
      const sms = h.sms && smsHref(h.sms.number, h.sms.body);
      return html`<li>
        <p>${h.name[locale]}</p>
        ${h.description ? html`<p class="muted">${h.description[locale]}</p>` : nothing}
        <div class="actions">
          ${h.phone ? this.call(h.phone, words.call(h.phone), 'call-hotline') : nothing}
          ${sms ? html`<a class="btn" href=${sms} data-action="text-hotline" data-target=${h.id}>${words.text(h.sms!.number, h.sms!.body)}</a>` : nothing}
          ${h.chatUrl ? html`<a class="btn" href=${h.chatUrl} target="_blank" rel="noopener noreferrer" data-action="chat-hotline" data-target=${h.id}>${words.chatOnline}</a>` : nothing}
        </div>
      </li>`;
    };
    return html`<section aria-labelledby="lines-heading">
      <h3 id="lines-heading">${words.hotlinesHeading}</h3>
      <ul class="lines">
        ${REGION_HELP[this.shownRegion].hotlines.map(line)}
      </ul>
    </section>`;
  }

  private renderOnCall(kind: 'primary' | '' = 'primary') {
    const onCall = this.onCall;
    return onCall
      ? html`<p>${this.call(onCall.phone, this.t.onCall(onCall.clinician.name), 'call-on-call', kind)}</p>`
      : nothing;
  }

  private renderOutcome(): TemplateResult {
    const t = this.t;
    const { risk, kept } = this.outcome!;
    const words = crisisMessages[this.resolvedLocale];
    const emergency = REGION_HELP[this.shownRegion].emergency;
    let body: TemplateResult;
    if (risk === 'high') {
      body = html`<section part="crisis" class="crisis" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading" data-focus tabindex="-1">${words.heading}</h2>
        <p>${words.intro}</p>
        <p class="emergency">${words.emergency(emergency)}</p>
        <p>${this.call(emergency, words.call(emergency), 'call-emergency', 'crisis')}</p>
        ${this.renderOnCall()}
        <p>${this.delivery === 'pending' ? t.followUpPending : t.followUp}</p>
        ${this.renderLines()}
      </section>`;
    } else if (risk === 'moderate') {
      const booking = pageLinkHref(this.bookingUrl);
      body = html`<h2 id="outcome-heading" data-focus tabindex="-1">${t.moderate}</h2>
        <p>${t.moderateBody}</p>
        ${this.renderOnCall()}
        ${booking ? html`<p><a class="btn" href=${booking}>${t.book}</a></p>` : nothing} ${this.renderLines()}`;
    } else if (risk === 'low') {
      body = html`<h2 id="outcome-heading" data-focus tabindex="-1">${t.low}</h2>
        ${
          this.coping.length
            ? html`<p>${t.lowBody}</p>
                <ul class="coping">
                  ${this.coping.map((c) => html`<li>${c}</li>`)}
                </ul>`
            : nothing
        }
        ${this.renderLines()}`;
    } else body = html`<h2 id="outcome-heading" data-focus tabindex="-1">${t.none}</h2>`;
    return html`<div part="outcome" class="outcome">
      ${body}
      <p role="status" class="muted">${this.delivery ? t[this.delivery] : nothing}</p>
      ${kept ? html`<p class="muted">${t.noteKept}</p>` : nothing} ${this.renderHistory()}
    </div>`;
  }

  /**
   * The last 14 days: my mood (this check-in included) and my partner's shared moods, as a small chart drawn here
   * (SVG, hidden from screen readers) and the same numbers as a table they read.
   */
  private renderHistory(): TemplateResult | typeof nothing {
    const t = this.t;
    if (this.data.state.status === 'signed-out' || this.orphaned) return nothing;
    const history = this.data.state.value?.history;
    const partner = history?.partner;
    const today = new Date();
    today.setHours(12, 0, 0, 0);
    const days = Array.from({ length: 14 }, (_, i) => new Date(today.getTime() - (13 - i) * DAY_MS));
    const key = (d: Date) => d.toDateString();
    /** Each day's last mood. */
    const byDay = (list: { at: string; mood: number }[]) => {
      const map = new Map<string, number>();
      for (const c of [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)))
        map.set(key(new Date(c.at)), c.mood);
      return map;
    };
    // The server's, this device's (also what waits to be sent) and this one.
    const mine = byDay([
      ...(history?.checkIns ?? []),
      ...this.local,
      ...(this.outcome ? [this.outcome] : []),
    ]);
    const theirs = byDay(partner?.moods ?? []);
    if (mine.size + theirs.size < 2) return nothing;
    const x = (i: number) => 8 + i * 20;
    const y = (mood: number) => 96 - mood * 8.8;
    const line = (map: Map<string, number>, kind: string) => {
      const points = days.flatMap((d, i) => (map.has(key(d)) ? [`${x(i)},${y(map.get(key(d))!)}`] : []));
      return svg`<polyline class=${kind} points=${points.join(' ')}></polyline>
        ${points.map((p) => svg`<circle class=${kind} cx=${p.split(',')[0]} cy=${p.split(',')[1]} r="3"></circle>`)}`;
    };
    const day = dateFormat(this.resolvedLocale, { weekday: 'short', day: 'numeric' });
    const shown = days.filter((d) => mine.has(key(d)) || theirs.has(key(d)));
    return html`<section part="history" class="history" aria-labelledby="history-heading">
      <h3 id="history-heading">${t.history}</h3>
      <svg viewBox="0 0 276 104" aria-hidden="true" focusable="false">
        <line class="axis" x1="8" y1="96" x2="268" y2="96"></line>
        ${line(mine, 'mine')} ${partner ? line(theirs, 'theirs') : nothing}
      </svg>
      <p class="legend muted" aria-hidden="true">
        <span class="key mine"></span>${t.me}
        ${partner ? html`<span class="key theirs"></span>${partner.displayName}` : nothing} · ${t.moodLow} ·
        ${t.moodHigh}
      </p>
      <table class="sr-only">
        <caption>
          ${t.history}
        </caption>
        <tr>
          <th scope="col">${t.day}</th>
          <th scope="col">${t.me}</th>
          ${partner ? html`<th scope="col">${partner.displayName}</th>` : nothing}
        </tr>
        ${shown.map(
          (d) =>
            html`<tr>
              <th scope="row">${day.format(d)}</th>
              <td>${mine.get(key(d)) ?? '–'}</td>
              ${partner ? html`<td>${theirs.get(key(d)) ?? '–'}</td>` : nothing}
            </tr>`,
        )}
      </table>
    </section>`;
  }

  override render() {
    const t = this.t;
    const state = this.data.state;
    const emergency = REGION_HELP[this.shownRegion].emergency;
    const offline = state.status === 'offline' && navigator.onLine === false;
    const status =
      state.status === 'signed-out' || state.status === 'error'
        ? renderStatus(state, { locale: this.resolvedLocale, onRetry: () => void this.data.reload() })
        : nothing;
    return html`<div part="base" class="base">
      <p part="title" class="title">${t.title}</p>
      ${status}
      ${offline && this.step !== 'done' ? html`<p part="status" class="muted">${t.offline}</p>` : nothing}
      ${
        this.step === 'done' && (state.status !== 'signed-out' || this.crisisShown)
          ? this.renderOutcome()
          : state.status === 'signed-out'
            ? nothing
            : this.renderStep()
      }
      <p part="schedule" class="muted">
        ${state.value?.history.readSchedule ?? t.readDefault} ${t.notWatched(emergency)}
      </p>
    </div>`;
  }
}

/**
 * The question of a step: its heading, which names its group of answers and takes focus when the step is shown
 * (a heading, not a <legend>: Firefox does not focus a legend).
 */
function question(content: unknown): TemplateResult {
  return html`<h2 id="q" class="q" data-focus tabindex="-1">${content}</h2>`;
}

/** The name of a language in the person's language ("inglés"), or its code when the browser cannot say. */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

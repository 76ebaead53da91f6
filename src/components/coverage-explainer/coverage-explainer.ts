import * as v from 'valibot';
import { booleanAttribute } from '../../internal/iop-element.js';
import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { IopWidget } from '../../internal/iop-widget.js';
import { DataController } from '../../internal/data-controller.js';
import { fire } from '../../internal/widget-kit.js';
import { renderStatus } from '../../internal/status-view.js';
import { hostStyles, widgetStyles } from '../../design/host.styles.js';
import { coverageExplainerStyles } from './coverage-explainer.styles.js';
import { coverageMessages, type CoverageMessages, type Term } from './coverage-explainer.messages.js';
import {
  CoverageSchema,
  type Contact,
  type Coverage,
  type CostShare,
  type ServiceBenefit,
} from '../../core/schemas.js';
import { ConfigError, SchemaError, parseWith, schemaErrorFrom } from '../../core/errors.js';
import { estimateMemberPays, parseDollars, type EstimateBreakdown } from '../../core/estimate.js';
import { formatDate, formatMoney } from '../../core/format.js';
import { telHref } from '../../core/links.js';
import '../alert/define.js';
import '../term/define.js';

/** The glossary words that name the first three parts of an estimate's breakdown, in its order. */
const BREAKDOWN_TERMS: Term[] = ['ded', 'copay', 'coins'];

/** The detail of `iop-estimate`: every amount in integer cents. */
export interface EstimateDetail {
  /** The service's id, e.g. `crisis-telehealth`. */
  service: string;
  allowedCents: number;
  memberPaysCents: number;
  breakdown: EstimateBreakdown;
}

/**
 * Explains the member's PPO plan in plain words: the deductible and out-of-pocket maximum as progress bars,
 * each service's in- and out-of-network cost share, and an estimate of what one service would cost. Every
 * amount comes from `estimateMemberPays` or `formatMoney`; data that does not match the contract shows the
 * shared error state, never wrong numbers. Estimates are for in-network care.
 *
 * No homework: with the service's `typicalAllowedCents` from the backend, one visit's or day's cost shows at
 * once (a typed amount or `allowed-amount` replaces it). For a per-day program (the service's `program`, or
 * `program-days-per-week` and `program-weeks`), the program estimate shows the total, the program day the
 * deductible is met and the day the out-of-pocket maximum stops further cost, and each week as a bar chart
 * beside a table (`estimateProgram`). Self-pay (the member's own checkbox, `self-pay`, or no plan on file: a
 * 404) shows the right to a Good Faith Estimate and whom to ask. The program and self-pay parts are a chunk of
 * their own in the per-tag build, requested when the element is created.
 *
 * With `example-plan`, it shows a clinic's published example plan instead of the member's, read from a child
 * `<script type="application/json">` (data, not code: allowed under a strict CSP) and checked against the
 * Coverage schema; a wrong plan shows a developer message naming the field.
 *
 * @summary What my plan covers, and what I would pay.
 * @tag iop-coverage-explainer
 *
 * @slot - With `example-plan`: a `<script type="application/json">` holding a Coverage object.
 *
 * @csspart title - The plan's name.
 * @csspart deductible - The deductible's progress bar and numbers.
 * @csspart out-of-pocket - The out-of-pocket maximum's progress bar and numbers.
 * @csspart service - One service's row.
 * @csspart estimator - The cost estimator.
 * @csspart estimate - The estimate itself (a polite live region).
 * @csspart program - The program estimate (total, deductible and cap days, weekly chart and table).
 * @csspart self-pay - The Good Faith Estimate for self-pay.
 * @csspart parity - The mental-health parity note.
 * @csspart specialist - The benefits specialist's contact.
 * @csspart status - The shared status line (freshness, offline, error, signed out).
 *
 * @fires {CustomEvent<EstimateDetail>} iop-estimate - A new estimate is shown.
 * @fires {CustomEvent<IopErrorDetail>} iop-error - Loading failed, the example plan is wrong, or `service` is unknown.
 */
export class IopCoverageExplainer extends IopWidget {
  static override styles: CSSResultGroup = [hostStyles, widgetStyles, coverageExplainerStyles];

  static override properties = {
    service: { reflect: true },
    allowedAmount: { attribute: 'allowed-amount' },
    programDaysPerWeek: { type: Number, attribute: 'program-days-per-week' },
    programWeeks: { type: Number, attribute: 'program-weeks' },
    selfPay: { type: Boolean, converter: booleanAttribute, attribute: 'self-pay' },
    contact: { state: true },
    examplePlan: { type: Boolean, converter: booleanAttribute, attribute: 'example-plan', reflect: true },
    typed: { state: true },
    picked: { state: true },
  };

  /** One service to focus, by id (`crisis-telehealth`) or code (`90839`); unset shows every service. */
  service?: string;
  /** An allowed amount in dollars ("250" or "250.00"); without it, the service's `typicalAllowedCents` from the
   * backend is used, and what the member types replaces both. */
  allowedAmount?: string;
  /** The program estimate's days a week and weeks; each defaults to the service's `program` from the backend. */
  programDaysPerWeek?: number;
  programWeeks?: number;
  /** The member pays for themselves (set by the explainer's own checkbox): show the Good Faith Estimate. */
  selfPay = false;
  /** With no plan on file (a 404), the benefits specialist from the care team. */
  private contact?: Contact;
  /** The program estimate and the Good Faith Estimate: a chunk of their own, loaded as the element is created. */
  private extras?: typeof import('./coverage-extras.js');
  /** Show the example plan given as a child `<script type="application/json">` instead of the member's. */
  examplePlan = false;

  /** What the member typed in the amount field, and the service they picked. */
  private typed?: string;
  private picked?: string;
  private example?: { plan?: Coverage; error?: SchemaError };
  /** Set while rendering, acted on in `updated` (events are not fired from render). */
  private shown?: EstimateDetail;
  private unknown?: string;
  private fired = '';
  private warned?: string;

  private readonly data = new DataController<Coverage>(
    this,
    () => this.settings,
    () =>
      this.examplePlan
        ? undefined
        : {
            key: 'coverage',
            fetch: (backend) => backend.getCoverage(),
            parse: (value) => parseWith(CoverageSchema, value, 'cached coverage'),
          },
    () => {
      // No plan on file: the self-pay view, with the benefits specialist from the care team when there is one.
      if (this.noPlan && !this.contact)
        this.data.client?.backend.getMe().then(
          (me) => (this.contact = me.careTeam.find((m) => m.role === 'benefits-specialist')),
          () => undefined,
        );
    },
  );

  private get noPlan(): boolean {
    return (this.data.state as { error?: { status?: number } }).error?.status === 404;
  }

  constructor() {
    super();
    import('./coverage-extras.js').then(
      (extras) => {
        this.extras = extras;
        this.requestUpdate();
      },
      () => undefined,
    );
  }

  private get t(): CoverageMessages {
    return coverageMessages[this.resolvedLocale];
  }

  protected override onSettingsChanged(): void {
    this.data.restart();
    super.onSettingsChanged();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('examplePlan')) return;
    this.data.keyChanged();
    this.example = undefined;
    if (!this.examplePlan) return;
    const text = this.querySelector('script[type="application/json"]')?.textContent ?? '';
    let error: SchemaError;
    try {
      const result = v.safeParse(CoverageSchema, JSON.parse(text));
      if (result.success) {
        this.example = { plan: result.output };
        return;
      }
      error = schemaErrorFrom(result.issues, 'example plan', undefined, CoverageSchema);
    } catch {
      error = new SchemaError('(root)', 'JSON', 'example plan');
    }
    this.example = { error };
    fire(this, 'iop-error', { error, operation: 'example-plan' });
  }

  protected override updated(): void {
    const sig = this.shown ? JSON.stringify(this.shown) : '';
    // `sig` is set only when an estimate is shown.
    if (sig && sig !== this.fired) fire(this, 'iop-estimate', this.shown!);
    this.fired = sig;
    if (this.unknown && this.unknown !== this.warned) {
      const error = new ConfigError('service', 'a service id or code of the plan');
      fire(this, 'iop-error', { error, operation: `service ${this.unknown}` });
    }
    this.warned = this.unknown;
  }

  override render(): TemplateResult | typeof nothing {
    this.shown = this.unknown = undefined;
    if (this.examplePlan) {
      const { plan, error } = this.example!;
      return plan
        ? this.renderPlan(plan)
        : html`<iop-alert part="status" variant="danger"
            >${this.t.badExample}: ${error!.path}: expected ${error!.expected}.</iop-alert
          >`;
    }
    const state = this.data.state;
    return html`${renderStatus(state, {
      locale: this.resolvedLocale,
      onRetry: () => void this.data.reload(),
      forStatus: { 404: this.t.noPlan },
    })}
    ${
      state.value
        ? this.renderPlan(state.value)
        : this.noPlan
          ? html`${this.extras?.renderSelfPay(this.resolvedLocale)}${this.renderSpecialist(this.contact)}`
          : state.status === 'loading'
            ? html`<p class="muted" role="status">${this.t.loading}</p>
                <div class="skeleton" aria-hidden="true"></div>`
            : nothing
    }`;
  }

  private money(cents: number): string {
    return formatMoney(cents, this.resolvedLocale);
  }

  private term(key: Term): TemplateResult {
    const [word, definition] = this.t.terms[key];
    return html`<iop-term definition=${definition}>${word}</iop-term>`;
  }

  private meter(key: Term, part: string, total: number, met: number): TemplateResult {
    const t = this.t;
    return html`<div part=${part}>
      <p>${this.term(key)}</p>
      ${
        total
          ? html`<progress aria-label=${t.terms[key][0]} max=${total} value=${met}></progress>
              <p>${t.meter(this.money(met), this.money(total), this.money(total - met))}</p>`
          : html`<p>${t.none}</p>`
      }
    </div>`;
  }

  private renderPlan(plan: Coverage): TemplateResult {
    const t = this.t;
    const wanted = this.service;
    const focused = wanted ? plan.services.filter((s) => s.service === wanted || s.code === wanted) : [];
    if (wanted && !focused.length) this.unknown = wanted;
    const services = focused.length ? focused : plan.services;
    // One service at a time (a phone's screen): the picked one's benefits and estimate; every service's
    // benefits stay one tap away.
    const picked = services.find((s) => s.service === this.picked) ?? services[0];
    const ded = plan.deductible;
    const oop = plan.outOfPocketMax;
    return html`<h2 part="title">${plan.planName}</h2>
      <p class="muted">
        ${t.plan(plan.planType, plan.memberIdMasked, formatDate(new Date(plan.asOf), this.resolvedLocale))}
      </p>
      ${this.meter('ded', 'deductible', ded.individualCents, ded.metCents)}
      ${this.meter('oop', 'out-of-pocket', oop.individualCents, oop.metCents)}
      <h3>${t.services}</h3>
      ${
        services.length
          ? html`${services.length > 1 ? this.renderPicker(services, picked!) : nothing}
            ${
              services.length > 1
                ? html`<div part="picked-service">${this.renderBenefits(picked!, false)}</div>
                    <details part="all-services">
                      <summary>${t.allServices(services.length)}</summary>
                      ${this.renderServiceList(services)}
                    </details>`
                : this.renderServiceList(services)
            }
            ${this.renderEstimator(plan, picked!)}`
          : html`<p>${t.noServices}</p>`
      }
      <p part="parity">${t.parity}</p>
      ${this.renderSpecialist(plan.benefitsSpecialist)}`;
  }

  private renderSpecialist(who?: Contact): TemplateResult | typeof nothing {
    const tel = telHref(who?.phone);
    return who
      ? html`<section part="specialist" aria-labelledby="sp">
          <h3 id="sp">${this.t.specialist}</h3>
          <p>${who.name}</p>
          ${tel ? html`<a href=${tel}>${who.phone}</a>` : who.phone}
          ${who.note ? html`<p class="muted">${who.note}</p>` : nothing}
        </section>`
      : nothing;
  }

  private renderPicker(services: ServiceBenefit[], picked: ServiceBenefit): TemplateResult {
    return html`<label for="svc">${this.t.service}</label>
      <select id="svc" @change=${(e: Event) => (this.picked = (e.target as HTMLSelectElement).value)}>
        ${services.map((s) => html`<option value=${s.service} ?selected=${s === picked}>${s.label}</option>`)}
      </select>`;
  }

  private renderServiceList(services: ServiceBenefit[]): TemplateResult {
    return html`<ul>
      ${services.map((s) => html`<li part="service">${this.renderBenefits(s, true)}</li>`)}
    </ul>`;
  }

  /** One service's benefits table; under the picker, the select already names it, so only its code shows. */
  private renderBenefits(s: ServiceBenefit, named: boolean): TemplateResult {
    const t = this.t;
    const cols = s.outOfNetwork ? [s.inNetwork, s.outOfNetwork] : [s.inNetwork];
    const row = (head: Term | 0, cell: (c: CostShare) => string) =>
      html`<tr>
        <th scope="row">${head ? this.term(head) : t.visits}</th>
        ${cols.map((c) => html`<td>${cell(c)}</td>`)}
      </tr>`;
    return html`${named ? html`<h4>${s.label}</h4>` : nothing}
      <p class="muted">${s.code}</p>
      <table>
        <thead>
          <tr>
            <td></td>
            <th scope="col">${this.term('in')}</th>
            ${s.outOfNetwork ? html`<th scope="col">${this.term('out')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${row('copay', (c) => (c.copayCents === undefined ? t.none : this.money(c.copayCents)))}
          ${row('coins', (c) => (c.coinsurancePct === undefined ? t.none : `${c.coinsurancePct}%`))}
          ${row('ded', (c) => (c.deductibleApplies ? t.yes : t.no))}
          ${row('auth', (c) => (c.priorAuthRequired ? t.yes : t.no))}
          ${cols.some((c) => c.visitLimit) ? row(0, (c) => (c.visitLimit ? t.perYear(c.visitLimit) : t.no)) : nothing}
        </tbody>
      </table>`;
  }

  /** The allowed-amount field: required without the clinic's usual amount, an override with it. */
  private renderAmount(text: string, invalid: boolean): TemplateResult {
    // Named twice on purpose: inside a closed disclosure IBM Equal Access does not follow the hidden `for` label
    // (input_label_exists), while aria-labelledby names it in every engine and screen reader.
    return html`<label for="amt" id="amt-label">${this.t.amount}</label>
      <input
        id="amt"
        aria-labelledby="amt-label"
        inputmode="decimal"
        autocomplete="off"
        .value=${text}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'err' : nothing}
        @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
      />
      ${invalid ? html`<p id="err" class="error">${this.t.amountError}</p>` : nothing}`;
  }

  private renderEstimator(plan: Coverage, service: ServiceBenefit): TemplateResult {
    const t = this.t;
    const text = this.typed ?? this.allowedAmount ?? '';
    const typical = service.typicalAllowedCents;
    const allowedCents = text.trim() ? parseDollars(text) : typical;
    const invalid = text.trim() !== '' && allowedCents === undefined;
    const left = {
      costShare: service.inNetwork,
      deductibleRemainingCents: plan.deductible.individualCents - plan.deductible.metCents,
      outOfPocketRemainingCents: plan.outOfPocketMax.individualCents - plan.outOfPocketMax.metCents,
    };
    const estimate =
      allowedCents === undefined || this.selfPay ? undefined : estimateMemberPays({ ...left, allowedCents });
    if (estimate) {
      this.shown = {
        service: service.service,
        allowedCents: allowedCents!,
        memberPaysCents: estimate.memberPaysCents,
        breakdown: estimate.breakdown,
      };
    }
    const parts = estimate ? Object.values(estimate.breakdown) : [];
    const [before, after] = typical === undefined ? [t.allowedHelp, '.'] : t.typical(this.money(typical));
    const days = this.programDaysPerWeek ?? service.program?.daysPerWeek;
    const weeks = this.programWeeks ?? service.program?.weeks;
    return html`<section part="estimator" aria-labelledby="est">
      <h3 id="est">${t.estimator}</h3>
      <label class="check"
        ><input
          type="checkbox"
          .checked=${this.selfPay}
          @change=${(e: Event) => (this.selfPay = (e.target as HTMLInputElement).checked)}
        />${t.selfPay}</label
      >
      ${
        this.selfPay
          ? this.extras?.renderSelfPay(this.resolvedLocale)
          : html`<p>${before} ${this.term('allowed')}${after}</p>
              ${
                typical === undefined
                  ? this.renderAmount(text, invalid)
                  : html`<details
                      part="other-amount"
                      ?open=${this.typed !== undefined || !!this.allowedAmount}
                    >
                      <summary>${t.otherAmount}</summary>
                      ${this.renderAmount(text, invalid)}
                    </details>`
              } `
      }
      <div part="estimate" role="status">
        ${
          estimate
            ? html`<div class="result">
                <p>
                  <strong>${t.estimate}:</strong> ${t.youPay(this.money(estimate.memberPaysCents))}
                  ${t.planPays(this.money(estimate.planPaysCents))}
                </p>
                <ul>
                  ${parts.map((cents, i) =>
                    cents
                      ? html`<li>
                          ${i < 3 ? t.terms[BREAKDOWN_TERMS[i]!][0] : t.capSaved}: ${this.money(cents)}
                        </li>`
                      : nothing,
                  )}
                </ul>
                <p class="muted">${t.inNetworkOnly}</p>
              </div>`
            : nothing
        }
      </div>
      ${
        estimate && days && weeks
          ? this.extras?.renderProgram(
              { ...left, allowedCents: allowedCents!, daysPerWeek: days, weeks },
              this.resolvedLocale,
            )
          : nothing
      }
    </section>`;
  }
}

import { booleanAttribute } from '../../internal/iop-element.js';
import { html, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { IopWidget } from '../../internal/iop-widget.js';
import { hostStyles, srOnly, widgetStyles } from '../../design/host.styles.js';
import { DataController, type DataState } from '../../internal/data-controller.js';
import { renderStatus } from '../../internal/status-view.js';
import { fire } from '../../internal/widget-kit.js';
import { SafetyPlanSchema, type Contact, type Region, type SafetyPlan } from '../../core/schemas.js';
import { parseWith } from '../../core/errors.js';
import {
  SECTION_IDS,
  crisisContacts,
  parseSectionFilter,
  planSections,
  type PlanSection,
  type SectionId,
} from '../../core/safety-plan.js';
import { REGION_HELP } from '../../core/hotlines.js';
import { smsHref, telHref } from '../../core/links.js';
import { formatDate } from '../../core/format.js';
import { planMessages, type PlanMessages } from './safety-plan.messages.js';
import { safetyPlanStyles } from './safety-plan.styles.js';

/** The detail of `iop-plan-loaded`. */
export interface PlanLoadedDetail {
  version: number;
  /** True when this version was shown from the offline cache. */
  fromCache: boolean;
}

/**
 * The safety-plan viewer: the Stanley-Brown steps in their fixed order, reasons for living, then the couples
 * section and the pet. Phones become `tel:` links and text lines `sms:` links; anything else is text. It shows
 * the cached plan at once (offline too) and refreshes it in the background. Step 5 always lists the region's
 * crisis line and emergency number.
 *
 * @summary A patient's (or their partner's) safety plan, readable offline and printable.
 * @tag iop-safety-plan
 *
 * @csspart base - The wrapper.
 * @csspart title - Whose plan it is.
 * @csspart meta - Version and last review.
 * @csspart status - The freshness, offline or error line.
 * @csspart nav - The "jump to a step" links.
 * @csspart section - Each section; step 5 also has the part `crisis`.
 * @csspart crisis - Step 5 (professionals and crisis lines).
 * @csspart action - Each call or text link.
 *
 * @cssprop --iop-color-crisis - Step 5's border, heading and links.
 *
 * @fires {CustomEvent<PlanLoadedDetail>} iop-plan-loaded - A plan version was shown (once per version).
 * @fires {CustomEvent<IopErrorDetail>} iop-error - The plan could not be loaded.
 */
export class IopSafetyPlan extends IopWidget {
  static override styles: CSSResultGroup = [hostStyles, widgetStyles, srOnly, safetyPlanStyles];
  static override properties: PropertyDeclarations = {
    participant: { reflect: true },
    sections: {},
    printable: { type: Boolean, converter: booleanAttribute, reflect: true },
    emptySections: { attribute: 'empty-sections' },
    openSections: { attribute: 'open-sections' },
    region: {},
    collapsed: { state: true },
    partnerName: { state: true },
  };

  /** Whose plan: `me` (default) or `partner` (shown only when the partner has agreed to share it). */
  participant: 'me' | 'partner' = 'me';
  /** Show only these sections: ids separated by commas, e.g. `warning-signs,professionals`. */
  sections?: string;
  /** Lay the plan out as it prints: no collapse buttons, no jump links, black on white. */
  printable = false;
  /** `show` (default) says "Not filled in yet" in an empty section; `hide` leaves it out. */
  emptySections: 'show' | 'hide' = 'show';
  /**
   * Which sections are open when the plan is shown: `all` (default), `none`, or ids separated by commas
   * (`professionals` keeps step 5's people and crisis lines open and the rest one tap away, which fits a phone).
   * When not every section starts open, the collapsed headings are the list of steps, so the jump links are
   * left out. The person can still open and close every section.
   */
  openSections = 'all';
  /** The region whose crisis line and emergency number step 5 lists (default: the configured one, then US). */
  region?: Region;

  private collapsed = new Set<SectionId>();
  private partnerName?: string;
  /** The last version announced with `iop-plan-loaded`. */
  private announced?: number;

  private readonly data = new DataController<SafetyPlan>(
    this,
    () => this.settings,
    () => ({
      key: `safety-plan:${this.owner}`,
      fetch: (backend) => backend.getSafetyPlan(this.owner),
      parse: (value) => parseWith(SafetyPlanSchema, value, 'cached safety plan'),
    }),
    (state) => this.onData(state),
  );

  private get owner(): 'me' | 'partner' {
    return this.participant === 'partner' ? 'partner' : 'me';
  }

  private get t(): PlanMessages {
    return planMessages[this.resolvedLocale];
  }

  protected override onSettingsChanged(): void {
    this.announced = undefined;
    this.data.restart();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('openSections')) this.collapsed = this.initiallyCollapsed();
    if (changed.has('participant')) {
      this.announced = this.partnerName = undefined;
      this.data.keyChanged();
    }
    for (const [name, attribute] of [
      ['sections', 'sections'],
      ['openSections', 'open-sections'],
    ] as const) {
      const unknown = changed.has(name) && this.sectionList(name).unknown;
      if (unknown && unknown.length)
        console.warn(`iop-safety-plan: unknown ${attribute} ignored: ${unknown.join(', ')}`);
    }
  }

  private sectionList(name: 'sections' | 'openSections') {
    const value = this[name] ?? '';
    return parseSectionFilter(name === 'openSections' && /^\s*(all|none)\s*$/i.test(value) ? '' : value);
  }

  /** Every section not named by `open-sections` (none when it says `all` or nothing). */
  private initiallyCollapsed(): Set<SectionId> {
    const value = this.openSections?.trim().toLowerCase() || 'all';
    if (value === 'all') return new Set();
    const open = this.sectionList('openSections').only ?? new Set();
    return new Set(SECTION_IDS.filter((id) => !open.has(id)));
  }

  private onData(state: DataState<SafetyPlan>): void {
    const version = state.value?.version;
    if (version !== undefined && version !== this.announced) {
      this.announced = version;
      fire(this, 'iop-plan-loaded', { version, fromCache: state.fromCache } satisfies PlanLoadedDetail);
    }
    // A kind 403 names the partner when we can find their name.
    if (
      this.owner === 'partner' &&
      !this.partnerName &&
      (state as { error?: { status?: number } }).error?.status === 403
    ) {
      this.data.client?.backend.getMe().then(
        (me) => (this.partnerName = me.partner?.displayName),
        () => undefined,
      );
    }
  }

  private heading(section: PlanSection): string {
    const title = this.t.titles[SECTION_IDS.indexOf(section.id)];
    return section.step ? `${this.t.step} ${section.step}: ${title}` : title!;
  }

  private toggle(id: SectionId): void {
    const next = new Set(this.collapsed);
    if (!next.delete(id)) next.add(id);
    this.collapsed = next;
  }

  /** The jump links stay inside the shadow root: open the section and move focus to its heading. */
  private async jump(event: Event, id: SectionId): Promise<void> {
    event.preventDefault();
    if (this.collapsed.has(id)) this.toggle(id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#h-${id}`)?.focus();
  }

  /** A link when the number validates, else the same words as plain text (never a broken link). */
  private action(href: string | undefined, label: string) {
    return href ? html`<a part="action" href=${href}>${label}</a>` : html`<span>${label}</span>`;
  }

  private contact(c: Contact) {
    const t = this.t;
    return html`<strong>${c.name}</strong>
      ${c.relationship ? html`<span class="muted">${c.relationship}</span>` : nothing}
      ${c.note ? html`<span class="muted">${c.note}</span>` : nothing}
      <span class="acts"
        >${c.phone ? this.action(telHref(c.phone), t.call(c.phone)) : nothing}
        ${c.sms ? this.action(smsHref(c.sms.number, c.sms.body), t.text(c.sms.number, c.sms.body)) : nothing}</span
      >`;
  }

  private section(section: PlanSection, loading: boolean) {
    const { id, items } = section;
    const open = this.printable || !this.collapsed.has(id);
    const title = this.heading(section);
    const crisis = id === 'professionals';
    return html`<section
      part=${crisis ? 'section crisis' : 'section'}
      class="${crisis ? 'crisis' : ''} ${open ? '' : 'closed'}"
    >
      <h2 id="h-${id}" tabindex="-1">
        ${
          this.printable
            ? title
            : html`<button aria-expanded=${open} aria-controls="b-${id}" @click=${() => this.toggle(id)}>
                ${title}
              </button>`
        }
      </h2>
      <div id="b-${id}" class="body" ?hidden=${!open}>
        ${
          items.length
            ? html`<ul>
                ${items.map((item) => html`<li>${typeof item === 'string' ? item : this.contact(item)}</li>`)}
              </ul>`
            : loading
              ? html`<div class="sk"></div>`
              : html`<p class="empty">${this.t.empty}</p>`
        }
      </div>
    </section>`;
  }

  override render() {
    const t = this.t;
    const state = this.data.state;
    const plan = state.value;
    const loading = state.status === 'loading';
    const wanted = this.region ?? this.settings.region;
    const region = wanted && wanted in REGION_HELP ? wanted : 'US';
    const { only } = this.sectionList('sections');
    const shown = planSections(plan, crisisContacts(region, this.resolvedLocale, t.emergency)).filter(
      (s) =>
        (plan || loading || s.id === 'professionals') &&
        (!only || only.has(s.id)) &&
        (s.items.length || loading || this.emptySections !== 'hide'),
    );
    const whose = this.owner === 'me' ? t.mine : t.partners;
    // The pet is not in the jump list: it is the last, short section, and the list must not change when the
    // plan arrives (the skeleton has every other heading).
    const jumps = shown.filter((s) => s.id !== 'pet');
    return html`<div part="base" aria-busy=${loading}>
      <p part="title" class="title">${whose}</p>
      <p part="meta" class="meta">
        ${
          plan
            ? t.meta(
                plan.version,
                formatDate(new Date(plan.reviewedAt), this.resolvedLocale),
                plan.reviewedBy,
              )
            : '\u00a0'
        }
      </p>
      ${loading ? html`<p class="sr-only" role="status">${t.loading}</p>` : nothing}
      ${renderStatus(state, {
        locale: this.resolvedLocale,
        onRetry: () => void this.data.reload(),
        forStatus: this.owner === 'partner' ? { 403: t.noConsent(this.partnerName) } : {},
      })}
      ${
        this.printable || jumps.length < 2 || this.initiallyCollapsed().size
          ? nothing
          : html`<nav part="nav" aria-label="${t.jump}: ${whose}">
              <ul>
                ${jumps.map(
                  (s) =>
                    html`<li>
                      <a href="#h-${s.id}" @click=${(e: Event) => this.jump(e, s.id)}>${this.heading(s)}</a>
                    </li>`,
                )}
              </ul>
            </nav>`
      }
      ${shown.map((s) => this.section(s, loading))}
    </div>`;
  }
}

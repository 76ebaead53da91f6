import {
  html,
  nothing,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { IopWidget } from '../../internal/iop-widget.js';
import { hostStyles, srOnly } from '../../design/host.styles.js';
import { crisisConnectStyles } from './crisis-connect.styles.js';
import { crisisMessages, type CrisisMessages } from './crisis-connect.messages.js';
import { hotlinesFor, REGION_HELP, type ShownHotline } from '../../core/hotlines.js';
import { safeExternalUrl, smsHref, telHref } from '../../core/links.js';
import { formatAge, formatTime } from '../../core/format.js';
import type { CrisisResources, Region } from '../../core/schemas.js';
import type { ReadState } from '../../core/cache.js';
import type { CrisisService } from '../../core/crisis.js';
import type { IopDialog } from '../dialog/dialog.js';
import { getConfig } from '../../core/config-store.js';
import '../button/define.js';
import '../dialog/define.js';

/** What `iop-crisis-action` says the person did. */
export interface CrisisActionDetail {
  action:
    | 'call-emergency'
    | 'call-on-call'
    | 'call-hotline'
    | 'text-hotline'
    | 'chat-hotline'
    | 'telehealth-start'
    | 'telehealth-join'
    | 'chat-care-team'
    | 'safety-plan'
    | 'quick-exit';
  target?: string;
}

type VideoPhase = 'idle' | 'asking' | 'starting' | 'ready' | 'failed' | 'unsafe';

const REGIONS: readonly Region[] = ['US', 'CA', 'GB', 'AU'];

/**
 * The crisis-connect button: one tap to every way of getting help. Its light-DOM children are the no-JavaScript
 * fallback (a line of text with `tel:` links); once the kit loads, the element shows its own button, and the
 * fallback is no longer rendered (the dialog says the same and more). The built-in hotlines never depend on
 * the backend: the dialog shows them at once, whatever the backend does.
 *
 * @summary The crisis-help button and dialog.
 * @tag iop-crisis-connect
 *
 * @slot - The no-JavaScript fallback: shown only until the kit loads.
 * @slot label - Replaces the button's label ("Get help now").
 *
 * @csspart button - The crisis button (an `iop-button`).
 * @csspart dialog - The dialog (an `iop-dialog`).
 * @csspart emergency - The "In danger now?" section.
 * @csspart on-call - The on-call therapist section.
 * @csspart hotlines - The list of crisis lines.
 * @csspart quick-exit - The "leave this site quickly" button.
 *
 * @cssprop --iop-crisis-inset-block-end - Floating: distance from the bottom edge (default 16px, plus the safe area).
 * @cssprop --iop-crisis-inset-inline-end - Floating: distance from the end edge (default 16px, plus the safe area).
 * @cssprop --iop-crisis-z-index - Floating: stacking order (default 2147483000).
 * @cssprop --iop-color-crisis - The button's colour.
 *
 * @fires {CustomEvent<void>} iop-crisis-open - The dialog opened.
 * @fires {CustomEvent<void>} iop-crisis-close - The dialog closed.
 * @fires {CustomEvent<CrisisActionDetail>} iop-crisis-action - The person chose a way to get help.
 */
export class IopCrisisConnect extends IopWidget {
  static override styles: CSSResultGroup = [hostStyles, srOnly, crisisConnectStyles];

  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    region: {},
    includePartner: { type: Boolean, attribute: 'include-partner' },
    safetyPlanUrl: { attribute: 'safety-plan-url' },
    quickExitUrl: { attribute: 'quick-exit-url' },
    open: { attribute: false },
    resources: { attribute: false },
    service: { attribute: false },
    video: { attribute: false },
  };

  /** `floating` (fixed in the bottom corner, default), `inline` or `compact`. */
  variant: 'floating' | 'inline' | 'compact' = 'floating';
  /** `US` (default), `CA`, `GB` or `AU`: the emergency number and crisis lines shown. */
  region?: Region;
  /** Offer to bring the partner into the emergency video session. */
  includePartner = false;
  /** Where "My safety plan" links to (default: `configure({ safetyPlanUrl })`; hidden when neither is set). */
  safetyPlanUrl?: string;
  /** Where quick exit goes (default: `configure({ quickExitUrl })`, a weather page). */
  quickExitUrl?: string;

  private open = false;
  private resources?: ReadState<CrisisResources>;
  private service?: CrisisService;
  private video: { phase: VideoPhase; joinUrl?: string } = { phase: 'idle' };

  private get dialog(): IopDialog | null {
    return this.renderRoot?.querySelector<IopDialog>('iop-dialog') ?? null;
  }

  private unsubscribe?: () => void;
  private connecting?: Promise<CrisisService>;

  private get text(): CrisisMessages {
    return crisisMessages[this.locale];
  }

  private get shownRegion(): Region {
    const wanted = this.region ?? this.settings.region ?? 'US';
    return REGIONS.includes(wanted) ? wanted : 'US';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('focusin', this.keepFocusVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('focusin', this.keepFocusVisible);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override onSettingsChanged(): void {
    // New backend settings (or a sign-out): drop what was loaded; the next open loads again.
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.connecting = undefined;
    this.service = undefined;
    this.resources = undefined;
    this.video = { phase: 'idle' };
    if (this.open) void this.connect();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('open') && this.open && this.dialog && !this.dialog.open) void this.dialog.show();
  }

  /** Loads the client (a separate chunk, so the button is interactive before it arrives) and watches the on-call data. */
  private connect(): Promise<CrisisService> {
    this.connecting ??= import('../../core/crisis.js').then(({ connectCrisis }) => {
      const service = connectCrisis(this.settings);
      this.service = service;
      this.unsubscribe = service.resources?.subscribe((next) => (this.resources = next));
      return service;
    });
    return this.connecting;
  }

  /** Opens the dialog. */
  show(): void {
    if (this.open) return;
    this.open = true;
    this.dispatchEvent(new CustomEvent('iop-crisis-open', { bubbles: true, composed: true }));
    void this.connect().then((service) => service.log('crisis-open', 'open'));
  }

  private onDialogHidden(): void {
    if (!this.open) return;
    this.open = false;
    this.video = this.video.phase === 'ready' ? this.video : { phase: 'idle' };
    this.dispatchEvent(new CustomEvent('iop-crisis-close', { bubbles: true, composed: true }));
    this.service?.log('crisis-close', 'close');
  }

  private act(action: CrisisActionDetail['action'], target?: string): void {
    const detail: CrisisActionDetail = { action, target };
    this.dispatchEvent(new CustomEvent('iop-crisis-action', { detail, bubbles: true, composed: true }));
    void this.connect().then((service) => service.log('crisis-action', action, target));
  }

  private async startVideo(includePartner: boolean): Promise<void> {
    this.video = { phase: 'starting' };
    this.act('telehealth-start', includePartner ? 'with-partner' : 'alone');
    try {
      const service = await this.connect();
      const session = await service.startTelehealth(includePartner);
      const joinUrl = safeExternalUrl(session.joinUrl, service.allowedOrigins);
      this.video = joinUrl ? { phase: 'ready', joinUrl } : { phase: 'unsafe' };
    } catch {
      this.video = { phase: 'failed' };
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.video [data-focus]')?.focus();
  }

  /**
   * How quick exit leaves the page: `location.replace`, so the page also leaves the history.
   * @ignore Replaceable in tests only.
   */
  navigate: (url: string) => void = (url) => window.location.replace(url);

  private quickExit(): void {
    this.act('quick-exit');
    this.navigate(this.quickExitUrl ?? getConfig().quickExitUrl);
  }

  /** WCAG 2.4.11: when focus lands under the floating button, scroll the page so the focused element shows. */
  private readonly keepFocusVisible = (event: FocusEvent): void => {
    if (this.variant !== 'floating' || this.open) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || this.contains(target) || target === this) return;
    const mine = this.getBoundingClientRect();
    const theirs = target.getBoundingClientRect();
    const overlaps =
      theirs.bottom > mine.top &&
      theirs.top < mine.bottom &&
      theirs.right > mine.left &&
      theirs.left < mine.right;
    if (overlaps) window.scrollBy({ top: theirs.bottom - mine.top + 8, behavior: 'instant' });
  };

  private phoneLink(
    phone: string,
    label: string,
    action: CrisisActionDetail['action'],
    variant: 'crisis' | 'secondary' | 'primary' = 'secondary',
  ): TemplateResult {
    const href = telHref(phone);
    if (!href) {
      // A number we cannot dial is shown as text, never as a broken link.
      return html`<span class="plain-number">${this.text.notALink} ${phone}</span>`;
    }
    return html`<iop-button variant=${variant} href=${href} @click=${() => this.act(action, phone)}
      >${label}</iop-button
    >`;
  }

  private renderEmergency(): TemplateResult {
    const number = REGION_HELP[this.shownRegion].emergency;
    return html`<section class="emergency" part="emergency" aria-labelledby="emergency-heading">
      <p id="emergency-heading">${this.text.emergency(number)}</p>
      ${this.phoneLink(number, this.text.emergencyCall(number), 'call-emergency', 'crisis')}
    </section>`;
  }

  private renderOnCall(): TemplateResult | typeof nothing {
    const t = this.text;
    const service = this.service;
    let body: TemplateResult;
    if (service?.state === 'no-backend') return nothing;
    if (service?.state === 'signed-out') {
      body = html`<p class="status muted">${t.onCallSignedOut}</p>`;
    } else {
      const state = this.resources;
      const onCall = state?.value?.onCall;
      if (onCall) {
        const role = t.roles[onCall.clinician.role] ?? onCall.clinician.role;
        const until = formatTime(new Date(onCall.until), this.locale);
        body = html`
          <p><span class="who">${onCall.clinician.name}</span>, ${role}</p>
          ${onCall.hasSafetyPlanAccess ? html`<p class="has-plan">${t.hasPlan}</p>` : nothing}
          <p class="muted">${t.until(until)}</p>
          ${
            state?.fromCache && state.ageMs !== undefined
              ? html`<p class="muted">${t.fromCache(formatAge(state.ageMs, this.locale))}</p>`
              : nothing
          }
          ${this.phoneLink(onCall.phone, t.onCallCall(onCall.clinician.name), 'call-on-call', 'primary')}
        `;
      } else if (!state || state.status === 'loading') {
        body = html`<p class="status muted">${t.onCallLoading}</p>`;
      } else if (state.status === 'offline') {
        body = html`<p class="status">${t.onCallOffline}</p>`;
      } else {
        body = html`<p class="status">${t.onCallUnavailable}</p>`;
      }
    }
    return html`<section class="on-call" part="on-call" aria-labelledby="on-call-heading" aria-live="polite">
      <h3 id="on-call-heading">${t.onCallHeading}</h3>
      ${body}
    </section>`;
  }

  private renderVideo(): TemplateResult | typeof nothing {
    const t = this.text;
    const service = this.service;
    if (!service?.signedIn) return nothing;
    const available = this.resources?.value?.telehealth.available;
    if (available === false) {
      return html`<section class="video"><p class="status">${t.videoUnavailable}</p></section>`;
    }
    let body: TemplateResult;
    switch (this.video.phase) {
      case 'asking':
        body = html`<p class="status" data-focus tabindex="-1">${t.videoAskPartner}</p>
          <div class="actions">
            <iop-button @click=${() => this.startVideo(true)}>${t.videoWithPartner}</iop-button>
            <iop-button variant="secondary" @click=${() => this.startVideo(false)}
              >${t.videoJustMe}</iop-button
            >
          </div>`;
        break;
      case 'starting':
        body = html`<iop-button loading>${t.videoStarting}</iop-button>`;
        break;
      case 'ready':
        body = html`<p class="status" role="status">${t.videoReady}</p>
          <iop-button
            data-focus
            href=${this.video.joinUrl!}
            target="_blank"
            @click=${() => this.act('telehealth-join')}
            >${t.videoJoin}</iop-button
          >`;
        break;
      case 'failed':
      case 'unsafe':
        body = html`<p class="status" role="alert" data-focus tabindex="-1">
            ${this.video.phase === 'failed' ? t.videoFailed : t.videoUnsafe}
          </p>
          <iop-button variant="secondary" @click=${this.onVideoClick}>${t.videoStart}</iop-button>`;
        break;
      default:
        body = html`<iop-button @click=${this.onVideoClick}>${t.videoStart}</iop-button>`;
    }
    return html`<section class="video" aria-label=${t.videoHeading}>${body}</section>`;
  }

  private readonly onVideoClick = async (): Promise<void> => {
    if (this.includePartner) {
      this.video = { phase: 'asking' };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.video [data-focus]')?.focus();
    } else void this.startVideo(false);
  };

  private renderChat(): TemplateResult | typeof nothing {
    const url =
      this.service && safeExternalUrl(this.resources?.value?.chat?.url, this.service.allowedOrigins);
    if (!url) return nothing;
    return html`<section class="chat">
      <iop-button variant="secondary" href=${url} target="_blank" @click=${() => this.act('chat-care-team')}
        >${this.text.chat}</iop-button
      >
    </section>`;
  }

  private renderHotline(line: ShownHotline): TemplateResult {
    const t = this.text;
    const call = line.phone ? this.phoneLink(line.phone, t.call(line.phone), 'call-hotline') : nothing;
    const sms = line.sms ? smsHref(line.sms.number, line.sms.body) : undefined;
    const smsLabel = line.sms?.body
      ? t.textWithBody(line.sms.body, line.sms.number)
      : t.text(line.sms?.number ?? '');
    const chat = line.chatUrl && /^https:\/\//.test(line.chatUrl) ? line.chatUrl : undefined;
    return html`<li class="hotline">
      <p class="hotline-name">${line.name}</p>
      ${line.description ? html`<p class="hotline-description">${line.description}</p>` : nothing}
      <div class="actions">
        ${call}
        ${
          sms
            ? html`<iop-button
                variant="secondary"
                href=${sms}
                @click=${() => this.act('text-hotline', line.id)}
                >${smsLabel}</iop-button
              >`
            : nothing
        }
        ${
          chat
            ? html`<iop-button
                variant="secondary"
                href=${chat}
                target="_blank"
                @click=${() => this.act('chat-hotline', line.id)}
                >${t.chatOnline}</iop-button
              >`
            : nothing
        }
      </div>
    </li>`;
  }

  private renderDialogContent(): TemplateResult {
    const t = this.text;
    const lines = hotlinesFor(this.shownRegion, this.locale, this.resources?.value?.hotlines ?? []);
    const planUrl = this.safetyPlanUrl ?? this.service?.safetyPlanUrl;
    return html`
      <p class="intro">${t.intro}</p>
      ${this.renderEmergency()} ${this.renderOnCall()} ${this.renderVideo()} ${this.renderChat()}
      <section aria-labelledby="hotlines-heading">
        <h3 id="hotlines-heading">${t.hotlinesHeading}</h3>
        <ul part="hotlines">
          ${lines.map((line) => this.renderHotline(line))}
        </ul>
      </section>
      <section class="leave">
        ${
          planUrl
            ? html`<iop-button variant="secondary" href=${planUrl} @click=${() => this.act('safety-plan')}
                >${t.safetyPlan}</iop-button
              >`
            : nothing
        }
        <iop-button part="quick-exit" variant="quiet" @click=${this.quickExit}>${t.quickExit}</iop-button>
        <span class="muted">${t.quickExitHint}</span>
      </section>
    `;
  }

  override render() {
    const t = this.text;
    return html`
      <iop-button class="trigger" part="button" variant="crisis" @click=${() => this.show()}>
        <span class="trigger-icon" aria-hidden="true" slot="prefix">✆</span>
        <slot name="label">${t.button}</slot>
      </iop-button>
      ${
        this.open
          ? html`<iop-dialog part="dialog" label=${t.heading} @iop-after-hide=${this.onDialogHidden}
              >${this.renderDialogContent()}</iop-dialog
            >`
          : nothing
      }
    `;
  }
}

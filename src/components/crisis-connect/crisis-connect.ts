import { booleanAttribute } from '../../internal/iop-element.js';
import { html, nothing, type CSSResultGroup, type TemplateResult, type PropertyDeclarations } from 'lit';
import { IopWidget } from '../../internal/iop-widget.js';
import { hostStyles } from '../../design/host.styles.js';
import { crisisConnectStyles } from './crisis-connect.styles.js';
import { crisisMessages, type CrisisMessages } from './crisis-connect.messages.js';
import { REGION_HELP, type BuiltInHotline } from '../../core/region-help.js';
import type { Hotline, Region } from '../../core/schemas.js';
import { pageLinkHref, smsHref, telHref } from '../../core/links.js';
import type { CrisisLive } from './crisis-live.js';
import { getConfig } from '../../core/config-store.js';
import { fire } from '../../internal/widget-kit.js';
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
 * @csspart button - The crisis button (a `<button>`, styled as iop-button's crisis variant).
 * @csspart dialog - The dialog (an `iop-dialog`).
 * @csspart emergency - The "In danger now?" section.
 * @csspart on-call - The on-call therapist section.
 * @csspart hotlines - The list of crisis lines.
 * @csspart quick-exit - The "leave this site quickly" button.
 *
 * @cssprop --iop-crisis-inset-block-end - Floating: distance from the bottom edge (default 16px, plus the safe area).
 * @cssprop --iop-crisis-inset-inline-end - Floating: distance from the end edge (default 16px, plus the safe area).
 * @cssprop --iop-crisis-z-index - Floating: stacking order where the browser has no popover top layer (default 2147483000).
 * @cssprop --iop-color-crisis - The button's colour.
 *
 * @fires {CustomEvent<void>} iop-crisis-open - The dialog opened.
 * @fires {CustomEvent<void>} iop-crisis-close - The dialog closed.
 * @fires {CustomEvent<CrisisActionDetail>} iop-crisis-action - The person chose a way to get help.
 */
export class IopCrisisConnect extends IopWidget {
  static override styles: CSSResultGroup = [hostStyles, crisisConnectStyles];

  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    region: {},
    includePartner: { type: Boolean, converter: booleanAttribute, attribute: 'include-partner' },
    safetyPlanUrl: { attribute: 'safety-plan-url' },
    quickExitUrl: { attribute: 'quick-exit-url' },
    live: { attribute: false },
    warm: { attribute: false },
  };

  /** `floating` (fixed in the bottom corner, default), `inline` or `compact`. */
  variant: 'floating' | 'inline' | 'compact' = 'floating';
  /** `US` (default), `CA`, `GB` or `AU`: the emergency number and crisis lines shown. */
  region?: Region;
  /** Offer to bring the partner into the emergency video session. */
  includePartner = false;
  /**
   * Where "My safety plan" links to (default: `configure({ safetyPlanUrl })`): a URL, a path or a place on this page
   * (`#plan`, which closes the dialog so the plan behind it shows); hidden when unset or anything else.
   */
  safetyPlanUrl?: string;
  /** Where quick exit goes (default: `configure({ quickExitUrl })`, a weather page). */
  quickExitUrl?: string;

  /**
   * Whether the dialog is open. Not a reactive property: opening sets the dialog's own `open` and re-renders
   * nothing here (the dialog's content is built once, and a tap only has to show it).
   */
  private open = false;
  /**
   * Set in the task after the first paint: the dialog is then rendered closed, so a tap only has to open it (its elements,
   * templates and styles are ready). Before that, a tap renders it first.
   */
  private warm = false;
  /** The backend half (on call, video, chat): loaded with the client when the dialog first opens. */
  private live?: CrisisLive;
  private connecting?: Promise<CrisisLive>;
  /** The crisis button (built in connectedCallback). */
  private trigger?: HTMLButtonElement;

  private get text(): CrisisMessages {
    return crisisMessages[this.resolvedLocale];
  }

  private get shownRegion(): Region {
    const wanted = this.region ?? this.settings.region ?? 'US';
    return Object.hasOwn(REGION_HELP, wanted) ? wanted : 'US';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The button is built here, in the upgrade itself, not in the first render: a person can use it before
    // Lit has run its first update (which then renders only the dialog, after the button).
    this.trigger ??= this.buildTrigger();
    document.addEventListener('focusin', this.keepFocusVisible);
    // Moved in the DOM: leaving it took the floating button out of the top layer.
    if (this.hasUpdated) this.dock();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('focusin', this.keepFocusVisible);
    this.live?.stop();
  }

  protected override onSettingsChanged(): void {
    // New backend settings (or a sign-out): drop what was loaded; the next open loads again.
    this.live?.stop();
    this.live = this.connecting = undefined;
    if (this.open) this.connectSoon();
  }

  /** A backend is configured (by a provider or configure()); without one, the backend code is never loaded. */
  private get hasBackend(): boolean {
    return Boolean(this.settings.baseUrl) || typeof getConfig().backend === 'object';
  }

  /** Loads the backend half after the next paint, so opening the dialog never waits for it. */
  private connectSoon(then?: (live: CrisisLive) => void): void {
    if (!this.hasBackend) return;
    requestAnimationFrame(() => setTimeout(() => void this.connect().then(then)));
  }

  /** The floating button is a popover (see the styles): shown in the top layer whenever it is rendered. */
  private dock(): void {
    const trigger = this.trigger;
    if (trigger?.popover === 'manual' && this.isConnected && !trigger.matches(':popover-open')) {
      trigger.showPopover();
    }
  }

  /**
   * The crisis button, made with plain DOM calls: Lit's first template (parsed, walked and cloned) cost about
   * a third of the time to interactive on a slow phone (issue 14). `syncTrigger` keeps it up to date.
   */
  private buildTrigger(): HTMLButtonElement {
    const button = document.createElement('button');
    button.className = 'trigger btn crisis';
    button.type = 'button';
    button.setAttribute('part', 'button');
    const icon = button.appendChild(document.createElement('span'));
    icon.className = 'trigger-icon';
    icon.ariaHidden = 'true';
    icon.textContent = '✆';
    const label = button.appendChild(document.createElement('slot'));
    label.name = 'label';
    button.addEventListener('click', () => this.show());
    this.renderRoot.prepend(button);
    this.syncTrigger();
    return button;
  }

  /** What the button shows that can change: its label's language and, floating, its popover. */
  private syncTrigger(button = this.trigger): void {
    if (!button) return;
    const label = button.lastElementChild as HTMLSlotElement;
    if (label.textContent !== this.text.button) label.textContent = this.text.button;
    const popover = this.variant === 'floating' ? 'manual' : null;
    if (button.popover !== popover) button.popover = popover;
  }

  protected override updated(): void {
    this.syncTrigger();
    this.dock();
  }

  protected override firstUpdated(): void {
    // Warm up once the button is on screen: the dialog is built (closed) in the task after the first paint, so a
    // tap soon after finds it built; the on-call clinician is made ready (from the cache) when the page is idle.
    requestAnimationFrame(() => setTimeout(() => (this.warm = true)));
    (window.requestIdleCallback ?? setTimeout)(() => {
      // Built by now (the task after the first paint came first): lay it out once, unseen, for a quicker open.
      this.renderRoot.querySelector('iop-dialog')?.prepare();
      if (this.hasBackend) void this.connect();
    });
  }

  /**
   * Loads the backend half (a separate chunk with the client, so the button is interactive and the built-in help
   * shows before it arrives) and connects it with the current settings.
   */
  private connect(): Promise<CrisisLive> {
    const connecting = (this.connecting ??= import('./crisis-live.js').then(({ CrisisLive }) => {
      const live = new CrisisLive(this, this.settings, this.act, this.phoneLink);
      // Settings that changed while the chunk was loading have started another connection.
      if (this.connecting === connecting) this.live = live;
      else live.stop();
      return live;
    }));
    return connecting;
  }

  /** Opens the dialog. */
  show(): void {
    if (this.open) return;
    this.open = true;
    const dialog = this.renderRoot.querySelector('iop-dialog');
    // Built already (warm): only the dialog updates. Otherwise it is built now, open, and counts as warm, so the
    // warm-up timer still to come changes nothing (it re-rendered the dialog just opened, before its first frame).
    if (dialog) dialog.open = true;
    else this.warm = true;
    fire(this, 'iop-crisis-open', null);
    this.connectSoon((live) => live.service.log('crisis-open', 'open'));
  }

  private onDialogHidden(): void {
    if (!this.open) return;
    this.open = false;
    this.live?.closed();
    fire(this, 'iop-crisis-close', null);
    this.live?.service.log('crisis-close', 'close');
  }

  private readonly act = (action: CrisisActionDetail['action'], target?: string): void => {
    fire(this, 'iop-crisis-action', { action, target } satisfies CrisisActionDetail);
    this.connectSoon((live) => live.service.log('crisis-action', action, target));
  };

  private readonly openPlan = (event: Event): void => {
    this.act('safety-plan');
    const link = event.currentTarget as HTMLAnchorElement;
    const page = (url: string) => url.split('#')[0];
    // A plan on this page (`#plan`) is behind the modal dialog: close it so the plan can be seen and used. Not
    // for another page (it stays open until that loads) or a place this page does not have (nothing would show).
    if (page(link.href) === page(location.href) && document.getElementById(link.hash.slice(1)))
      void this.renderRoot.querySelector('iop-dialog')?.hide();
  };

  /**
   * How quick exit leaves the page: `location.replace`, so the page also leaves the history.
   * @ignore Replaceable in tests only.
   */
  navigate: (url: string) => void = (url) => window.location.replace(url);

  /**
   * Blanks the page at once (it would stay on screen while the neutral site loads, as GOV.UK's "Exit this page"
   * also avoids), then leaves. The page is not shown again: with `location.replace` there is no way back to it.
   */
  private quickExit(): void {
    this.act('quick-exit');
    document.documentElement.hidden = true;
    this.navigate(this.quickExitUrl ?? getConfig().quickExitUrl);
  }

  /** WCAG 2.4.11: when focus lands under the floating button, scroll the page so the focused element shows. */
  private readonly keepFocusVisible = (event: FocusEvent): void => {
    if (this.variant !== 'floating' || this.open) return;
    const path = event.composedPath();
    const target = path[0];
    // Its own button (inside the shadow root, so contains() cannot tell) is never "under" itself.
    if (!(target instanceof Element) || path.includes(this)) return;
    const mine = (this.renderRoot.querySelector('.trigger') ?? this).getBoundingClientRect();
    const theirs = target.getBoundingClientRect();
    const overlaps =
      theirs.bottom > mine.top &&
      theirs.top < mine.bottom &&
      theirs.right > mine.left &&
      theirs.left < mine.right;
    if (overlaps) window.scrollBy({ top: theirs.bottom - mine.top + 8, behavior: 'instant' });
  };

  private readonly phoneLink = (
    phone: string,
    label: string,
    action: CrisisActionDetail['action'],
    variant: 'crisis' | 'secondary' | 'primary' = 'secondary',
  ): TemplateResult => {
    const href = telHref(phone);
    if (!href) {
      // A number we cannot dial is shown as text, never as a broken link.
      return html`<span>${this.text.notALink} ${phone}</span>`;
    }
    // The emergency call (the one crisis link) takes focus when the dialog opens: marked `autofocus`, showModal
    // focuses it itself (otherwise it focused the close button, then the dialog moved focus: a second style pass).
    const act = () => this.act(action, phone);
    return html`<a class="btn ${variant}" href=${href} ?autofocus=${variant === 'crisis'} @click=${act}
      >${label}</a
    >`;
  };

  private renderEmergency(): TemplateResult {
    const number = REGION_HELP[this.shownRegion].emergency;
    return html`<section class="emergency" part="emergency" aria-labelledby="emergency-heading">
      <p id="emergency-heading">${this.text.emergency(number)}</p>
      ${this.phoneLink(number, this.text.call(number), 'call-emergency', 'crisis')}
    </section>`;
  }

  private renderOnCall(): TemplateResult | typeof nothing {
    const t = this.text;
    const live = this.live;
    if (!this.hasBackend || (live && !live.hasOnCall)) return nothing;
    const loading = html`<p class="muted">${t.onCallLoading}</p>`;
    return html`<section class="on-call" part="on-call" aria-labelledby="on-call-heading" aria-live="polite">
      <h3 id="on-call-heading">${t.onCallHeading}</h3>
      ${live ? live.onCall(this.resolvedLocale, loading) : loading}
    </section>`;
  }

  /** One crisis line: a built-in one (in the reader's language) or one the backend added. */
  private renderHotline(line: BuiltInHotline | Hotline): TemplateResult {
    const name = typeof line.name === 'string' ? line.name : line.name[this.resolvedLocale];
    const description =
      typeof line.description === 'object' ? line.description[this.resolvedLocale] : line.description;
    const t = this.text;
    const sms = line.sms && smsHref(line.sms.number, line.sms.body);
    const chat = line.chatUrl && /^https:\/\//.test(line.chatUrl) && line.chatUrl;
    // The text and chat links: [href, label, action] when the line has them.
    const links = [
      [sms, t.text(line.sms?.number ?? '', line.sms?.body), 'text-hotline'],
      [chat, t.chatOnline, 'chat-hotline'],
    ] as const;
    return html`<li class="hotline">
      <p class="hotline-name">${name}</p>
      ${description ? html`<p class="muted">${description}</p>` : nothing}
      <div class="actions">
        ${line.phone ? this.phoneLink(line.phone, t.call(line.phone), 'call-hotline') : nothing}
        ${links.map(([href, label, action]) =>
          href
            ? action === 'chat-hotline'
              ? html`<a
                  class="btn secondary"
                  href=${href}
                  target="_blank"
                  rel="noopener noreferrer"
                  @click=${() => this.act(action, line.id)}
                  >${label}</a
                >`
              : html`<a class="btn secondary" href=${href} @click=${() => this.act(action, line.id)}
                  >${label}</a
                >`
            : nothing,
        )}
      </div>
    </li>`;
  }

  private renderDialogContent(): TemplateResult {
    const t = this.text;
    const live = this.live;
    const region = this.shownRegion;
    // The built-in lines never wait for the backend; what it adds comes with the backend part.
    const lines = [...REGION_HELP[region].hotlines, ...(live?.addedHotlines(region) ?? [])];
    const planUrl = pageLinkHref(this.safetyPlanUrl ?? live?.service.safetyPlanUrl);
    return html`
      <p class="intro">${t.intro}</p>
      ${this.renderEmergency()} ${this.renderOnCall()} ${live?.videoSection(this.resolvedLocale)}
      ${live?.chatSection(this.resolvedLocale)}
      <section aria-labelledby="hotlines-heading">
        <h3 id="hotlines-heading">${t.hotlinesHeading}</h3>
        <ul part="hotlines">
          ${lines.map((line) => this.renderHotline(line))}
        </ul>
      </section>
      <section class="leave">
        ${
          planUrl
            ? html`<a class="btn secondary" href=${planUrl} @click=${this.openPlan}>${t.safetyPlan}</a>`
            : nothing
        }
        <button class="btn quiet" part="quick-exit" type="button" @click=${this.quickExit}>
          ${t.quickExit}
        </button>
        <span class="muted">${t.quickExitHint}</span>
      </section>
    `;
  }

  override render() {
    // The button is outside Lit's part (buildTrigger); what Lit renders is the dialog, after it.
    return this.open || this.warm
      ? html`<iop-dialog
          part="dialog"
          .open=${this.open}
          label=${this.text.heading}
          @iop-after-hide=${this.onDialogHidden}
          >${this.renderDialogContent()}</iop-dialog
        >`
      : nothing;
  }
}

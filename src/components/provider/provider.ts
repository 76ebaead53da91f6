import { css, html, type CSSResultGroup, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { ContextCallback, ContextEvent } from '@lit/context';
import { IopElement } from '../../internal/iop-element.js';
import { hostStyles } from '../../design/host.styles.js';
import { providerContext, type ProviderSettings } from '../../internal/context.js';
import type { AccessTokenGetter } from '../../core/config.js';
import type { Region } from '../../core/schemas.js';

/**
 * Gives configuration to every iop-kit widget inside it (a widget's own attributes still win). The access
 * token is set only from JavaScript: `provider.getAccessToken = async () => token`. It is never an attribute.
 *
 * @summary Configuration for the widgets inside it.
 * @tag iop-provider
 *
 * @slot - The widgets (and any other content).
 */
export class IopProvider extends IopElement {
  static override styles: CSSResultGroup = [
    hostStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    programId: { attribute: 'program-id' },
    locale: {},
    region: {},
    getAccessToken: { attribute: false },
  };

  /** Base URL of the clinic's REST API, e.g. `https://api.clinic.example/iop/v1` or `/api/v1`. */
  baseUrl?: string;
  /** The program, when one backend serves several. */
  programId?: string;
  /** The widgets' language (`en` or `es`), unless a closer `lang` says otherwise. */
  locale?: string;
  /** `US`, `CA`, `GB` or `AU`: which emergency number and crisis lines the widgets show. */
  region?: Region;
  /** Returns the access token; called before each request, never stored. JavaScript only. */
  getAccessToken?: AccessTokenGetter;

  /**
   * The widgets that asked for the settings and every later change, with how each stops listening. The community
   * context protocol, answered by hand: @lit/context's ContextProvider does the same in about 500 B more.
   */
  private readonly subscribers = new Map<ContextCallback<ProviderSettings | undefined>, () => void>();

  /**
   * What the widgets get as the token callback: one function for the provider's life that calls the current
   * `getAccessToken`. A portal that passes a new callback on every render (React) does not make them load again.
   */
  private readonly currentToken: AccessTokenGetter = () => this.getAccessToken?.();

  /** The settings last sent to the subscribers, to send only real changes. */
  private sent?: string;

  constructor() {
    super();
    this.addEventListener('context-request', (event) => {
      const request = event as ContextEvent<typeof providerContext>;
      if (request.context !== providerContext || request.contextTarget === this) return;
      event.stopPropagation();
      const { callback } = request;
      if (!request.subscribe) return callback(this.settings);
      const unsubscribe = () => void this.subscribers.delete(callback);
      this.subscribers.set(callback, unsubscribe);
      callback(this.settings, unsubscribe);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Widgets that connected before this provider was defined ask again when it announces itself.
    this.dispatchEvent(
      Object.assign(new Event('context-provider', { bubbles: true, composed: true }), {
        context: providerContext,
        contextTarget: this,
      }),
    );
  }

  /** The settings as the widgets see them (only what is set). */
  get settings(): ProviderSettings {
    const settings: ProviderSettings = {};
    if (this.baseUrl) settings.baseUrl = this.baseUrl;
    if (this.programId) settings.programId = this.programId;
    if (this.locale) settings.locale = this.locale;
    if (this.region) settings.region = this.region;
    if (this.getAccessToken) settings.getAccessToken = this.currentToken;
    return settings;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Every real change goes to every subscriber, the first update included: a page script may set the token
    // before it. A new token callback in place of another is not a change (the widgets call `currentToken`).
    const settings = this.settings;
    const key = JSON.stringify({ ...settings, getAccessToken: Boolean(settings.getAccessToken) });
    if (key !== this.sent) {
      this.sent = key;
      for (const [callback, unsubscribe] of this.subscribers) callback(settings, unsubscribe);
    }
    // Widgets resolve their language from the provider's `locale` too.
    if (changed.has('locale')) window.dispatchEvent(new Event('iop-locale-change'));
  }

  override render() {
    return html`<slot></slot>`;
  }
}

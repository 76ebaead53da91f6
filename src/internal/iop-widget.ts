import type { CSSResultGroup } from 'lit';
import { ContextEvent } from '@lit/context';
import { IopElement } from './iop-element.js';
import { hostStyles, widgetStyles } from '../design/host.styles.js';
import { providerContext, type ProviderSettings } from './context.js';
import { getConfig, onConfigChange } from '../core/config-store.js';

/**
 * The base of every widget: it reads settings from the nearest `<iop-provider>` (over `configure()`), follows
 * their changes and returns to its signed-out state on `signOut()`. A widget's own attributes win over both.
 *
 * @cssprop --iop-font-size-base - The widget's text size (default: the page's, at least 1rem).
 */
export class IopWidget extends IopElement {
  static override styles: CSSResultGroup = [hostStyles, widgetStyles];

  /** The nearest provider's settings, if any. */
  private provided?: ProviderSettings;
  private stopWatchingConfig?: () => void;
  private stopWatchingProvider?: () => void;

  /** The provider's settings over the kit's configuration (without the widget's own attributes). */
  protected get settings(): ProviderSettings {
    const config = getConfig();
    return {
      baseUrl: config.baseUrl,
      programId: config.programId,
      locale: config.locale,
      region: config.region,
      getAccessToken: config.getAccessToken,
      ...this.provided,
    };
  }

  protected override configuredLocales(): ReadonlyArray<string | undefined> {
    return [this.provided?.locale, getConfig().locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestProvider();
    // A provider defined after this widget (or added later) announces itself: ask it then.
    window.addEventListener('context-provider', this.onProviderAppeared);
    this.stopWatchingConfig = onConfigChange(() => this.onSettingsChanged());
    window.addEventListener('iop-signed-out', this.onSignedOut);
  }

  /**
   * Asks the nearest <iop-provider> for its settings and every later change (the context protocol; a plain
   * event rather than @lit/context's ContextConsumer, which the crisis button would otherwise load first).
   */
  private requestProvider(): void {
    this.dispatchEvent(
      new ContextEvent(
        providerContext,
        this,
        (value, unsubscribe) => {
          if (unsubscribe !== this.stopWatchingProvider) {
            this.stopWatchingProvider?.();
            this.stopWatchingProvider = unsubscribe;
          }
          this.provided = value;
          this.refreshLocale();
          this.requestUpdate();
          this.onSettingsChanged();
        },
        true,
      ),
    );
  }

  private readonly onProviderAppeared = (event: Event): void => {
    const { context, contextTarget } = event as Event & { context?: unknown; contextTarget?: Element };
    if (context === providerContext && !this.stopWatchingProvider && contextTarget?.contains(this)) {
      this.requestProvider();
    }
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingProvider?.();
    this.stopWatchingProvider = undefined;
    this.stopWatchingConfig?.();
    window.removeEventListener('context-provider', this.onProviderAppeared);
    window.removeEventListener('iop-signed-out', this.onSignedOut);
  }

  private readonly onSignedOut = (): void => this.onSettingsChanged();

  /**
   * Called when the provider's settings, the configuration or the signed-in state change. Widgets drop what
   * they loaded and load again with the new settings; the default re-renders.
   */
  protected onSettingsChanged(): void {
    this.requestUpdate();
  }
}

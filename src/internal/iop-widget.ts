import type { CSSResultGroup } from 'lit';
import type { ContextCallback } from '@lit/context';
import { IopElement } from './iop-element.js';
import { hostStyles, widgetStyles } from '../design/host.styles.js';
import { providerContext, type ProviderSettings } from './context.js';
import { getConfig, onConfigChange } from '../core/config-store.js';

/** A class that makes IopElements (what a mixin extends). */
// A mixin's base must take `...args: any[]` (TypeScript's rule for mixin constructors).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor<T> = new (...args: any[]) => T;

/**
 * What the mixin adds, as subclasses see it. Declaration files cannot describe a class expression's private
 * members, so the mixin's type is this shape (the usual pattern for Lit mixins).
 */
export declare class WidgetMembers {
  /** The provider's settings over the kit's configuration (without the widget's own attributes). */
  protected get settings(): ProviderSettings;
  /** Called when the provider's settings, the configuration or the signed-in state change. */
  protected onSettingsChanged(): void;
}

/**
 * Widget behaviour for any kit element (IopWidget, or a primitive such as IopSwitch): it reads settings from
 * the nearest `<iop-provider>` (over `configure()`), follows their changes and calls `onSettingsChanged()`
 * on those and on `signOut()`.
 */
export const WidgetMixin = <T extends Constructor<IopElement>>(Base: T): T & Constructor<WidgetMembers> => {
  class Widget extends Base {
    /** The nearest provider's settings, if any. */
    private provided?: ProviderSettings;
    private stopWatchingConfig?: () => void;
    private stopWatchingProvider?: () => void;

    /** The provider's settings over the kit's configuration (without the widget's own attributes). */
    protected get settings(): ProviderSettings {
      return { ...getConfig(), ...this.provided };
    }

    protected override configuredLocales(): ReadonlyArray<string | undefined> {
      return [this.provided?.locale, getConfig().locale];
    }

    override connectedCallback(): void {
      super.connectedCallback();
      this.requestProvider();
      // A provider defined after this widget (or added later) announces itself: ask it then.
      addEventListener('context-provider', this.onProviderAppeared);
      this.stopWatchingConfig = onConfigChange(this.onSignedOut);
      addEventListener('iop-signed-out', this.onSignedOut);
    }

    /**
     * Asks the nearest <iop-provider> for its settings and every later change: a `context-request` event of the
     * community context protocol, made by hand like the provider's answer (@lit/context's ContextConsumer and
     * ContextEvent would ship with the crisis button, which must stay small).
     */
    private requestProvider(): void {
      const callback: ContextCallback<ProviderSettings | undefined> = (value, unsubscribe) => {
        if (unsubscribe !== this.stopWatchingProvider) {
          this.stopWatchingProvider?.();
          this.stopWatchingProvider = unsubscribe;
        }
        this.provided = value;
        this.refreshLocale();
        this.requestUpdate();
        this.onSettingsChanged();
      };
      this.dispatchEvent(
        Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
          context: providerContext,
          contextTarget: this,
          callback,
          subscribe: true,
        }),
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
      removeEventListener('context-provider', this.onProviderAppeared);
      removeEventListener('iop-signed-out', this.onSignedOut);
    }

    /** Configuration changed or the participant signed out. */
    private readonly onSignedOut = (): void => this.onSettingsChanged();

    /**
     * Called when the provider's settings, the configuration or the signed-in state change. Widgets drop what
     * they loaded and load again with the new settings; the default re-renders.
     */
    protected onSettingsChanged(): void {
      this.requestUpdate();
    }
  }
  return Widget as unknown as T & Constructor<WidgetMembers>;
};

/**
 * The base of every widget: it reads settings from the nearest `<iop-provider>` (over `configure()`), follows
 * their changes and returns to its signed-out state on `signOut()`. A widget's own attributes win over both.
 *
 * @cssprop --iop-font-size-base - The widget's text size (default: the page's; never below 1rem nor 16 px).
 */
export class IopWidget extends WidgetMixin(IopElement) {
  static override styles: CSSResultGroup = [hostStyles, widgetStyles];
}

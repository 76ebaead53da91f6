import {
  html,
  nothing,
  svg,
  type CSSResultGroup,
  type SVGTemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { IopElement, booleanAttribute } from '../../internal/iop-element.js';
import type { IopEventDetailMap } from '../../events.js';
import { hostStyles, srOnly } from '../../design/host.styles.js';
import type { Catalog } from '../../core/locale.js';
import { alertStyles } from './alert.styles.js';

export type AlertVariant = 'info' | 'success' | 'warning' | 'danger';
export type AlertLive = 'polite' | 'assertive' | 'off';

/** Detail of `iop-dismiss`: which alert the user closed. */
export interface AlertDismissDetail {
  variant: AlertVariant;
}

/** The words read before the message, so the variant never depends on colour or the icon. */
export const alertMessages: Catalog<Record<AlertVariant | 'dismiss', string>> = {
  en: { info: 'Note:', success: 'Done:', warning: 'Warning:', danger: 'Problem:', dismiss: 'Dismiss' },
  es: { info: 'Nota:', success: 'Listo:', warning: 'Atención:', danger: 'Problema:', dismiss: 'Descartar' },
};

const icons: Record<AlertVariant, SVGTemplateResult> = {
  info: svg`<circle cx="10" cy="10" r="8" /><path d="M10 9v5M10 6.2v.1" />`,
  success: svg`<circle cx="10" cy="10" r="8" /><path d="M6.5 10.5l2.5 2.5 4.5-5.5" />`,
  warning: svg`<path d="M10 2.5l8 14.5H2z" /><path d="M10 8v4M10 14.4v.1" />`,
  danger: svg`<path d="M6.7 2h6.6L18 6.7v6.6L13.3 18H6.7L2 13.3V6.7z" /><path d="M10 6v5M10 13.9v.1" />`,
};
const closeIcon = svg`<path d="M5 5l10 10M15 5L5 15" />`;
const variants: readonly AlertVariant[] = ['info', 'success', 'warning', 'danger'];

/**
 * A message that tells the person something changed: info, success, warning or danger.
 *
 * By default it is a polite live region (`role="status"`); `live="assertive"` makes it `role="alert"` for
 * what must interrupt; `live="off"` makes it a plain message. Screen readers announce a live region's
 * CHANGES: put the alert in the page first (empty or with earlier text), then change its text. Text already
 * there when it connects is not announced (except, in most screen readers, an assertive alert's).
 * The variant is read as a word before the message ("Warning: ..."), and the icon has a different shape per
 * variant, so nothing relies on colour.
 *
 * A dismissed alert hides itself (`hidden`) unless the `iop-dismiss` event is cancelled.
 *
 * @summary Status and alert live regions with a non-colour icon and an optional Dismiss button.
 * @tag iop-alert
 *
 * @slot - The message.
 *
 * @csspart base - The alert's box.
 * @csspart icon - The variant's icon (hidden from assistive technology; the variant is read as a word).
 * @csspart message - The message's wrapper.
 * @csspart close-button - The Dismiss button (only when `dismissible`).
 *
 * @cssprop --iop-color-info-surface - Background of `info`; also `--iop-color-success-surface`,
 * `--iop-color-warning-surface`, `--iop-color-danger-surface`.
 * @cssprop --iop-color-accent - Border and icon of `info`; `success`, `warning` and `danger` use
 * `--iop-color-success`, `--iop-color-warning`, `--iop-color-danger`.
 * @cssprop --iop-color-text - The message.
 *
 * @fires iop-dismiss - `CustomEvent<AlertDismissDetail>` (bubbles, composed, cancelable) when the user presses
 * Dismiss; cancel it to keep the alert shown.
 */
export class IopAlert extends IopElement {
  static override styles: CSSResultGroup = [hostStyles, srOnly, alertStyles];

  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    live: { reflect: true },
    dismissible: { type: Boolean, converter: booleanAttribute, reflect: true },
  };

  /** `info` (default), `success`, `warning` or `danger`. */
  variant: AlertVariant = 'info';
  /** `polite` (default, role status), `assertive` (role alert) or `off` (not a live region). */
  live: AlertLive = 'polite';
  /** Shows a Dismiss button. */
  dismissible = false;

  private get safeVariant(): AlertVariant {
    return variants.includes(this.variant) ? this.variant : 'info';
  }

  private get liveRole(): 'status' | 'alert' | undefined {
    if (this.live === 'off') return undefined;
    return this.live === 'assertive' ? 'alert' : 'status';
  }

  private dismiss(): void {
    const event = new CustomEvent<IopEventDetailMap['iop-dismiss']>('iop-dismiss', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: { variant: this.safeVariant },
    });
    if (this.dispatchEvent(event)) this.hidden = true;
  }

  override render() {
    const variant = this.safeVariant;
    const t = alertMessages[this.resolvedLocale];
    return html`<div part="base" class="alert">
      <div class="live" role=${this.liveRole ?? nothing} aria-atomic="true">
        <span part="icon" class="icon" aria-hidden="true">
          <svg viewBox="0 0 20 20" focusable="false">${icons[variant]}</svg>
        </span>
        <span class="sr-only">${t[variant]}</span>
        <div part="message" class="message"><slot></slot></div>
      </div>
      ${
        this.dismissible
          ? html`<button
              part="close-button"
              class="close"
              type="button"
              aria-label=${t.dismiss}
              @click=${this.dismiss}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">${closeIcon}</svg>
            </button>`
          : nothing
      }
    </div>`;
  }
}

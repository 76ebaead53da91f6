import { html, nothing, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { IopElement, booleanAttribute } from '../../internal/iop-element.js';
import { hostStyles, srOnly } from '../../design/host.styles.js';
import { buttonStyles } from './button.styles.js';

const messages = { en: { loading: 'Loading' }, es: { loading: 'Cargando' } };

/**
 * A button, or a link that looks like one when `href` is set.
 *
 * @summary Buttons for actions; the `crisis` variant is never smaller than 44 px.
 * @tag iop-button
 *
 * @slot - The label.
 * @slot prefix - Before the label, e.g. an icon.
 * @slot suffix - After the label.
 *
 * @csspart base - The native `<button>` or `<a>`.
 * @csspart label - The label's wrapper.
 * @csspart spinner - The loading indicator.
 *
 * @cssprop --iop-color-accent - Background of `primary`, text of `secondary` and `quiet`.
 * @cssprop --iop-color-on-accent - Text of `primary`.
 * @cssprop --iop-color-crisis - Background of `crisis`.
 * @cssprop --iop-color-on-crisis - Text of `crisis`.
 * @cssprop --iop-radius-md - Corner radius.
 */
export class IopButton extends IopElement {
  static override styles: CSSResultGroup = [hostStyles, srOnly, buttonStyles];
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...IopElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    size: { reflect: true },
    loading: { type: Boolean, converter: booleanAttribute, reflect: true },
    disabled: { type: Boolean, converter: booleanAttribute, reflect: true },
    href: {},
    target: {},
    download: {},
    type: {},
    block: { type: Boolean, converter: booleanAttribute, reflect: true },
  };

  /** The look: `primary` (default), `secondary`, `crisis` or `quiet`. */
  variant: 'primary' | 'secondary' | 'crisis' | 'quiet' = 'primary';
  /** `sm`, `md` (default) or `lg`. */
  size: 'sm' | 'md' | 'lg' = 'md';
  /** Shows a spinner, announces "Loading" and ignores activation, keeping the label in place. */
  loading = false;
  /** Disables the button (kept focusable as a link is not: see `aria-disabled`). */
  disabled = false;
  /** Makes it a link to this URL. */
  href?: string;
  /** The link's target, e.g. `_blank` (adds `rel="noopener noreferrer"`). */
  target?: string;
  /** The link's `download` file name. */
  download?: string;
  /** `button` (default), `submit` or `reset`: what it does inside a form. */
  type: 'button' | 'submit' | 'reset' = 'button';
  /** Full width of its container. */
  block = false;

  private readonly internals = this.attachInternals();

  constructor() {
    super();
    // Swallow activation while disabled or loading, including clicks on the host's own box.
    this.addEventListener('click', (event) => this.guardClick(event), { capture: true });
  }

  private get blocked(): boolean {
    return this.disabled || this.loading;
  }

  private guardClick(event: MouseEvent): void {
    if (this.blocked) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const form = this.internals.form;
    if (!this.href && form) {
      if (this.type === 'submit') form.requestSubmit();
      else if (this.type === 'reset') form.reset();
    }
  }

  override render() {
    const content = html`
      <slot name="prefix"></slot>
      ${
        this.loading
          ? html`<span part="spinner" class="spinner" aria-hidden="true"></span
              ><span class="sr-only" role="status">${messages[this.resolvedLocale].loading}</span>`
          : nothing
      }
      <span part="label" class="label"><slot></slot></span>
      <slot name="suffix"></slot>
    `;
    if (this.href !== undefined) {
      // A disabled link has no href, so it cannot be followed; aria-disabled tells assistive technology why.
      return html`<a
        part="base"
        class="button"
        href=${this.disabled ? nothing : this.href}
        target=${this.target ?? nothing}
        rel=${this.target === '_blank' ? 'noopener noreferrer' : nothing}
        download=${this.download ?? nothing}
        role=${this.disabled ? 'link' : nothing}
        aria-disabled=${this.blocked ? 'true' : 'false'}
        aria-busy=${this.loading ? 'true' : 'false'}
        >${content}</a
      >`;
    }
    return html`<button
      part="base"
      class="button"
      type="button"
      aria-disabled=${this.blocked ? 'true' : 'false'}
      aria-busy=${this.loading ? 'true' : 'false'}
    >
      ${content}
    </button>`;
  }
}

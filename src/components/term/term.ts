import { html, nothing, type CSSResultGroup, type PropertyValues, type PropertyDeclarations } from 'lit';
import { IopElement, booleanAttribute } from '../../internal/iop-element.js';
import type { IopEventDetailMap } from '../../events.js';
import { hostStyles } from '../../design/host.styles.js';
import { termStyles } from './term.styles.js';

/** The detail of `iop-term-toggle`. */
export interface TermToggleDetail {
  open: boolean;
}

/** Space between the term and its definition, and between the definition and the screen's edge, in px. */
const GAP = 6;
const EDGE = 8;

/**
 * A glossary term that opens a short plain-language definition (the WAI-ARIA toggletip pattern): the term is a
 * real button; its definition is written into a polite live region when it opens, so screen readers read it.
 * Escape closes it and keeps focus on the term; so does a click anywhere else.
 *
 * @summary A glossary term; press it to read what it means.
 * @tag iop-term
 *
 * @slot - The term, e.g. "deductible".
 * @slot definition - The definition (rich text). Or use the `definition` attribute for plain text.
 *
 * @csspart term - The `<button>` that shows the term.
 * @csspart definition - The bubble with the definition.
 *
 * @cssprop --iop-term-definition-width - The widest the definition gets (default 20rem; never wider than the screen).
 * @cssprop --iop-color-accent - The term's dotted underline.
 * @cssprop --iop-color-surface-raised - The definition's background.
 *
 * @fires {CustomEvent<TermToggleDetail>} iop-term-toggle - The definition opened or closed; `detail.open` says which.
 */
export class IopTerm extends IopElement {
  static override styles: CSSResultGroup = [hostStyles, termStyles];

  static override properties: PropertyDeclarations = {
    definition: {},
    open: { type: Boolean, converter: booleanAttribute, reflect: true },
  };

  /** The definition as plain text, when the `definition` slot is not used. */
  definition = '';
  /** Whether the definition is showing. */
  open = false;

  private get termButton(): HTMLButtonElement {
    return this.renderRoot.querySelector<HTMLButtonElement>('[part="term"]')!;
  }
  private get bubble(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('[part="definition"]')!;
  }

  private readonly onDocumentClick = (event: MouseEvent): void => {
    if (!event.composedPath().includes(this)) this.setOpen(false);
  };

  private readonly onViewportChange = (): void => this.place();

  /** Shows the definition. */
  show(): void {
    this.setOpen(true);
  }

  /** Hides the definition. */
  hide(): void {
    this.setOpen(false);
  }

  /** Shows the definition when hidden, hides it when shown. */
  toggle(): void {
    this.setOpen(!this.open);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening();
  }

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    this.dispatchEvent(
      new CustomEvent<IopEventDetailMap['iop-term-toggle']>('iop-term-toggle', {
        detail: { open },
        bubbles: true,
        composed: true,
      }),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const bubble = this.bubble;
    if (this.open) {
      // The top layer: never clipped by a scrolling container (a dialog's body, a card) around the term.
      if (!bubble.matches(':popover-open')) bubble.showPopover();
      this.place();
      document.addEventListener('click', this.onDocumentClick, true);
      window.addEventListener('resize', this.onViewportChange);
      window.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
    } else if (changed.get('open') === true) {
      if (bubble.matches(':popover-open')) bubble.hidePopover();
      this.stopListening();
    }
  }

  private stopListening(): void {
    document.removeEventListener('click', this.onDocumentClick, true);
    window.removeEventListener('resize', this.onViewportChange);
    window.removeEventListener('scroll', this.onViewportChange, { capture: true });
  }

  /** Puts the definition under the term (above it when there is no room), inside the screen's width. */
  private place(): void {
    const bubble = this.bubble;
    const term = this.termButton.getBoundingClientRect();
    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = window.innerHeight;
    const left = Math.max(EDGE, Math.min(term.left, viewportWidth - EDGE - bubble.offsetWidth));
    let top = term.bottom + GAP;
    const above = term.top - GAP - bubble.offsetHeight;
    if (top + bubble.offsetHeight > viewportHeight - EDGE && above >= EDGE) top = above;
    // CSSOM writes of custom properties, not a style attribute in markup: allowed under a strict CSP.
    bubble.style.setProperty('--_x', `${Math.round(left)}px`);
    bubble.style.setProperty('--_y', `${Math.round(top)}px`);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.open) return;
    // Cancelled so a dialog around the term stays open: Escape closes the innermost thing only.
    event.preventDefault();
    this.setOpen(false);
    this.termButton.focus();
  }

  override render() {
    return html`<button
        part="term"
        class="term"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="definition"
        @click=${this.toggle}
        @keydown=${this.onKeydown}
      >
        <slot></slot></button
      ><span role="status" class="live"
        ><span
          part="definition"
          id="definition"
          class="definition"
          popover="manual"
          @keydown=${this.onKeydown}
          >${this.open ? html`<slot name="definition">${this.definition}</slot>` : nothing}</span
        ></span
      >`;
  }
}

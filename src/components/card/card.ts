import { html, type CSSResultGroup, type TemplateResult, type PropertyDeclarations } from 'lit';
import { IopElement } from '../../internal/iop-element.js';
import { hostStyles } from '../../design/host.styles.js';
import { cardStyles } from './card.styles.js';

/** The heading levels a card may use; the page's outline decides which (default 2). */
export type CardHeadingLevel = 2 | 3 | 4 | 5 | 6;

type SlotName = 'heading' | 'footer' | 'actions';

/** Clamps any attribute value to a real heading level, 2 by default. */
export function cardHeadingLevel(value: unknown): CardHeadingLevel {
  const level = Math.round(Number(value));
  return (Number.isFinite(level) ? Math.min(6, Math.max(2, level)) : 2) as CardHeadingLevel;
}

/**
 * A surface that groups related content: a heading, a body, a footer and actions.
 *
 * The heading slot is wrapped in a real `<h2>`..`<h6>` (from `heading-level`), so put text or inline content
 * in it, not another heading. Empty header and footer areas are hidden.
 *
 * @summary A card: `raised` (default), `outlined` or `crisis` (crisis-coloured border and heading).
 * @tag iop-card
 *
 * @slot heading - The card's title (inline content; the card supplies the heading element).
 * @slot - The body.
 * @slot footer - Small print or meta information at the bottom.
 * @slot actions - Buttons or links, at the end of the footer.
 *
 * @csspart base - The card's surface.
 * @csspart header - The area holding the heading.
 * @csspart heading - The `<h2>`..`<h6>` element.
 * @csspart body - The body.
 * @csspart footer - The area holding the footer and the actions.
 * @csspart actions - The actions' wrapper.
 *
 * @cssprop --iop-color-surface-raised - The card's background.
 * @cssprop --iop-color-border - The border of `raised` and `outlined` cards.
 * @cssprop --iop-color-crisis - The border and heading colour of `crisis` cards.
 * @cssprop --iop-elevation-2 - The shadow of `raised` cards.
 * @cssprop --iop-radius-lg - The corner radius.
 */
export class IopCard extends IopElement {
  static override styles: CSSResultGroup = [hostStyles, cardStyles];

  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    filled: { attribute: false },
  };

  /** `raised` (default), `outlined` or `crisis`. */
  variant: 'raised' | 'outlined' | 'crisis' = 'raised';
  /** The heading's level, 2 to 6 (default 2), so the card fits the page's outline. */
  headingLevel: CardHeadingLevel = 2;

  private filled: Record<SlotName, boolean> = { heading: false, footer: false, actions: false };

  override connectedCallback(): void {
    super.connectedCallback();
    // Know at first render which areas have content, so empty ones never flash or reach the a11y tree.
    this.filled = {
      heading: this.hasSlotted('heading'),
      footer: this.hasSlotted('footer'),
      actions: this.hasSlotted('actions'),
    };
  }

  private hasSlotted(name: SlotName): boolean {
    return this.querySelector(`:scope > [slot="${name}"]`) !== null;
  }

  private onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    const name = slot.name as SlotName;
    const has = slot.assignedNodes({ flatten: true }).length > 0;
    if (this.filled[name] !== has) this.filled = { ...this.filled, [name]: has };
  }

  private heading(): TemplateResult {
    const slot = html`<slot name="heading" @slotchange=${this.onSlotChange}></slot>`;
    // Static templates per level: a real heading element, no role="heading" needed.
    switch (cardHeadingLevel(this.headingLevel)) {
      case 3:
        return html`<h3 part="heading" class="heading">${slot}</h3>`;
      case 4:
        return html`<h4 part="heading" class="heading">${slot}</h4>`;
      case 5:
        return html`<h5 part="heading" class="heading">${slot}</h5>`;
      case 6:
        return html`<h6 part="heading" class="heading">${slot}</h6>`;
      default:
        return html`<h2 part="heading" class="heading">${slot}</h2>`;
    }
  }

  override render() {
    const { heading, footer, actions } = this.filled;
    return html`<div part="base" class="card">
      <div part="header" class="header" ?hidden=${!heading}>${this.heading()}</div>
      <div part="body" class="body"><slot></slot></div>
      <div part="footer" class="footer" ?hidden=${!footer && !actions}>
        <slot name="footer" @slotchange=${this.onSlotChange}></slot>
        <div part="actions" class="actions" ?hidden=${!actions}>
          <slot name="actions" @slotchange=${this.onSlotChange}></slot>
        </div>
      </div>
    </div>`;
  }
}

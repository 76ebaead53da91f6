import { html, nothing, type CSSResultGroup, type PropertyValues, type PropertyDeclarations } from 'lit';
import { IopElement, booleanAttribute } from '../../internal/iop-element.js';
import type { IopEventDetailMap } from '../../events.js';
import { hostStyles } from '../../design/host.styles.js';
import { dialogStyles } from './dialog.styles.js';
import { deepActiveElement, findAutofocus, tabbableElements } from './focusable.js';

const messages = { en: { close: 'Close' }, es: { close: 'Cerrar' } };

/** What asked the dialog to close. */
export type DialogHideSource = 'escape' | 'close-button' | 'backdrop' | 'method';

/** The detail of `iop-hide`. */
export interface DialogHideDetail {
  source: DialogHideSource;
}

/** Dialogs that hold the page's scrolling, and the overflow to put back when the last one lets go. */
const scrollLockers = new Set<object>();
let pageOverflow = '';

/** Locks (or unlocks) the page's scrolling for `holder`. A CSSOM write, not a style attribute: strict-CSP safe. */
function lockScroll(holder: object, lock: boolean): void {
  const style = document.documentElement.style;
  if (lock) {
    if (!scrollLockers.size) [pageOverflow, style.overflow] = [style.overflow, 'hidden'];
    scrollLockers.add(holder);
  } else if (scrollLockers.delete(holder) && !scrollLockers.size) style.overflow = pageOverflow;
}

/**
 * A modal dialog on the native `<dialog>` element (top layer): labelled by its heading, focus moved inside,
 * trapped and given back, Escape and a close button to leave, and the page behind it does not scroll.
 *
 * @summary A modal dialog. Backdrop clicks close it only with `light-dismiss`, so crisis help never closes by accident.
 * @tag iop-dialog
 *
 * @slot heading - The title; names the dialog. Use this or the `label` attribute.
 * @slot - The content.
 * @slot footer - Actions, e.g. buttons. Hidden when empty.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The row with the heading and the close button.
 * @csspart heading - The `<h2>` that names the dialog.
 * @csspart body - The content; it scrolls when the dialog is taller than the screen.
 * @csspart footer - The footer with the actions.
 * @csspart close-button - The close button (44 px).
 *
 * @cssprop --iop-dialog-width - The widest the dialog gets (default 32rem).
 * @cssprop --iop-dialog-backdrop - The colour over the page behind the dialog.
 * @cssprop --iop-color-surface-raised - The dialog's background.
 * @cssprop --iop-radius-lg - Corner radius.
 *
 * @fires {CustomEvent<void>} iop-show - The dialog starts to open.
 * @fires {CustomEvent<void>} iop-after-show - The dialog is open and its opening animation is over.
 * @fires {CustomEvent<DialogHideDetail>} iop-hide - The dialog is asked to close; `detail.source` says how
 *   (`escape`, `close-button`, `backdrop`, `method`). Cancelable: `preventDefault()` keeps it open.
 * @fires {CustomEvent<void>} iop-after-hide - The dialog has closed and focus is back where it was.
 */
export class IopDialog extends IopElement {
  static override styles: CSSResultGroup = [hostStyles, dialogStyles];

  static override properties: PropertyDeclarations = {
    open: { type: Boolean, converter: booleanAttribute, reflect: true },
    label: {},
    lightDismiss: { type: Boolean, converter: booleanAttribute, reflect: true, attribute: 'light-dismiss' },
    hasFooter: { attribute: false },
    bodyScrolls: { attribute: false },
  };

  /** Whether the dialog is open. Setting it opens or closes the dialog (closing this way is not cancelable). */
  open = false;
  /** The title, when the `heading` slot is not used. */
  label = '';
  /** Lets a click on the backdrop close the dialog. Off by default: crisis dialogs must not close by accident. */
  lightDismiss = false;

  private hasFooter = false;

  private bodyScrolls = false;

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog')!;
  }
  private get body(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('[part=body]')!;
  }
  private get closeButton(): HTMLButtonElement {
    return this.renderRoot.querySelector('button')!;
  }
  private bodyObserver?: ResizeObserver;

  /** Where focus was before the dialog opened (may be inside another shadow root). */
  private returnFocusTo: Element | null = null;
  /** Set when `iop-hide` has already been sent for the close in progress. */
  private hideAnnounced = false;
  /** True when the pointer went down on the backdrop (so a drag that starts inside never dismisses). */
  private pressedBackdrop = false;

  /** Opens the dialog. Resolves once it is open. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /**
   * Asks the dialog to close, as a script would (`iop-hide` with source `method`, cancelable).
   * Resolves to false when a listener kept it open.
   */
  async hide(): Promise<boolean> {
    const closed = this.requestHide('method');
    await this.updateComplete;
    return closed;
  }

  /**
   * Lays the closed dialog out once, unseen, so that opening it later is quick: the browser keeps what it learnt
   * (text shaping, matched styles). At 4x CPU, the crisis dialog's first open took about 90 ms and a second one
   * about 30 ms (issue 14). Synchronous: the dialog is shown and hidden again inside one task, before any paint.
   */
  prepare(): void {
    const dialog = this.hasUpdated && this.dialog;
    if (!dialog || dialog.open) return;
    // Shown and laid out, then hidden again before anything can paint (CSSOM, so a strict CSP allows it).
    dialog.style.display = 'flex';
    void dialog.offsetHeight;
    dialog.style.display = '';
  }

  /** Same as `hide()`. */
  close(): Promise<boolean> {
    return this.hide();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM while open: the browser closed the native dialog, so open it again.
    if (this.open && this.hasUpdated) void this.updateComplete.then(() => this.reopen());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    lockScroll(this, false);
    this.bodyObserver?.disconnect();
  }

  protected override firstUpdated(): void {
    // A body that scrolls must be reachable by keyboard (WCAG 2.1.1): it becomes a tab stop only then.
    this.bodyObserver = new ResizeObserver(() => this.measureBody());
    this.bodyObserver.observe(this.body);
  }

  private measureBody(): void {
    this.bodyScrolls = this.body.scrollHeight > this.body.clientHeight + 1;
  }

  private reopen(): void {
    // Leaving the DOM took the native dialog out of the top layer but left it `open`.
    if (this.dialog.open && !this.dialog.matches(':modal')) this.dialog.close();
    this.openDialog();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) this.openDialog();
    else if (changed.get('open') === true) this.closeDialog();
  }

  /** Sends a bubbling, composed event; false when a listener cancelled it. */
  private emit<K extends 'iop-show' | 'iop-after-show' | 'iop-hide' | 'iop-after-hide'>(
    name: K,
    detail?: IopEventDetailMap[K],
    cancelable = false,
  ): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  private requestHide(source: DialogHideSource): boolean {
    if (!this.open) return true;
    if (!this.emit('iop-hide', { source } satisfies DialogHideDetail, true)) return false;
    this.hideAnnounced = true;
    this.open = false;
    return true;
  }

  private openDialog(): void {
    const dialog = this.dialog;
    this.returnFocusTo = deepActiveElement();
    this.emit('iop-show');
    // The page's overflow is set before showModal, which lays the page out to focus: set after, it made the
    // focus step below style and lay out the page a second time (about a quarter of a tap's time, issue 14).
    lockScroll(this, true);
    dialog.showModal();
    this.focusInitial();
    void Promise.all(dialog.getAnimations({ subtree: true }).map((animation) => animation.finished))
      .catch(() => undefined)
      .then(() => {
        if (this.open) this.emit('iop-after-show');
      });
  }

  private closeDialog(): void {
    if (!this.hideAnnounced) this.emit('iop-hide', { source: 'method' } satisfies DialogHideDetail);
    this.hideAnnounced = false;
    if (this.dialog.open) this.dialog.close();
    lockScroll(this, false);
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
    this.emit('iop-after-hide');
  }

  /** `autofocus` wins; then the first focusable element of the content; then the close button. */
  private focusInitial(): void {
    const closeButton = this.closeButton;
    const inContent = tabbableElements(this.dialog).filter(
      (element) => element !== closeButton && element !== this.body,
    );
    const target = findAutofocus(this.dialog) ?? inContent[0] ?? closeButton;
    target.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      // A nested widget (an open glossary term, a menu) that used Escape has cancelled the key already.
      if (event.defaultPrevented) return;
      // Cancelling keydown also stops the browser's own close request, so `iop-hide` can keep the dialog open.
      event.preventDefault();
      this.requestHide('escape');
      return;
    }
    if (event.key === 'Tab') this.trapTab(event);
  }

  /** Keeps Tab and Shift+Tab inside: from the last stop to the first and back. */
  private trapTab(event: KeyboardEvent): void {
    const stops = tabbableElements(this.dialog);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const index = stops.indexOf(deepActiveElement() as HTMLElement);
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (index === -1 || index === stops.length - 1)) {
      event.preventDefault();
      first.focus();
    }
  }

  /** The browser's own close request (e.g. Escape that reached it, or Android's back gesture). */
  private onCancel(event: Event): void {
    event.preventDefault();
    this.requestHide('escape');
  }

  /** The native dialog closed without us (the browser may force it): bring `open` back in sync. */
  private onNativeClose(): void {
    // The event is queued: by the time it arrives the dialog may have been opened again.
    if (!this.open || this.dialog.open) return;
    this.hideAnnounced = true;
    this.emit('iop-hide', { source: 'escape' } satisfies DialogHideDetail);
    this.open = false;
  }

  /**
   * The native dialog's children fill its box, so a click whose target is the `<dialog>` itself landed on the
   * backdrop. It must also have started there: a drag from inside ends with the dialog as its target too.
   */
  private onPointerdown(event: PointerEvent): void {
    this.pressedBackdrop = event.target === this.dialog;
  }

  private onClick(event: MouseEvent): void {
    if (this.pressedBackdrop && event.target === this.dialog && this.lightDismiss)
      this.requestHide('backdrop');
    this.pressedBackdrop = false;
  }

  private onFooterSlotChange(event: Event): void {
    this.hasFooter = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  override render() {
    const text = messages[this.resolvedLocale];
    // Styled by element and part (no classes): the smallest markup. The svg is decorative: the label names it.
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      @keydown=${this.onKeydown}
      @cancel=${this.onCancel}
      @close=${this.onNativeClose}
      @pointerdown=${this.onPointerdown}
      @click=${this.onClick}
    >
      <div part="header">
        <h2 part="heading" id="heading"><slot name="heading">${this.label}</slot></h2>
        <button part="close-button" aria-label=${text.close} @click=${() => this.requestHide('close-button')}>
          <svg viewBox="0 0 24 24"><path d="M6 6l12 12M18 6L6 18" /></svg>
        </button>
      </div>
      <div part="body" tabindex=${this.bodyScrolls ? 0 : nothing}>
        <slot @slotchange=${this.measureBody}></slot>
      </div>
      <div part="footer" ?hidden=${!this.hasFooter}>
        <slot name="footer" @slotchange=${this.onFooterSlotChange}></slot>
      </div>
    </dialog>`;
  }
}

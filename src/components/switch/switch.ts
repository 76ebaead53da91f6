import { html, nothing, svg, type CSSResultGroup, type PropertyValues, type PropertyDeclarations } from 'lit';
import { IopElement, booleanAttribute } from '../../internal/iop-element.js';
import { hostStyles } from '../../design/host.styles.js';
import { switchStyles } from './switch.styles.js';
import { switchMessages as messages } from './switch.messages.js';

/** The state string the switch hands to the browser for back/forward restore (`formStateRestoreCallback`). */
export type SwitchRestoreState = 'checked' | 'unchecked';

const checkIcon = svg`<path d="M3.5 8.5l3 3 6-7" />`;
const offIcon = svg`<path d="M4.5 8h7" />`;

/**
 * An on/off switch that works in a plain HTML form like a checkbox does.
 *
 * The control is a native `<button role="switch" aria-checked>` in the shadow root (focus is delegated to it).
 * It toggles with a click, Space or Enter. Inside a `<form>` it submits `name=value` only when on, resets to
 * its `checked` attribute, follows `<fieldset disabled>`, is restored on back/forward navigation and, when
 * `required`, keeps the form from submitting until it is on.
 *
 * The page can style it by state with `iop-switch:state(checked)`, `:disabled` and `:invalid`.
 *
 * Like a native checkbox, the `checked` attribute is the initial (default) state and the `checked` property
 * is the current one; a form reset goes back to the attribute.
 *
 * @summary Role switch, form-associated, 44 px tall, state shown by thumb position and an icon, not by colour alone.
 * @tag iop-switch
 *
 * @slot - The label. Ignored when the `label` attribute is set.
 * @slot description - Help text under the label, read after the label (aria-describedby).
 *
 * @csspart base - The wrapper of the control and the description.
 * @csspart control - The native `<button role="switch">`; the whole 44 px target, label included.
 * @csspart track - The switch's track.
 * @csspart thumb - The moving thumb; it carries a check mark when on and a dash when off.
 * @csspart label - The label's wrapper.
 * @csspart description - The description's wrapper.
 *
 * @cssprop --iop-color-accent - The track when on.
 * @cssprop --iop-color-on-accent - The thumb when on.
 * @cssprop --iop-color-border-strong - The track's border and the thumb when off.
 * @cssprop --iop-color-text-muted - The description.
 * @cssprop --iop-target-comfortable - The control's minimum height (44px).
 *
 * @fires input - `Event` (bubbles, composed), when the user toggles the switch; like a native checkbox's `input`.
 * @fires change - `Event` (bubbles, not composed, exactly as a native checkbox's `change`), right after `input`.
 * Neither fires when `checked` is set from script or by a form reset.
 */
export class IopSwitch extends IopElement {
  static override styles: CSSResultGroup = [hostStyles, switchStyles];
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...IopElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    value: {},
    label: {},
    disabled: { type: Boolean, converter: booleanAttribute, reflect: true },
    required: { type: Boolean, converter: booleanAttribute, reflect: true },
    formDisabled: { attribute: false },
    showInvalid: { attribute: false },
    hasDescription: { attribute: false },
    checked: { type: Boolean, converter: booleanAttribute },
  };

  /** The name it submits under. */
  name = '';
  /** What it submits when on (like a checkbox, `on` by default). */
  value = 'on';
  /** The label text; when set, it replaces the default slot. */
  label = '';
  /** Disables the switch (it is also disabled inside `<fieldset disabled>`). Disabled switches do not submit. */
  disabled = false;
  /** The form cannot submit until the switch is on. */
  required = false;

  /** True while an ancestor `<fieldset disabled>` (or the form) disables it. */
  private formDisabled = false;
  /** Set once the browser reported it invalid (form submit or reportValidity); drives aria-invalid. */
  private showInvalid = false;
  private hasDescription = false;

  private get control(): HTMLButtonElement | null {
    // Before the first render (the constructor) there is no render root yet.
    return this.renderRoot?.querySelector<HTMLButtonElement>('[part="control"]') ?? null;
  }

  private readonly internals = this.attachInternals();
  private currentChecked = false;

  constructor() {
    super();
    // Every activation reaches the host: the inner button's click (mouse, Space, Enter) bubbles out of the
    // shadow root, and a `<label for>` in the page or `el.click()` clicks the host itself, as with a checkbox.
    this.addEventListener('click', (event) => this.handleClick(event));
    this.addEventListener('invalid', () => (this.showInvalid = true));
    this.syncForm();
  }

  /** Whether the switch is on now. Setting it does not fire `input` or `change`. */
  get checked(): boolean {
    return this.currentChecked;
  }
  set checked(next: boolean) {
    const old = this.currentChecked;
    this.currentChecked = Boolean(next);
    this.requestUpdate('checked', old);
    // The form value and validity change at once, so FormData and checkValidity() are right synchronously.
    this.syncForm();
  }

  /** The initial state, the `checked` attribute: what a form reset returns to. */
  get defaultChecked(): boolean {
    return this.hasAttribute('checked');
  }
  set defaultChecked(next: boolean) {
    this.toggleAttribute('checked', next);
  }

  /** The form it belongs to, or null. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  /** Its validity, as for native controls. */
  get validity(): ValidityState {
    return this.internals.validity;
  }
  /** The localized message shown when it is invalid ("Turn this on to continue."), or ''. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  /** Whether the form would check its validity. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  /** True when valid; otherwise fires `invalid` and returns false. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  /** Like checkValidity(), and shows the browser's message at the switch. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Called by the browser when the form resets: back to the `checked` attribute, without events. */
  formResetCallback(): void {
    this.checked = this.defaultChecked;
    this.showInvalid = false;
  }

  /** Called by the browser when an ancestor `<fieldset>` or the form is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /**
   * Called by the browser on back/forward navigation ('restore', with the state this switch saved) or by
   * autofill ('autocomplete', with a submitted value).
   */
  formStateRestoreCallback(saved: string | File | FormData | null, reason: 'restore' | 'autocomplete'): void {
    if (typeof saved !== 'string') return;
    this.checked = reason === 'restore' ? saved === 'checked' : saved === this.value;
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  private handleClick(event: MouseEvent): void {
    // Clicks in the description (a link, say) are not a toggle.
    const path = event.composedPath();
    if (path[0] !== this && !(this.control && path.includes(this.control))) return;
    if (this.isDisabled) return;
    this.checked = !this.checked;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private syncForm(): void {
    const on = this.currentChecked;
    // `iop-switch:state(checked)` lets the page style it by state, as `:checked` does for a checkbox.
    if (on) this.internals.states.add('checked');
    else this.internals.states.delete('checked');
    this.internals.setFormValue(on ? this.value : null, on ? 'checked' : 'unchecked');
    if (this.required && !on) {
      this.internals.setValidity(
        { valueMissing: true },
        messages[this.resolvedLocale].required,
        this.control ?? undefined,
      );
    } else {
      this.internals.setValidity({});
      this.showInvalid = false;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value') || changed.has('required') || changed.has('resolvedLocale')) this.syncForm();
  }

  protected override firstUpdated(): void {
    // Now the inner button exists, anchor the browser's validation bubble to it.
    this.syncForm();
  }

  private onDescriptionChange(event: Event): void {
    this.hasDescription = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  override render() {
    const on = this.checked;
    return html`<div part="base" class="base">
      <button
        part="control"
        class="control"
        type="button"
        role="switch"
        aria-checked=${on ? 'true' : 'false'}
        aria-required=${this.required ? 'true' : nothing}
        aria-invalid=${this.showInvalid && !on ? 'true' : nothing}
        aria-describedby=${this.hasDescription ? 'description' : nothing}
        ?disabled=${this.isDisabled}
      >
        <span part="track" class="track">
          <span part="thumb" class="thumb">
            <svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              ${on ? checkIcon : offIcon}
            </svg>
          </span>
        </span>
        <span part="label" class="label">${this.label ? this.label : html`<slot></slot>`}</span>
      </button>
      <div part="description" id="description" class="description" ?hidden=${!this.hasDescription}>
        <slot name="description" @slotchange=${this.onDescriptionChange}></slot>
      </div>
    </div>`;
  }
}

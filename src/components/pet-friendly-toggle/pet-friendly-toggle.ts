import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import * as v from 'valibot';
import { IopSwitch } from '../switch/switch.js';
import { widgetStyles } from '../../design/host.styles.js';
import { petToggleStyles } from './pet-friendly-toggle.styles.js';
import { petToggleMessages as messages } from './pet-friendly-toggle.messages.js';
import { DataController, type DataState, type IopErrorDetail } from '../../internal/data-controller.js';
import { renderStatus } from '../../internal/status-view.js';
import { WidgetMixin } from '../../internal/iop-widget.js';
import { fire } from '../../internal/widget-kit.js';
import { PREFERENCES_KEY } from '../../core/client.js';
import { checkPet, PET_SPECIES, type PetProblems } from '../../core/preferences.js';
import { PreferencesSchema, type Pet, type PreferencesPatch } from '../../core/schemas.js';
import type { VersionedPreferences } from '../../core/backends/backend.js';
import type { DeliveredDetail, Outbox, RejectedDetail } from '../../core/storage/outbox.js';
import '../button/define.js';

/** Where a save stands; each has its own polite message. */
export type PetTogglePhase = 'idle' | 'saving' | 'saved' | 'pending' | 'failed' | 'conflict';

const Versioned = v.object({ preferences: PreferencesSchema, etag: v.string() });
const OUTBOX_EVENTS = ['delivered', 'rejected', 'retrying'];

/**
 * The participant's "pet-friendly sessions" preference: an `iop-switch` (same keyboard, form association and
 * validity) that, bound to the backend (`bind="preferences"`, the default), loads the saved setting and saves
 * each change at once through the outbox with If-Match. The switch moves before the server answers; a
 * refused save rolls it back and says so politely; a 412 (changed on another device) shows the latest
 * setting and says why; a change made offline waits in the outbox ("Will save when you're back online"),
 * also across a reload. When on, a "Pet details" disclosure takes the pet's name and kind, saved the same way.
 * `bind="none"` makes it a plain form control (exactly an `iop-switch`).
 *
 * @summary The pet-friendly session preference: a form-associated switch that saves itself and never loses a change.
 * @tag iop-pet-friendly-toggle
 *
 * @slot - The label (default "Bring my pet to sessions"). Ignored when `label` is set.
 * @slot description - Help text under the label.
 *
 * @csspart base - The switch and its description.
 * @csspart control - The native `<button role="switch">`.
 * @csspart track - The switch's track.
 * @csspart thumb - The switch's thumb.
 * @csspart label - The label's wrapper.
 * @csspart description - The description's wrapper.
 * @csspart note - The polite status line (saving, saved, will save when online, could not save).
 * @csspart status - The shared status line (last synced, offline, error with retry, signed out).
 * @csspart details-toggle - The "Pet details" disclosure button.
 * @csspart details - The pet details form.
 *
 * @cssprop --iop-color-accent - The track when on; the disclosure button.
 * @cssprop --iop-color-danger - Validation messages.
 *
 * @fires input - `Event` (bubbles, composed), when the user toggles the switch.
 * @fires change - `Event` (bubbles), right after `input`; then the change is saved (when bound).
 * @fires {CustomEvent<IopErrorDetail>} iop-error - Loading failed (`read preferences`) or a save was refused
 * (`save preferences`; a 412 too).
 */
export class IopPetFriendlyToggle extends WidgetMixin(IopSwitch) {
  static override styles: CSSResultGroup = [IopSwitch.styles, widgetStyles, petToggleStyles];
  static override properties = {
    bind: { reflect: true },
    server: { state: true },
    phase: { state: true },
    pet: { state: true },
    open: { state: true },
    problems: { state: true },
  };

  /** `preferences` (default): load and save the participant's preference. `none`: a plain form control. */
  bind: 'preferences' | 'none' = 'preferences';
  /** Where the latest save stands. */
  phase: PetTogglePhase = 'idle';
  /** The last value the server confirmed, with its ETag. */
  private server?: VersionedPreferences;
  private pet?: Pet;
  private open = false;
  private problems: PetProblems = {};
  private fieldsetDisabled = false;
  private autoLabel?: boolean;
  private outbox?: Outbox;

  private readonly data = new DataController<VersionedPreferences>(
    this,
    () => this.settings,
    () =>
      this.bind === 'none'
        ? undefined
        : {
            key: PREFERENCES_KEY,
            fetch: (b) => b.getPreferences(),
            parse: (value) => v.parse(Versioned, value),
          },
    (state) => this.onData(state),
  );

  constructor() {
    super();
    // A user toggle (the switch fires `change` only then) is saved at once.
    this.addEventListener('change', (event) => {
      if (event.target === this && this.bound) void this.save({ petFriendly: this.checked });
    });
  }

  private get bound(): boolean {
    return this.bind !== 'none';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch(undefined);
  }

  /** Settings, configuration or sign-in changed: load again. */
  protected override onSettingsChanged(): void {
    this.data.restart();
  }

  /** Bound, a form reset does not undo a saved preference; unbound, it works as the switch's. */
  override formResetCallback(): void {
    const now = this.checked;
    super.formResetCallback();
    if (this.bound) this.checked = now;
  }

  override formDisabledCallback(disabled: boolean): void {
    this.fieldsetDisabled = disabled;
    this.lock();
  }

  /** Bound, the switch cannot be used before a value (and its ETag) is known, e.g. while loading. */
  private lock(): void {
    super.formDisabledCallback(this.fieldsetDisabled || (this.bound && !this.server));
  }

  private onData(state: DataState<VersionedPreferences>): void {
    this.server = state.value;
    this.watch(this.data.client?.outbox);
    // A change still waiting for the server keeps showing; otherwise show what the server says.
    if (state.value && this.phase !== 'saving' && this.phase !== 'pending') this.show(state.value);
  }

  private show(value = this.server): void {
    if (!value) return;
    this.checked = value.preferences.petFriendly;
    this.pet = value.preferences.pet;
  }

  /** Follows the client's outbox (it changes with the settings). */
  private watch(outbox: Outbox | undefined): void {
    if (outbox === this.outbox) return;
    for (const type of OUTBOX_EVENTS) {
      this.outbox?.removeEventListener(type, this.onOutbox);
      outbox?.addEventListener(type, this.onOutbox);
    }
    this.outbox = outbox;
    void this.sync();
  }

  /**
   * Shows the newest change of ours still in the outbox (also one left by an earlier page) and whether it
   * waits for the network (looked at again after each failed attempt: the outbox's `retrying`).
   */
  private async sync(): Promise<boolean> {
    const outbox = this.outbox;
    const entry = (await outbox?.entries())?.findLast((e) => e.entityKey === PREFERENCES_KEY);
    if (!entry || outbox !== this.outbox) return false;
    const { patch } = entry.payload as { patch: PreferencesPatch };
    this.checked = patch.petFriendly;
    if (patch.pet !== undefined) this.pet = patch.pet ?? undefined;
    this.phase = navigator.onLine && !entry.attempts ? 'saving' : 'pending';
    return true;
  }

  private readonly onOutbox = async (event: Event): Promise<void> => {
    const { entry, error, result } = (event as CustomEvent<RejectedDetail & Partial<DeliveredDetail>>).detail;
    if (entry.entityKey !== PREFERENCES_KEY) return;
    if (event.type === 'retrying') {
      await this.sync();
      return;
    }
    if (event.type === 'delivered') {
      // The server's copy of what was saved (not the cache, where an older read may land after it).
      this.server = (result as VersionedPreferences | undefined) ?? this.server;
      this.phase = 'saved';
      // A newer change of ours may still wait; it stays shown.
      if (!(await this.sync())) this.show();
      return;
    }
    this.fail(error);
    if ((error as { status?: number }).status === 412) {
      this.phase = 'conflict';
      await this.data.reload();
    }
  };

  /** Optimistic: the switch already shows the change; the outbox saves it (or keeps it until online). */
  private async save(patch: PreferencesPatch): Promise<void> {
    this.phase = 'saving';
    try {
      await this.data.client!.savePreferences(patch, this.server!.etag);
    } catch (error) {
      this.fail(error);
    }
    await this.sync();
  }

  /** Back to the last value the server confirmed, said politely, and reported as `iop-error`. */
  private fail(error: unknown): void {
    this.phase = 'failed';
    this.show();
    fire(this, 'iop-error', { error, operation: 'save preferences' } satisfies IopErrorDetail);
  }

  private savePet(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const result = checkPet(String(form.get('name')), String(form.get('species')));
    if ('pet' in result) {
      this.problems = {};
      this.pet = result.pet;
      void this.save({ petFriendly: true, pet: result.pet });
    } else {
      this.problems = result.problems;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.autoLabel ??= !this.label && !this.textContent?.trim();
    if (this.autoLabel) this.label = messages[this.resolvedLocale].label;
    if (changed.has('bind')) this.data.keyChanged();
    this.lock();
  }

  override render() {
    const t = messages[this.resolvedLocale];
    const state = this.data.state;
    const problems = this.problems;
    // One labelled field with its message (read as its description while it says what is wrong).
    const field = (key: keyof PetProblems, control: TemplateResult) =>
      html`<label>${t[key]}${control}</label>
        <span id=${key + '-error'} class="err">${problems[key] ? t[problems[key]] : ''}</span>`;
    return html`${super.render()}
    ${
      this.bound
        ? html`<p part="note" class="note" role="status">
              ${
                !this.server && state.status === 'loading'
                  ? t.loading
                  : this.phase === 'failed'
                    ? t.failed(this.checked)
                    : t[this.phase]
              }
            </p>
            ${renderStatus(state, { locale: this.resolvedLocale, onRetry: () => void this.data.reload() })}
            ${
              this.server && this.checked
                ? html`<button
                      part="details-toggle"
                      class="more"
                      aria-expanded=${this.open}
                      aria-controls="pet"
                      @click=${() => (this.open = !this.open)}
                    >
                      ${t.details}
                    </button>
                    <form
                      part="details"
                      id="pet"
                      novalidate
                      ?hidden=${!this.open}
                      @submit=${this.savePet}
                      @input=${(e: Event) => e.stopPropagation()}
                    >
                      ${field(
                        'name',
                        html`<input
                          name="name"
                          autocomplete="off"
                          .value=${this.pet?.name ?? ''}
                          aria-invalid=${!!problems.name}
                          aria-describedby="name-error"
                        />`,
                      )}
                      ${field(
                        'species',
                        html`<select
                          name="species"
                          aria-invalid=${!!problems.species}
                          aria-describedby="species-error"
                        >
                          <option value="">${t.choose}</option>
                          ${PET_SPECIES.map(
                            (kind) =>
                              html`<option value=${kind} ?selected=${this.pet?.species === kind}>
                                ${t[kind]}
                              </option>`,
                          )}
                        </select>`,
                      )}
                      <iop-button type="submit" variant="secondary">${t.save}</iop-button>
                    </form>`
                : nothing
            }`
        : nothing
    }`;
  }
}

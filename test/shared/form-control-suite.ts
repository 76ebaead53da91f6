/**
 * The shared form-control test suite: what every iop-kit on/off form control promises inside a real <form>.
 *
 * Lion's discipline: one suite, run by every control that claims to be a form control (iop-switch today,
 * iop-pet-friendly-toggle later), so the contract cannot drift between them. Every check uses a real form,
 * a real submit button and real key presses.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';

/** The attributes the suite asks a control to render with. */
export interface FormControlAttrs {
  name?: string;
  value?: string;
  checked?: boolean;
  disabled?: boolean;
  required?: boolean;
}

/** The minimal shape of an on/off form control, as the suite uses it. */
export interface OnOffFormControl extends HTMLElement {
  checked: boolean;
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  reportValidity(): boolean;
  formStateRestoreCallback?(state: string | File | FormData | null, reason: 'restore' | 'autocomplete'): void;
}

export interface FormControlSuiteOptions<E extends OnOffFormControl> {
  /** The tag under test, e.g. 'iop-switch'. */
  tag: string;
  /** Renders the control (and only it) with these attributes; a label is the control's own business. */
  render(attrs: FormControlAttrs): TemplateResult;
  /** Toggles the control as a user would, with real key presses (e.g. focus it and press Space). */
  toggle(el: E): Promise<void>;
  /** Whether the control is on; defaults to `el.checked`. */
  isOn?(el: E): boolean;
  /** The value it submits when `value` is not set; defaults to 'on' as for a checkbox. */
  defaultValue?: string;
  /** The localized validation message when `required` and off. */
  requiredMessage: { en: string; es: string };
  /** The states the control saves for back/forward restore; default 'checked' / 'unchecked'. */
  restoreStates?: { on: string; off: string };
  /** Resolves when the control has rendered, e.g. `el.updateComplete`. */
  settle?(el: E): Promise<unknown>;
}

/** Registers a `describe` block with the whole form-control contract for `options.tag`. */
export function runFormControlSuite<E extends OnOffFormControl>(options: FormControlSuiteOptions<E>): void {
  const isOn = options.isOn ?? ((el: E) => el.checked);
  const settle = options.settle ?? (() => Promise.resolve());
  const defaultValue = options.defaultValue ?? 'on';
  const restore = options.restoreStates ?? { on: 'checked', off: 'unchecked' };

  /** A real form: a text field before the control, a text field after it, submit and reset buttons. */
  async function inForm(attrs: FormControlAttrs, { fieldsetDisabled = false, lang = 'en' } = {}) {
    const form = await fixture<HTMLFormElement>(html`
      <form lang=${lang}>
        <label>Before <input name="before" value="b" /></label>
        <fieldset ?disabled=${fieldsetDisabled}>
          <legend>Preferences</legend>
          ${options.render(attrs)}
        </fieldset>
        <label>After <input name="after" /></label>
        <button type="submit">Send</button>
        <button type="reset">Reset</button>
      </form>
    `);
    const el = form.querySelector(options.tag) as E;
    await settle(el);
    const [before, after] = [...form.querySelectorAll('input')] as [HTMLInputElement, HTMLInputElement];
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const reset = form.querySelector<HTMLButtonElement>('button[type="reset"]')!;
    const fieldset = form.querySelector('fieldset')!;
    return { form, el, before, after, submit, reset, fieldset };
  }

  /** Moves focus with a real Tab from the field before the control. */
  async function tabFrom(field: HTMLElement): Promise<void> {
    field.focus();
    await sendKeys({ press: 'Tab' });
  }

  describe(`${options.tag}: form-control contract`, () => {
    it('belongs to its form and submits name=value only when on', async () => {
      const { form, el } = await inForm({ name: 'pets' });
      expect(el.form).to.equal(form);
      expect(new FormData(form).has('pets')).to.be.false;
      await options.toggle(el);
      expect(isOn(el)).to.be.true;
      expect(new FormData(form).getAll('pets')).to.deep.equal([defaultValue]);
      await options.toggle(el);
      expect(isOn(el)).to.be.false;
      expect(new FormData(form).has('pets')).to.be.false;
    });

    it('submits its own value when one is set, and follows a value change', async () => {
      const { form, el } = await inForm({ name: 'pets', value: 'yes', checked: true });
      expect(new FormData(form).get('pets')).to.equal('yes');
      el.setAttribute('value', 'dog');
      await settle(el);
      expect(new FormData(form).get('pets')).to.equal('dog');
    });

    it('submits with the form through its submit button', async () => {
      const { form, el, submit } = await inForm({ name: 'pets', value: 'yes' });
      await options.toggle(el);
      form.addEventListener('submit', (event) => event.preventDefault());
      const submitted = oneEvent(form, 'submit');
      submit.focus();
      await sendKeys({ press: 'Enter' });
      const event = (await submitted) as unknown as SubmitEvent;
      expect(event.submitter).to.equal(submit);
      const data = new FormData(form, submit);
      expect(data.get('pets')).to.equal('yes');
      expect(data.get('before')).to.equal('b');
    });

    it('returns to its initial state when the form resets (on -> off and off -> on)', async () => {
      const on = await inForm({ name: 'pets', checked: true });
      await options.toggle(on.el);
      expect(isOn(on.el)).to.be.false;
      on.reset.click();
      await settle(on.el);
      expect(isOn(on.el)).to.be.true;
      expect(new FormData(on.form).get('pets')).to.equal(defaultValue);

      const off = await inForm({ name: 'pets' });
      await options.toggle(off.el);
      off.form.reset();
      await settle(off.el);
      expect(isOn(off.el)).to.be.false;
      expect(new FormData(off.form).has('pets')).to.be.false;
    });

    it('inside <fieldset disabled>: disabled, not submitted, out of the tab order, and back when enabled', async () => {
      const { form, el, before, after, fieldset } = await inForm(
        { name: 'pets', checked: true },
        { fieldsetDisabled: true },
      );
      expect(el.matches(':disabled')).to.be.true;
      expect(new FormData(form).has('pets')).to.be.false;
      await tabFrom(before);
      expect(document.activeElement).to.equal(after);
      el.click();
      expect(isOn(el)).to.be.true;

      fieldset.disabled = false;
      await settle(el);
      expect(el.matches(':disabled')).to.be.false;
      expect(new FormData(form).get('pets')).to.equal(defaultValue);
      await tabFrom(before);
      expect(document.activeElement).to.equal(el);
    });

    it('its own disabled attribute keeps it out of the form and the tab order', async () => {
      const { form, el, before, after } = await inForm({ name: 'pets', checked: true, disabled: true });
      expect(new FormData(form).has('pets')).to.be.false;
      await tabFrom(before);
      expect(document.activeElement).to.equal(after);
      await expect(el).to.be.accessible();
    });

    it('required: invalid while off with a plain message, blocks submission, valid once on', async () => {
      const { form, el, submit } = await inForm({ name: 'pets', required: true });
      expect(el.checkValidity()).to.be.false;
      expect(el.validity.valueMissing).to.be.true;
      expect(el.validationMessage).to.equal(options.requiredMessage.en);
      expect(form.checkValidity()).to.be.false;

      let submits = 0;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submits++;
      });
      let invalids = 0;
      el.addEventListener('invalid', () => invalids++);
      submit.click();
      expect(submits).to.equal(0);
      expect(invalids).to.equal(1);
      expect(el.reportValidity()).to.be.false;

      await options.toggle(el);
      expect(el.checkValidity()).to.be.true;
      expect(el.validity.valid).to.be.true;
      expect(el.validationMessage).to.equal('');
      expect(el.reportValidity()).to.be.true;
      submit.click();
      expect(submits).to.equal(1);
    });

    it('required: the validation message speaks Spanish inside lang="es"', async () => {
      const { el } = await inForm({ name: 'pets', required: true }, { lang: 'es' });
      expect(el.validationMessage).to.equal(options.requiredMessage.es);
    });

    it('restores its state on back/forward navigation (formStateRestoreCallback)', async () => {
      const { form, el } = await inForm({ name: 'pets' });
      expect(el.formStateRestoreCallback).to.be.a('function');
      el.formStateRestoreCallback!(restore.on, 'restore');
      await settle(el);
      expect(isOn(el)).to.be.true;
      expect(new FormData(form).get('pets')).to.equal(defaultValue);
      el.formStateRestoreCallback!(restore.off, 'restore');
      await settle(el);
      expect(isOn(el)).to.be.false;
      expect(new FormData(form).has('pets')).to.be.false;
    });

    it('toggles with Space and with Enter after a real Tab', async () => {
      const { el, before, form } = await inForm({ name: 'pets' });
      await tabFrom(before);
      expect(document.activeElement).to.equal(el);
      await sendKeys({ press: ' ' }); // Firefox's driver does not know 'Space'
      await settle(el);
      expect(isOn(el)).to.be.true;
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(isOn(el)).to.be.false;
      expect(new FormData(form).has('pets')).to.be.false;
    });

    it('fires input then change on a user toggle, and neither when set from script or reset', async () => {
      const { el, form } = await inForm({ name: 'pets' });
      const seen: string[] = [];
      form.addEventListener('input', (event) => seen.push(`${event.type}:${String(isOn(el))}`));
      form.addEventListener('change', (event) => seen.push(`${event.type}:${String(isOn(el))}`));
      await options.toggle(el);
      expect(seen).to.deep.equal(['input:true', 'change:true']);
      el.checked = false;
      form.reset();
      await settle(el);
      expect(seen).to.have.length(2);
    });

    for (const [state, attrs] of [
      ['off', { name: 'pets' }],
      ['on', { name: 'pets', checked: true }],
      ['disabled', { name: 'pets', disabled: true }],
      ['required', { name: 'pets', required: true }],
    ] as const) {
      it(`is accessible when ${state}`, async () => {
        const { el } = await inForm(attrs);
        await expect(el).to.be.accessible();
      });
    }
  });
}

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/components/switch/define.js';
import '../../src/components/card/define.js';
import type { IopSwitch } from '../../src/components/switch/switch.js';
import { switchMessages } from '../../src/components/switch/switch.messages.js';
import { runFormControlSuite } from '../shared/form-control-suite.js';

const part = (el: IopSwitch, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;

runFormControlSuite<IopSwitch>({
  tag: 'iop-switch',
  render: (a) =>
    html`<iop-switch
      name=${ifDefined(a.name)}
      value=${ifDefined(a.value)}
      ?checked=${a.checked}
      ?disabled=${a.disabled}
      ?required=${a.required}
      >Bring my pet to sessions</iop-switch
    >`,
  toggle: async (el) => {
    el.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
  },
  settle: (el) => el.updateComplete,
  requiredMessage: { en: switchMessages.en.required, es: switchMessages.es.required },
});

describe('iop-switch', () => {
  it('is a native button with role switch and aria-checked, named by its slotted label', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch>Pets welcome</iop-switch>`);
    const control = part(el, 'control');
    expect(control.tagName).to.equal('BUTTON');
    expect(control.getAttribute('role')).to.equal('switch');
    expect(control.getAttribute('aria-checked')).to.equal('false');
    expect(control.contains(part(el, 'label'))).to.be.true;
    expect(el.matches(':state(checked)')).to.be.false;
    el.checked = true;
    await el.updateComplete;
    expect(control.getAttribute('aria-checked')).to.equal('true');
    expect(el.matches(':state(checked)')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('uses the label attribute instead of the slot when set', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch label="Reminders"></iop-switch>`);
    expect(part(el, 'label').textContent).to.equal('Reminders');
    expect(part(el, 'label').querySelector('slot')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('wires the description slot with aria-describedby only when there is one', async () => {
    const plain = await fixture<IopSwitch>(html`<iop-switch>Pets</iop-switch>`);
    expect(part(plain, 'control').hasAttribute('aria-describedby')).to.be.false;
    expect(part(plain, 'description').hidden).to.be.true;

    const el = await fixture<IopSwitch>(html`
      <iop-switch>Pets<span slot="description">Your therapist will see this.</span></iop-switch>
    `);
    await el.updateComplete;
    const control = part(el, 'control');
    const id = control.getAttribute('aria-describedby')!;
    const description = el.shadowRoot!.getElementById(id)!;
    expect(description).to.equal(part(el, 'description'));
    expect(description.hidden).to.be.false;
    const slot = description.querySelector('slot')!;
    expect(slot.assignedNodes()[0]!.textContent).to.equal('Your therapist will see this.');
    await expect(el).to.be.accessible();
  });

  it('fires input (composed) and change (not composed), both bubbling, like a native checkbox', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch>Pets</iop-switch>`);
    const native = document.createElement('input');
    native.type = 'checkbox';
    document.body.append(native);
    const flags: Record<string, [boolean, boolean]> = {};
    const nativeFlags: Record<string, [boolean, boolean]> = {};
    for (const type of ['input', 'change']) {
      el.addEventListener(type, (e) => (flags[type] = [e.bubbles, e.composed]));
      native.addEventListener(type, (e) => (nativeFlags[type] = [e.bubbles, e.composed]));
    }
    part(el, 'control').click();
    native.click();
    native.remove();
    expect(flags).to.deep.equal({ input: [true, true], change: [true, false] });
    expect(flags).to.deep.equal(nativeFlags);
  });

  it('fires no event when checked is set from script, and toggles with a real mouse click', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch>Pets</iop-switch>`);
    let events = 0;
    el.addEventListener('input', () => events++);
    el.addEventListener('change', () => events++);
    el.checked = true;
    el.checked = false;
    el.formResetCallback();
    expect(events).to.equal(0);

    const box = part(el, 'track').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + 4), Math.round(box.y + box.height / 2)] });
    await el.updateComplete;
    expect(el.checked).to.be.true;
    expect(events).to.equal(2);
  });

  it('toggles when a page <label for> is clicked, but not from a click in the description', async () => {
    const wrapper = await fixture(html`
      <div>
        <label for="sw">Outside label</label>
        <iop-switch id="sw">Pets<button slot="description" type="button">More about pets</button></iop-switch>
      </div>
    `);
    const el = wrapper.querySelector('iop-switch')!;
    wrapper.querySelector('label')!.click();
    expect(el.checked).to.be.true;
    wrapper.querySelector<HTMLButtonElement>('[slot="description"]')!.click();
    expect(el.checked).to.be.true;
  });

  it('ignores clicks and keys while disabled', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch disabled>Pets</iop-switch>`);
    let events = 0;
    el.addEventListener('change', () => events++);
    el.click();
    part(el, 'control').click();
    expect(el.checked).to.be.false;
    expect(events).to.equal(0);
    expect((part(el, 'control') as HTMLButtonElement).disabled).to.be.true;
  });

  it('is a 44 px tall target, with the label inside it', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch>Pets</iop-switch>`);
    const box = part(el, 'control').getBoundingClientRect();
    expect(box.height).to.be.at.least(44);
    expect(box.width).to.be.at.least(44);
    expect(part(el, 'control').contains(part(el, 'track'))).to.be.true;
  });

  it('shows the state by thumb position and icon, not colour alone', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch>Pets</iop-switch>`);
    const offX = part(el, 'thumb').getBoundingClientRect().x;
    const offIcon = part(el, 'thumb').querySelector('path')!.getAttribute('d');
    el.checked = true;
    await el.updateComplete;
    // Transitions are instant under reduced motion only; wait for the thumb to arrive.
    await Promise.all(
      part(el, 'thumb')
        .getAnimations()
        .map((a) => a.finished),
    );
    expect(part(el, 'thumb').getBoundingClientRect().x).to.be.greaterThan(offX + 8);
    expect(part(el, 'thumb').querySelector('path')!.getAttribute('d')).not.to.equal(offIcon);
    expect(part(el, 'thumb').querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('marks itself invalid after a failed report and clears it once on', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch required>Consent</iop-switch>`);
    expect(part(el, 'control').hasAttribute('aria-invalid')).to.be.false;
    expect(part(el, 'control').getAttribute('aria-required')).to.equal('true');
    el.reportValidity();
    await el.updateComplete;
    expect(part(el, 'control').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    el.click();
    await el.updateComplete;
    expect(part(el, 'control').hasAttribute('aria-invalid')).to.be.false;
  });

  it('validity follows required and checked at once, and is never invalid when not required', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch>Consent</iop-switch>`);
    expect(el.willValidate).to.be.true;
    expect(el.checkValidity()).to.be.true;
    el.required = true;
    await el.updateComplete;
    expect(el.validity.valueMissing).to.be.true;
    el.checked = true;
    expect(el.validity.valid).to.be.true; // synchronously, before any render
    el.checked = false;
    expect(el.validity.valueMissing).to.be.true;
  });

  it('re-localizes its validation message when the language changes', async () => {
    const wrapper = await fixture(html`<div lang="en"><iop-switch required>Consent</iop-switch></div>`);
    const el = wrapper.querySelector('iop-switch')!;
    expect(el.validationMessage).to.equal('Turn this on to continue.');
    wrapper.setAttribute('lang', 'es');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.validationMessage).to.equal(switchMessages.es.required);
  });

  it('defaultChecked mirrors the checked attribute; autocomplete restores by value', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch value="dog">Pets</iop-switch>`);
    el.defaultChecked = true;
    expect(el.hasAttribute('checked')).to.be.true;
    el.defaultChecked = false;
    expect(el.hasAttribute('checked')).to.be.false;
    el.formStateRestoreCallback('dog', 'autocomplete');
    expect(el.checked).to.be.true;
    el.formStateRestoreCallback('cat', 'autocomplete');
    expect(el.checked).to.be.false;
    el.checked = true;
    el.formStateRestoreCallback(null, 'restore');
    expect(el.checked).to.be.true;
  });

  it('delegates focus to its control and shows a focus ring', async () => {
    const el = await fixture<IopSwitch>(html`<iop-switch>Pets</iop-switch>`);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'control'));
    expect(getComputedStyle(part(el, 'control')).outlineStyle).to.equal('solid');
  });

  it('is accessible in the dark theme (on a dark card) and in Spanish', async () => {
    // A dark switch belongs on a dark surface: the card's theme reaches the switch through --iop-color-scheme.
    const wrapper = await fixture(html`
      <div lang="es">
        <iop-card theme="dark">
          <iop-switch checked
            >Traer a mi mascota<span slot="description">Su terapeuta lo verá.</span></iop-switch
          >
          <iop-switch disabled>Recordatorios</iop-switch>
        </iop-card>
      </div>
    `);
    for (const el of wrapper.querySelectorAll('iop-switch')) await expect(el).to.be.accessible();
  });
});

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/switch/define.js';
import '../src/components/card/define.js';
import '../src/components/button/define.js';

const meta = { title: 'Primitives/Switch', component: 'iop-switch', tags: ['autodocs'] } satisfies Meta;
export default meta;
type Story = StoryObj;

export const Off: Story = {
  render: () => html`<iop-switch name="pets">Bring my pet to sessions</iop-switch>`,
};

export const On: Story = {
  render: () => html`<iop-switch name="pets" checked>Bring my pet to sessions</iop-switch>`,
};

export const WithDescription: Story = {
  render: () => html`
    <iop-switch name="pets">
      Bring my pet to sessions
      <span slot="description">Your therapist will know a pet may join you on video.</span>
    </iop-switch>
  `,
};

export const LabelAttribute: Story = {
  render: () => html`<iop-switch label="Text me reminders"></iop-switch>`,
};

export const Disabled: Story = {
  render: () => html`
    <iop-switch disabled>Bring my pet to sessions</iop-switch>
    <iop-switch disabled checked>Text me reminders</iop-switch>
  `,
};

export const Required: Story = {
  render: () => html`
    <iop-switch name="consent" required>
      I agree to video sessions
      <span slot="description">You need to turn this on to book.</span>
    </iop-switch>
  `,
};

export const InsideDisabledFieldset: Story = {
  render: () => html`
    <fieldset disabled>
      <legend>Preferences (locked)</legend>
      <iop-switch name="pets" checked>Bring my pet to sessions</iop-switch>
    </fieldset>
  `,
};

/** A plain HTML form: submit shows the FormData the switch contributed; Reset returns to the initial state. */
export const InAPlainForm: Story = {
  render: () => {
    const show = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.currentTarget as HTMLFormElement;
      const entries = [...new FormData(form, event.submitter)].map(
        ([key, value]) => `${key}=${String(value)}`,
      );
      form.querySelector('output')!.value = entries.length ? entries.join('&') : '(nothing submitted)';
    };
    return html`
      <form @submit=${show} aria-label="Session preferences">
        <p>
          <label>Your first name <input name="first" autocomplete="given-name" /></label>
        </p>
        <iop-switch name="pets" value="yes">
          Bring my pet to sessions
          <span slot="description">Off means nothing is sent for this field, like a checkbox.</span>
        </iop-switch>
        <iop-switch name="consent" required>I agree to video sessions</iop-switch>
        <p>
          <button type="submit">Save</button>
          <button type="reset">Reset</button>
        </p>
        <p>
          <label for="switch-form-result">Submitted:</label>
          <output id="switch-form-result" name="result" aria-live="polite">(not yet)</output>
        </p>
      </form>
    `;
  },
};

export const Dark: Story = {
  render: () => html`
    <iop-card theme="dark">
      <span slot="heading">Preferences</span>
      <iop-switch checked>
        Bring my pet to sessions
        <span slot="description">Your therapist will know a pet may join you.</span>
      </iop-switch>
      <iop-switch>Text me reminders</iop-switch>
      <iop-switch disabled>Share my plan with my partner</iop-switch>
    </iop-card>
  `,
};

export const Spanish: Story = {
  render: () => html`
    <form lang="es" aria-label="Preferencias">
      <iop-switch name="mascota" checked>
        Traer a mi mascota a las sesiones
        <span slot="description">Su terapeuta sabrá que su mascota puede estar con usted.</span>
      </iop-switch>
      <iop-switch name="consentimiento" required>Acepto las sesiones por video</iop-switch>
    </form>
  `,
};

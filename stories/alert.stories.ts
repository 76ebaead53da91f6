import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/alert/define.js';
import '../src/components/button/define.js';

const meta = { title: 'Primitives/Alert', component: 'iop-alert', tags: ['autodocs'] } satisfies Meta;
export default meta;
type Story = StoryObj;

export const Info: Story = {
  render: () => html`<iop-alert variant="info">Sessions move to a new video link next week.</iop-alert>`,
};

export const Success: Story = {
  render: () =>
    html`<iop-alert variant="success">Your follow-up is booked for Tuesday at 6:00 pm.</iop-alert>`,
};

export const Warning: Story = {
  render: () =>
    html`<iop-alert variant="warning">You are offline. We will save when you are back.</iop-alert>`,
};

export const Danger: Story = {
  render: () =>
    html`<iop-alert variant="danger" live="assertive"
      >We could not save your choice. Please try again.</iop-alert
    >`,
};

export const Dismissible: Story = {
  render: () => html`<iop-alert variant="success" dismissible>Your safety plan was updated.</iop-alert>`,
};

export const NotLive: Story = {
  render: () => html`<iop-alert variant="info" live="off">This plan was last reviewed on May 2.</iop-alert>`,
};

/** The live region is on the page first; pressing the button changes its text, which screen readers announce. */
export const AnnouncesChanges: Story = {
  render: () => {
    let count = 0;
    const update = (event: Event) => {
      count++;
      const alert = (event.currentTarget as HTMLElement).parentElement!.querySelector('iop-alert')!;
      alert.textContent = `Saved ${count} time${count === 1 ? '' : 's'}.`;
    };
    return html`
      <div>
        <iop-alert variant="success"></iop-alert>
        <iop-button @click=${update}>Save</iop-button>
      </div>
    `;
  },
};

export const Dark: Story = {
  render: () => html`
    <iop-alert theme="dark" variant="info">Sessions move to a new video link next week.</iop-alert>
    <iop-alert theme="dark" variant="success" dismissible>Your follow-up is booked.</iop-alert>
    <iop-alert theme="dark" variant="warning">You are offline.</iop-alert>
    <iop-alert theme="dark" variant="danger" live="assertive">We could not save your choice.</iop-alert>
  `,
};

export const Spanish: Story = {
  render: () => html`
    <div lang="es">
      <iop-alert variant="info">Las sesiones usarán un nuevo enlace de video la próxima semana.</iop-alert>
      <iop-alert variant="success" dismissible>Su cita de seguimiento está reservada.</iop-alert>
      <iop-alert variant="warning">No tiene conexión. Guardaremos cuando vuelva.</iop-alert>
      <iop-alert variant="danger" live="assertive"
        >No pudimos guardar su elección. Intente de nuevo.</iop-alert
      >
    </div>
  `,
};

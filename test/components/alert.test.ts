import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/alert/define.js';
import type { IopAlert } from '../../src/components/alert/alert.js';
import { alertMessages } from '../../src/components/alert/alert.js';

const part = (el: IopAlert, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
const live = (el: IopAlert) => el.shadowRoot!.querySelector<HTMLElement>('.live')!;
const spoken = (el: IopAlert) => el.shadowRoot!.querySelector('.sr-only')!.textContent;

describe('iop-alert', () => {
  for (const variant of ['info', 'success', 'warning', 'danger'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${variant}, ${theme}: says its variant in words and is accessible`, async () => {
        const el = await fixture<IopAlert>(
          html`<iop-alert variant=${variant} theme=${theme} dismissible>Your plan was updated.</iop-alert>`,
        );
        expect(spoken(el)).to.equal(alertMessages.en[variant]);
        expect(part(el, 'icon').getAttribute('aria-hidden')).to.equal('true');
        expect(part(el, 'icon').querySelector('svg')).to.exist;
        await expect(el).to.be.accessible();
      });
    }
  }

  it('uses a different icon shape per variant', async () => {
    const shapes = new Set<string>();
    for (const variant of ['info', 'success', 'warning', 'danger'] as const) {
      const el = await fixture<IopAlert>(html`<iop-alert variant=${variant}>x</iop-alert>`);
      shapes.add(
        part(el, 'icon')
          .querySelector('svg')!
          .innerHTML.replace(/<!--.*?-->/g, ''),
      );
    }
    expect(shapes.size).to.equal(4);
  });

  it('falls back to info for an unknown variant', async () => {
    const el = await fixture<IopAlert>(html`<iop-alert variant="purple">x</iop-alert>`);
    expect(spoken(el)).to.equal('Note:');
    await expect(el).to.be.accessible();
  });

  it('live: polite is role status, assertive is role alert, off has no role; always atomic', async () => {
    const el = await fixture<IopAlert>(html`<iop-alert>Saved.</iop-alert>`);
    expect(live(el).getAttribute('role')).to.equal('status');
    expect(live(el).getAttribute('aria-atomic')).to.equal('true');
    el.live = 'assertive';
    await el.updateComplete;
    expect(live(el).getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    el.live = 'off';
    await el.updateComplete;
    expect(live(el).hasAttribute('role')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('keeps the same live region while its message changes, with the variant word and message inside it', async () => {
    const el = await fixture<IopAlert>(html`<iop-alert variant="warning"></iop-alert>`);
    const region = live(el);
    expect(region.getAttribute('role')).to.equal('status');
    el.textContent = 'You are offline. We will save when you are back.';
    await el.updateComplete;
    el.variant = 'danger';
    await el.updateComplete;
    expect(live(el)).to.equal(region);
    expect(region.contains(part(el, 'message'))).to.be.true;
    expect(region.querySelector('.sr-only')!.textContent).to.equal('Problem:');
    const slot = part(el, 'message').querySelector('slot')!;
    expect(slot.assignedNodes()[0]!.textContent).to.contain('offline');
    // The Dismiss button is outside the region, so it is not read with each update.
    el.dismissible = true;
    await el.updateComplete;
    expect(region.contains(part(el, 'close-button'))).to.be.false;
  });

  it('has no Dismiss button unless dismissible', async () => {
    const el = await fixture<IopAlert>(html`<iop-alert>Saved.</iop-alert>`);
    expect(part(el, 'close-button')).to.be.null;
  });

  it('Dismiss: a 24 px+ target named Dismiss, fires iop-dismiss and hides the alert', async () => {
    const el = await fixture<IopAlert>(html`<iop-alert variant="success" dismissible>Booked.</iop-alert>`);
    const close = part(el, 'close-button');
    expect(close.getAttribute('aria-label')).to.equal('Dismiss');
    const box = close.getBoundingClientRect();
    expect(box.width).to.be.at.least(24);
    expect(box.height).to.be.at.least(24);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(close);
    const dismissed = oneEvent(el, 'iop-dismiss');
    await sendKeys({ press: 'Enter' });
    const event = (await dismissed) as CustomEvent<{ variant: string }>;
    expect(event.detail).to.deep.equal({ variant: 'success' });
    expect(event.composed && event.bubbles && event.cancelable).to.be.true;
    expect(el.hidden).to.be.true;
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('stays shown when iop-dismiss is cancelled', async () => {
    const el = await fixture<IopAlert>(html`<iop-alert dismissible>Keep me.</iop-alert>`);
    el.addEventListener('iop-dismiss', (event) => event.preventDefault());
    part(el, 'close-button').click();
    expect(el.hidden).to.be.false;
  });

  it('speaks Spanish inside lang="es", and stays accessible', async () => {
    const wrapper = await fixture(html`
      <div lang="es">
        <iop-alert variant="warning" live="assertive" dismissible>Sin conexión.</iop-alert>
      </div>
    `);
    const el = wrapper.querySelector('iop-alert')!;
    await el.updateComplete;
    expect(spoken(el)).to.equal('Atención:');
    expect(part(el, 'close-button').getAttribute('aria-label')).to.equal('Descartar');
    await expect(el).to.be.accessible();
  });
});

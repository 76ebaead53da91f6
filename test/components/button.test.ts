import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/button/define.js';
import type { IopButton } from '../../src/components/button/button.js';

const base = (el: IopButton) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;

describe('iop-button', () => {
  for (const variant of ['primary', 'secondary', 'crisis', 'quiet'] as const) {
    it(`${variant}: renders its label and is accessible`, async () => {
      const el = await fixture<IopButton>(html`<iop-button variant=${variant}>Save</iop-button>`);
      expect(base(el).tagName).to.equal('BUTTON');
      expect(el.textContent).to.equal('Save');
      await expect(el).to.be.accessible();
    });
  }

  it('is at least 44 px tall and wide as a crisis button, even when small', async () => {
    const el = await fixture<IopButton>(html`<iop-button variant="crisis" size="sm">Call</iop-button>`);
    const box = base(el).getBoundingClientRect();
    expect(box.height).to.be.at.least(44);
    expect(box.width).to.be.at.least(44);
  });

  it('meets the 24 px minimum target at the small size', async () => {
    const el = await fixture<IopButton>(html`<iop-button size="sm">x</iop-button>`);
    expect(base(el).getBoundingClientRect().height).to.be.at.least(24);
  });

  it('activates with Enter and Space', async () => {
    const el = await fixture<IopButton>(html`<iop-button>Go</iop-button>`);
    let clicks = 0;
    el.addEventListener('click', () => clicks++);
    el.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' }); // 'Space' is unknown to Firefox's driver
    expect(clicks).to.equal(2);
  });

  it('delegates focus to the inner button and shows a focus ring', async () => {
    const el = await fixture<IopButton>(html`<iop-button>Go</iop-button>`);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(base(el));
    expect(getComputedStyle(base(el)).outlineStyle).to.equal('solid');
  });

  it('ignores clicks while disabled or loading', async () => {
    const el = await fixture<IopButton>(html`<iop-button disabled>Go</iop-button>`);
    let clicks = 0;
    el.addEventListener('click', () => clicks++);
    base(el).click();
    el.click();
    el.disabled = false;
    el.loading = true;
    await el.updateComplete;
    base(el).click();
    expect(clicks).to.equal(0);
    expect(base(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('announces loading and keeps its label', async () => {
    const el = await fixture<IopButton>(html`<iop-button loading>Booking</iop-button>`);
    expect(el.shadowRoot!.querySelector('[part="spinner"]')).to.exist;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Loading');
    expect(base(el).getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish inside lang="es"', async () => {
    const wrapper = await fixture(html`<div lang="es"><iop-button loading>Reservar</iop-button></div>`);
    const el = wrapper.querySelector('iop-button')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Cargando');
  });

  it('renders a link when href is set, with safe rel for new tabs', async () => {
    const el = await fixture<IopButton>(html`<iop-button href="/plan" target="_blank">Plan</iop-button>`);
    const a = base(el) as HTMLAnchorElement;
    expect(a.tagName).to.equal('A');
    expect(a.getAttribute('href')).to.equal('/plan');
    expect(a.rel).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();
  });

  it('a disabled link has no href', async () => {
    const el = await fixture<IopButton>(html`<iop-button href="/plan" disabled>Plan</iop-button>`);
    const a = base(el) as HTMLAnchorElement;
    expect(a.hasAttribute('href')).to.be.false;
    expect(a.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('submits and resets its form', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <input name="q" value="start" />
        <iop-button type="submit">Send</iop-button>
        <iop-button type="reset">Reset</iop-button>
      </form>
    `);
    form.addEventListener('submit', (e) => e.preventDefault());
    const [submit, reset] = [...form.querySelectorAll('iop-button')] as IopButton[];
    const submitted = oneEvent(form, 'submit');
    base(submit!).click();
    await submitted;
    const input = form.querySelector('input')!;
    input.value = 'changed';
    base(reset!).click();
    expect(input.value).to.equal('start');
  });
});

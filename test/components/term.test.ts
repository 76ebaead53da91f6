import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/components/term/define.js';
import '../../src/components/dialog/define.js';
import type { IopTerm, TermToggleDetail } from '../../src/components/term/term.js';
import type { IopDialog } from '../../src/components/dialog/dialog.js';

const term = (el: IopTerm) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="term"]')!;
const bubble = (el: IopTerm) => el.shadowRoot!.querySelector<HTMLElement>('[part="definition"]')!;
const liveRegion = (el: IopTerm) => el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;

/** The text a screen reader gets from the live region: the flat tree, slotted nodes included. */
function flatText(node: Node): string {
  if (node instanceof HTMLSlotElement) {
    return node
      .assignedNodes({ flatten: true })
      .map((n) => flatText(n))
      .join('');
  }
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map((n) => flatText(n)).join('');
}
const announced = (el: IopTerm) => flatText(liveRegion(el)).replace(/\s+/g, ' ').trim();

const DEDUCTIBLE = 'What you pay each year before your plan starts to pay.';

describe('iop-term', () => {
  it('is a real button with the term as its name, collapsed, and accessible', async () => {
    const el = await fixture<IopTerm>(html`<iop-term definition=${DEDUCTIBLE}>deductible</iop-term>`);
    expect(term(el).tagName).to.equal('BUTTON');
    expect(term(el).getAttribute('aria-expanded')).to.equal('false');
    expect(term(el).getAttribute('aria-controls')).to.equal(bubble(el).id);
    expect(getComputedStyle(term(el)).textDecorationStyle).to.equal('dotted');
    expect(bubble(el).matches(':popover-open')).to.be.false;
    expect(announced(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('opens with Enter and announces the definition through a status live region', async () => {
    const el = await fixture<IopTerm>(
      html`<p>Your <iop-term definition=${DEDUCTIBLE}>deductible</iop-term>.</p>`,
    );
    const t = el.querySelector('iop-term')!;
    term(t).focus();
    const toggled = oneEvent(t, 'iop-term-toggle');
    await sendKeys({ press: 'Enter' });
    expect(((await toggled) as CustomEvent<TermToggleDetail>).detail.open).to.be.true;
    await t.updateComplete;
    expect(term(t).getAttribute('aria-expanded')).to.equal('true');
    expect(bubble(t).matches(':popover-open')).to.be.true;
    expect(liveRegion(t).contains(bubble(t))).to.be.true;
    expect(announced(t)).to.equal(DEDUCTIBLE);
    // axe reads colours mid-fade otherwise: let the opening animation finish first.
    await Promise.all(t.shadowRoot!.getAnimations().map((a) => a.finished));
    await expect(t).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await t.updateComplete;
    expect(t.open).to.be.false;
    expect(announced(t)).to.equal('');
  });

  it('toggles with Space', async () => {
    const el = await fixture<IopTerm>(html`<iop-term definition=${DEDUCTIBLE}>deductible</iop-term>`);
    term(el).focus();
    await sendKeys({ press: ' ' }); // 'Space' is unknown to Firefox's driver
    await el.updateComplete;
    expect(el.open).to.be.true;
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.open).to.be.false;
  });

  it('toggles with a pointer click', async () => {
    const el = await fixture<IopTerm>(html`<iop-term definition=${DEDUCTIBLE}>deductible</iop-term>`);
    const box = term(el).getBoundingClientRect();
    const events: boolean[] = [];
    el.addEventListener('iop-term-toggle', (e) =>
      events.push((e as CustomEvent<TermToggleDetail>).detail.open),
    );
    const at: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    await sendMouse({ type: 'click', position: at });
    await el.updateComplete;
    expect(el.open).to.be.true;
    await sendMouse({ type: 'click', position: at });
    await el.updateComplete;
    expect(el.open).to.be.false;
    expect(events).to.deep.equal([true, false]);
  });

  it('Escape closes it and keeps focus on the term', async () => {
    const el = await fixture<IopTerm>(html`<iop-term definition=${DEDUCTIBLE}>deductible</iop-term>`);
    term(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.be.false;
    expect(bubble(el).matches(':popover-open')).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal(term(el));
    await expect(el).to.be.accessible();
  });

  it('a click outside closes it; a click on the definition does not', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <iop-term definition=${DEDUCTIBLE}>deductible</iop-term>
        <p>Other text far away.</p>
      </div>
    `);
    const el = wrapper.querySelector('iop-term')!;
    el.show();
    await el.updateComplete;
    const inside = bubble(el).getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(inside.left + 4), Math.round(inside.top + 4)] });
    await el.updateComplete;
    expect(el.open).to.be.true;
    const toggled = oneEvent(el, 'iop-term-toggle');
    document.body.click();
    expect(((await toggled) as CustomEvent<TermToggleDetail>).detail.open).to.be.false;
    await el.updateComplete;
    expect(bubble(el).matches(':popover-open')).to.be.false;
  });

  it('reads rich text from the definition slot, rendered only while open', async () => {
    const el = await fixture<IopTerm>(html`
      <iop-term
        >copay<span slot="definition">A <strong>set amount</strong> you pay for a visit.</span></iop-term
      >
    `);
    const slotted = el.querySelector('[slot="definition"]')!;
    expect(slotted.getClientRects().length).to.equal(0);
    el.toggle();
    await el.updateComplete;
    expect(announced(el)).to.equal('A set amount you pay for a visit.');
    expect(slotted.getClientRects().length).to.be.greaterThan(0);
    el.hide();
    await el.updateComplete;
    expect(el.open).to.be.false;
  });

  it('show() twice sends one event, and a new definition while closed stays hidden', async () => {
    const el = await fixture<IopTerm>(html`<iop-term definition="Old">term</iop-term>`);
    let events = 0;
    el.addEventListener('iop-term-toggle', () => events++);
    el.definition = 'New';
    await el.updateComplete;
    expect(announced(el)).to.equal('');
    el.show();
    el.show();
    await el.updateComplete;
    expect(events).to.equal(1);
    expect(announced(el)).to.equal('New');
  });

  it('renders the definition attribute as text, never as markup', async () => {
    const el = await fixture<IopTerm>(html`<iop-term definition="<b>bold</b>">term</iop-term>`);
    el.show();
    await el.updateComplete;
    expect(bubble(el).querySelector('b')).to.be.null;
    expect(announced(el)).to.equal('<b>bold</b>');
  });

  it('stays inside a 320 px screen, even at the right edge, and flips above when there is no room below', async () => {
    await setViewport({ width: 320, height: 480 });
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <p class="right">
          <iop-term definition=${`${DEDUCTIBLE} ${DEDUCTIBLE} ${DEDUCTIBLE}`}>deductible</iop-term>
        </p>
      </div>
    `);
    const el = wrapper.querySelector('iop-term')!;
    const p = wrapper.querySelector('p')!;
    p.style.textAlign = 'right';
    el.show();
    await el.updateComplete;
    let box = bubble(el).getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(320);
    expect(box.top).to.be.at.least(term(el).getBoundingClientRect().bottom);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    el.hide();
    await el.updateComplete;
    wrapper.style.paddingTop = '440px';
    el.show();
    await el.updateComplete;
    window.dispatchEvent(new Event('resize'));
    box = bubble(el).getBoundingClientRect();
    expect(box.bottom).to.be.at.most(term(el).getBoundingClientRect().top);
    expect(box.top).to.be.at.least(0);
    el.hide();
    await setViewport({ width: 800, height: 600 });
  });

  it('Escape inside a dialog closes the definition, not the dialog', async () => {
    const dialog = await fixture<IopDialog>(html`
      <iop-dialog label="Coverage"
        ><p><iop-term definition=${DEDUCTIBLE}>deductible</iop-term></p></iop-dialog
      >
    `);
    const afterShow = oneEvent(dialog, 'iop-after-show');
    dialog.open = true;
    await afterShow;
    const el = dialog.querySelector('iop-term')!;
    expect(el.shadowRoot!.activeElement).to.equal(term(el));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.be.true;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await aTimeout(20);
    expect(el.open).to.be.false;
    expect(dialog.open).to.be.true;
    await sendKeys({ press: 'Escape' });
    await dialog.updateComplete;
    expect(dialog.open).to.be.false;
  });

  it('does not animate with reduced motion and keeps a system-colour border in forced colors', async () => {
    const el = await fixture<IopTerm>(html`<iop-term definition="x">term</iop-term>`);
    const under = (media: string) =>
      el
        .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
        .filter(
          (rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes(media),
        )
        .flatMap((rule) => [...rule.cssRules])
        .filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule);
    const calm = under('prefers-reduced-motion').find((r) => r.selectorText.includes('.definition'));
    expect(calm?.style.animationName).to.equal('none');
    const forced = under('forced-colors').find((r) => r.selectorText === '.definition');
    expect(forced?.style.borderTopColor.toLowerCase()).to.equal('canvastext');
  });

  it('is accessible in dark and in Spanish, and cleans up when removed while open', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="es">
        <iop-term theme="dark" definition="Lo que paga cada año antes de que su plan empiece a pagar."
          >deducible</iop-term
        >
      </div>
    `);
    const el = wrapper.querySelector('iop-term')!;
    el.show();
    await el.updateComplete;
    await expect(wrapper).to.be.accessible();
    el.remove();
    document.body.click(); // no listener left behind to throw or toggle
    expect(el.open).to.be.true;
  });
});

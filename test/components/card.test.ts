import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/card/define.js';
import '../../src/components/button/define.js';
import type { IopCard } from '../../src/components/card/card.js';
import { cardHeadingLevel } from '../../src/components/card/card.js';

const part = (el: IopCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;

describe('iop-card', () => {
  for (const variant of ['raised', 'outlined', 'crisis'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${variant}, ${theme}: heading, body, footer and actions, accessible`, async () => {
        const el = await fixture<IopCard>(html`
          <iop-card variant=${variant} theme=${theme}>
            <span slot="heading">Your next session</span>
            <p>Tuesday at 6 pm with Dr. Rivera.</p>
            <span slot="footer">Updated 5 minutes ago</span>
            <iop-button slot="actions" theme=${theme}>Join</iop-button>
          </iop-card>
        `);
        expect(part(el, 'heading').tagName).to.equal('H2');
        expect(part(el, 'header').hidden).to.be.false;
        expect(part(el, 'footer').hidden).to.be.false;
        expect(part(el, 'actions').hidden).to.be.false;
        expect(part(el, 'base').contains(part(el, 'body'))).to.be.true;
        await expect(el).to.be.accessible();
      });
    }
  }

  it('crisis looks different: crisis-coloured border and heading, thicker border', async () => {
    const wrapper = await fixture(html`
      <div>
        <iop-card theme="light"><span slot="heading">Plain</span>Body</iop-card>
        <iop-card theme="light" variant="crisis"><span slot="heading">Help now</span>Body</iop-card>
      </div>
    `);
    const [plain, crisis] = [...wrapper.querySelectorAll('iop-card')] as [IopCard, IopCard];
    const plainBase = getComputedStyle(part(plain, 'base'));
    const crisisBase = getComputedStyle(part(crisis, 'base'));
    // #b42318, the light theme's crisis token.
    expect(crisisBase.borderTopColor).to.equal('rgb(180, 35, 24)');
    expect(getComputedStyle(part(crisis, 'heading')).color).to.equal('rgb(180, 35, 24)');
    expect(plainBase.borderTopColor).not.to.equal(crisisBase.borderTopColor);
    expect(parseFloat(crisisBase.borderInlineStartWidth)).to.be.greaterThan(
      parseFloat(plainBase.borderInlineStartWidth),
    );
    expect(getComputedStyle(part(plain, 'heading')).color).not.to.equal('rgb(180, 35, 24)');
  });

  for (const level of [2, 3, 4, 5, 6] as const) {
    it(`heading-level ${level} renders a real h${level}`, async () => {
      const el = await fixture<IopCard>(html`
        <iop-card heading-level=${level}><span slot="heading">Plan</span>Body</iop-card>
      `);
      expect(part(el, 'heading').tagName).to.equal(`H${level}`);
      expect(part(el, 'heading').querySelector('slot')!.assignedNodes()[0]!.textContent).to.equal('Plan');
      await expect(el).to.be.accessible();
    });
  }

  it('clamps an out-of-range heading level to 2..6', () => {
    expect(cardHeadingLevel(1)).to.equal(2);
    expect(cardHeadingLevel(9)).to.equal(6);
    expect(cardHeadingLevel('4')).to.equal(4);
    expect(cardHeadingLevel('abc')).to.equal(2);
    expect(cardHeadingLevel(undefined)).to.equal(2);
  });

  it('hides an empty header and footer, and shows them when content arrives', async () => {
    const el = await fixture<IopCard>(html`<iop-card>Only a body</iop-card>`);
    expect(part(el, 'header').hidden).to.be.true;
    expect(part(el, 'footer').hidden).to.be.true;
    await expect(el).to.be.accessible();

    const heading = document.createElement('span');
    heading.slot = 'heading';
    heading.textContent = 'Late title';
    el.append(heading);
    const footer = document.createElement('span');
    footer.slot = 'footer';
    footer.textContent = 'Fine print';
    el.append(footer);
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(part(el, 'header').hidden).to.be.false;
    expect(part(el, 'footer').hidden).to.be.false;
    expect(part(el, 'actions').hidden).to.be.true;

    heading.remove();
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(part(el, 'header').hidden).to.be.true;
  });

  it('shows the footer for actions alone', async () => {
    const el = await fixture<IopCard>(html`
      <iop-card variant="outlined"><iop-button slot="actions">Book</iop-button>Body</iop-card>
    `);
    expect(part(el, 'footer').hidden).to.be.false;
    expect(part(el, 'actions').hidden).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('is accessible in Spanish', async () => {
    const wrapper = await fixture(html`
      <div lang="es">
        <iop-card variant="crisis">
          <span slot="heading">¿En peligro ahora?</span>
          <p>Llame al 911.</p>
          <span slot="footer">Disponible las 24 horas</span>
        </iop-card>
      </div>
    `);
    await expect(wrapper.querySelector('iop-card')!).to.be.accessible();
  });
});

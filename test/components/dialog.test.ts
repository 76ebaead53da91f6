import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/components/dialog/define.js';
import '../../src/components/button/define.js';
import type { IopDialog, DialogHideDetail } from '../../src/components/dialog/dialog.js';
import type { IopButton } from '../../src/components/button/button.js';
import { deepActiveElement, tabbableElements } from '../../src/components/dialog/focusable.js';

const part = (el: IopDialog, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
const nativeDialog = (el: IopDialog) => part(el, 'dialog') as HTMLDialogElement;
const active = () => deepActiveElement();

/** Shift+Tab held as two keys: Firefox's driver does not know the combined name 'Shift+Tab'. */
async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** The accessible name as the spec computes it, by axe-core's implementation (slots and shadow roots included). */
interface AxeLike {
  setup(node: Node): unknown;
  teardown(): void;
  commons: { text: { accessibleText(element: Element): string } };
}
function accessibleName(element: Element): string {
  const axe = (window as unknown as { axe: AxeLike }).axe;
  axe.setup(document.documentElement);
  try {
    return axe.commons.text.accessibleText(element).trim();
  } finally {
    axe.teardown();
  }
}

async function opened(el: IopDialog): Promise<void> {
  const afterShow = oneEvent(el, 'iop-after-show');
  el.open = true;
  await afterShow;
}

describe('iop-dialog', () => {
  afterEach(() => {
    // A failed test must not leave the page unscrollable for the next one.
    document.documentElement.style.overflow = '';
  });

  it('is closed by default and accessible when closed', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help">Text</iop-dialog>`);
    expect(el.open).to.be.false;
    expect(nativeDialog(el).open).to.be.false;
    expect(nativeDialog(el).getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('prepare() lays the closed dialog out unseen: still closed, no box, no event, focus untouched; it then opens as usual', async () => {
    const el = await fixture<IopDialog>(
      html`<div>
        <button>Before</button
        ><iop-dialog label="Help"
          ><p>Text</p>
          <a href="#x">Go</a></iop-dialog
        >
      </div>`,
    ).then((wrapper) => wrapper.querySelector<IopDialog>('iop-dialog')!);
    const before = el.parentElement!.querySelector('button')!;
    before.focus();
    const events: string[] = [];
    for (const name of ['iop-show', 'iop-hide']) el.addEventListener(name, () => events.push(name));
    el.prepare();
    expect(nativeDialog(el).open).to.be.false;
    expect(nativeDialog(el).getClientRects().length, 'no box once it returns').to.equal(0);
    expect(nativeDialog(el).style.display).to.equal('');
    expect(events).to.deep.equal([]);
    expect(active()).to.equal(before);
    await opened(el);
    expect(active()?.textContent).to.equal('Go');
    // Open already: prepare() leaves it as it is.
    el.prepare();
    expect(nativeDialog(el).matches(':modal')).to.be.true;
  });

  it('opens as a modal in the top layer, reflects open and fires iop-show then iop-after-show', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    const events: string[] = [];
    for (const name of ['iop-show', 'iop-after-show']) el.addEventListener(name, () => events.push(name));
    const afterShow = oneEvent(el, 'iop-after-show');
    await el.show();
    await afterShow;
    expect(el.hasAttribute('open')).to.be.true;
    expect(nativeDialog(el).matches(':modal')).to.be.true;
    expect(events).to.deep.equal(['iop-show', 'iop-after-show']);
    await expect(el).to.be.accessible();
  });

  it('opens from the open attribute', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog open label="Help"><button>OK</button></iop-dialog>`);
    await el.updateComplete;
    expect(nativeDialog(el).matches(':modal')).to.be.true;
    expect(active()).to.equal(el.querySelector('button'));
    el.removeAttribute('open');
    await el.updateComplete;
    expect(nativeDialog(el).open).to.be.false;
  });

  it('is named by its heading slot through aria-labelledby', async () => {
    const el = await fixture<IopDialog>(
      html`<iop-dialog
        ><span slot="heading">Get help now</span>
        <p>Body</p></iop-dialog
      >`,
    );
    await opened(el);
    const dialog = nativeDialog(el);
    const heading = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(heading).to.equal(part(el, 'heading'));
    expect(heading.tagName).to.equal('H2');
    await expect(el).to.be.accessible();
    expect(accessibleName(dialog)).to.equal('Get help now');
  });

  it('is named by its label attribute when no heading is slotted', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Your safety plan"><p>Body</p></iop-dialog>`);
    await opened(el);
    await expect(el).to.be.accessible();
    expect(accessibleName(nativeDialog(el))).to.equal('Your safety plan');
  });

  it('moves focus to the first focusable content, across slots and nested shadow roots', async () => {
    const el = await fixture<IopDialog>(html`
      <iop-dialog label="Help">
        <p>Read this first.</p>
        <iop-button>Call 988</iop-button>
        <a href="#plan">My plan</a>
      </iop-dialog>
    `);
    await opened(el);
    const button = el.querySelector<IopButton>('iop-button')!;
    expect(active()).to.equal(button.shadowRoot!.querySelector('button'));
  });

  it('focuses the element with autofocus', async () => {
    const el = await fixture<IopDialog>(html`
      <iop-dialog label="Help"><button>One</button><button autofocus>Two</button></iop-dialog>
    `);
    await opened(el);
    expect(active()).to.equal(el.querySelectorAll('button')[1]);
  });

  it('focuses the close button when the content has nothing focusable', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Only text.</p></iop-dialog>`);
    await opened(el);
    expect(active()).to.equal(part(el, 'close-button'));
  });

  it('traps Tab and Shift+Tab, cycling through the close button, slotted content and the footer', async () => {
    const el = await fixture<IopDialog>(html`
      <iop-dialog label="Help">
        <input aria-label="Name" />
        <button disabled>Not a stop</button>
        <iop-button>Nested</iop-button>
        <iop-button slot="footer" variant="secondary">Done</iop-button>
      </iop-dialog>
    `);
    await opened(el);
    const input = el.querySelector('input')!;
    const [nested, done] = [...el.querySelectorAll<IopButton>('iop-button')].map((b) =>
      b.shadowRoot!.querySelector('button')!,
    );
    const close = part(el, 'close-button');
    expect(active()).to.equal(input);
    const forward: Element[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      forward.push(active()!);
    }
    expect(forward).to.deep.equal([nested, done, close, input]);
    const backward: Element[] = [];
    for (let i = 0; i < 4; i++) {
      await shiftTab();
      backward.push(active()!);
    }
    expect(backward).to.deep.equal([close, done, nested, input]);
  });

  it('keeps focus inside when Tab is pressed and the focus sits on the dialog itself', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><button>Only</button></iop-dialog>`);
    await opened(el);
    nativeDialog(el).focus();
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(part(el, 'close-button'));
  });

  it('Escape closes it and focus returns to the iop-button that opened it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <iop-button>Get help</iop-button>
        <iop-dialog label="Help"><button>Call</button></iop-dialog>
      </div>
    `);
    const opener = wrapper.querySelector<IopButton>('iop-button')!;
    const el = wrapper.querySelector<IopDialog>('iop-dialog')!;
    opener.addEventListener('click', () => void el.show());
    opener.focus();
    const afterShow = oneEvent(el, 'iop-after-show');
    await sendKeys({ press: 'Enter' });
    await afterShow;
    expect(active()).to.equal(el.querySelector('button'));
    const hide = oneEvent(el, 'iop-hide');
    const afterHide = oneEvent(el, 'iop-after-hide');
    await sendKeys({ press: 'Escape' });
    expect(((await hide) as CustomEvent<DialogHideDetail>).detail.source).to.equal('escape');
    await afterHide;
    expect(el.open).to.be.false;
    expect(el.hasAttribute('open')).to.be.false;
    expect(nativeDialog(el).open).to.be.false;
    expect(active()).to.equal(opener.shadowRoot!.querySelector('button'));
    await expect(el).to.be.accessible();
  });

  it('the close button closes it, with source close-button, by click and by keyboard', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    await opened(el);
    const close = part(el, 'close-button');
    expect(close.getAttribute('aria-label')).to.equal('Close');
    const box = close.getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
    let hide = oneEvent(el, 'iop-hide');
    close.click();
    expect(((await hide) as CustomEvent<DialogHideDetail>).detail.source).to.equal('close-button');
    await el.updateComplete;
    expect(el.open).to.be.false;

    await opened(el);
    expect(active()).to.equal(close);
    hide = oneEvent(el, 'iop-hide');
    await sendKeys({ press: 'Enter' });
    expect(((await hide) as CustomEvent<DialogHideDetail>).detail.source).to.equal('close-button');
    await el.updateComplete;
    expect(el.open).to.be.false;
  });

  it('iop-hide is cancelable: Escape, the close button and hide() then keep it open', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><button>Stay</button></iop-dialog>`);
    const sources: string[] = [];
    el.addEventListener('iop-hide', (event) => {
      sources.push((event as CustomEvent<DialogHideDetail>).detail.source);
      event.preventDefault();
    });
    await opened(el);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.be.true;
    part(el, 'close-button').click();
    expect(await el.hide()).to.be.false;
    await el.updateComplete;
    expect(el.open).to.be.true;
    expect(nativeDialog(el).open).to.be.true;
    expect(sources).to.deep.equal(['escape', 'close-button', 'method']);
  });

  it('hide() and close() close it with source method', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    await opened(el);
    const hide = oneEvent(el, 'iop-hide');
    expect(await el.hide()).to.be.true;
    expect(((await hide) as CustomEvent<DialogHideDetail>).detail.source).to.equal('method');
    expect(nativeDialog(el).open).to.be.false;
    await opened(el);
    expect(await el.close()).to.be.true;
    expect(el.open).to.be.false;
    expect(await el.hide()).to.be.true; // already closed: nothing to do
  });

  it('setting open to false closes it and still tells listeners (not cancelable)', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    await opened(el);
    const hide = oneEvent(el, 'iop-hide');
    el.open = false;
    const event = (await hide) as CustomEvent<DialogHideDetail>;
    expect(event.detail.source).to.equal('method');
    expect(event.cancelable).to.be.false;
  });

  it('stays in sync when the browser closes the native dialog itself', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    await opened(el);
    const afterHide = oneEvent(el, 'iop-after-hide');
    nativeDialog(el).close();
    await afterHide;
    expect(el.open).to.be.false;
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('a cancel request from the browser goes through iop-hide', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    await opened(el);
    const cancel = new Event('cancel', { cancelable: true });
    const hide = oneEvent(el, 'iop-hide');
    nativeDialog(el).dispatchEvent(cancel);
    expect(cancel.defaultPrevented).to.be.true;
    expect(((await hide) as CustomEvent<DialogHideDetail>).detail.source).to.equal('escape');
    await el.updateComplete;
    expect(el.open).to.be.false;
  });

  async function clickBackdrop(el: IopDialog): Promise<void> {
    const box = nativeDialog(el).getBoundingClientRect();
    // Above the dialog, where only the backdrop is.
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + 10), Math.max(2, Math.round(box.top / 2))],
    });
  }

  it('does not close on a backdrop click by default (crisis dialogs must not close by accident)', async () => {
    await setViewport({ width: 800, height: 600 });
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    let hides = 0;
    el.addEventListener('iop-hide', () => hides++);
    await opened(el);
    await clickBackdrop(el);
    await aTimeout(50);
    expect(el.open).to.be.true;
    expect(hides).to.equal(0);
  });

  it('closes on a backdrop click with light-dismiss, but not on a click inside', async () => {
    await setViewport({ width: 800, height: 600 });
    const el = await fixture<IopDialog>(
      html`<iop-dialog label="Help" light-dismiss><p>Text</p></iop-dialog>`,
    );
    await opened(el);
    const body = part(el, 'body').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(body.left + 5), Math.round(body.top + 5)] });
    await aTimeout(50);
    expect(el.open).to.be.true;
    const hide = oneEvent(el, 'iop-hide');
    await clickBackdrop(el);
    expect(((await hide) as CustomEvent<DialogHideDetail>).detail.source).to.equal('backdrop');
    expect(el.open).to.be.false;
  });

  it('locks page scrolling while open and restores the previous overflow exactly', async () => {
    const root = document.documentElement;
    root.style.overflow = 'clip';
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    await opened(el);
    expect(root.style.overflow).to.equal('hidden');
    await el.hide();
    expect(root.style.overflow).to.equal('clip');
    root.style.overflow = '';
    await opened(el);
    el.remove(); // removed while open: unlocks too
    expect(root.style.overflow).to.equal('');
  });

  it('keeps the lock while a second dialog is still open', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <iop-dialog label="One"><p>1</p></iop-dialog>
        <iop-dialog label="Two"><p>2</p></iop-dialog>
      </div>
    `);
    const [one, two] = [...wrapper.querySelectorAll('iop-dialog')] as IopDialog[];
    await opened(one!);
    await opened(two!);
    await two!.hide();
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await one!.hide();
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('reopens when moved in the DOM while open', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <iop-dialog label="Help" open><p>1</p></iop-dialog>
      </div>`,
    );
    const el = wrapper.querySelector('iop-dialog')!;
    await el.updateComplete;
    wrapper.append(document.createElement('span'), el);
    await el.updateComplete;
    await aTimeout(0);
    expect(nativeDialog(el).matches(':modal')).to.be.true;
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await el.hide();
  });

  it('says "Cerrar" in Spanish and is accessible', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="es">
        <iop-dialog label="Ayuda"><p>Texto</p></iop-dialog>
      </div>
    `);
    const el = wrapper.querySelector('iop-dialog')!;
    await opened(el);
    expect(part(el, 'close-button').getAttribute('aria-label')).to.equal('Cerrar');
    await expect(el).to.be.accessible();
  });

  it('shows the footer only when something is slotted into it', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    await opened(el);
    expect(part(el, 'footer').hidden).to.be.true;
    const button = document.createElement('button');
    button.slot = 'footer';
    button.textContent = 'Done';
    el.append(button);
    await aTimeout(0);
    await el.updateComplete;
    expect(part(el, 'footer').hidden).to.be.false;
  });

  it('fits a 320 px screen with no horizontal scroll, and its body scrolls when content is tall', async () => {
    await setViewport({ width: 320, height: 480 });
    const el = await fixture<IopDialog>(html`
      <iop-dialog label="A long title that has to wrap on a small phone screen">
        ${Array.from({ length: 30 }, (_, i) => html`<p>Paragraph ${i} with somewhat long words.</p>`)}
        <button slot="footer">Done</button>
      </iop-dialog>
    `);
    await opened(el);
    const box = nativeDialog(el).getBoundingClientRect();
    expect(box.width).to.be.at.most(320);
    expect(box.width).to.be.at.least(300);
    expect(box.bottom).to.be.at.most(480.5);
    expect(box.height).to.be.at.most(480);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const body = part(el, 'body');
    expect(body.scrollHeight).to.be.greaterThan(body.clientHeight);
    expect(getComputedStyle(body).overflowY).to.equal('auto');
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });

  /** The rules of the element's stylesheets that apply under a media query (read through the CSSOM). */
  function rulesUnder(el: IopDialog, media: string): CSSStyleRule[] {
    const rules: CSSStyleRule[] = [];
    for (const sheet of el.shadowRoot!.adoptedStyleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && rule.conditionText.includes(media)) {
          rules.push(...[...rule.cssRules].filter((r): r is CSSStyleRule => r instanceof CSSStyleRule));
        }
      }
    }
    return rules;
  }

  it('does not animate with reduced motion, and keeps a system-colour border in forced colors', async () => {
    // Firefox's driver cannot emulate media features, so the rules are checked where they are written.
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help"><p>Text</p></iop-dialog>`);
    const calm = rulesUnder(el, 'prefers-reduced-motion').find((r) => r.selectorText === 'dialog[open]');
    expect(calm?.style.animationName).to.equal('none');
    const forced = rulesUnder(el, 'forced-colors').find((r) => r.selectorText === 'dialog');
    expect(forced?.style.borderTopStyle).to.equal('solid');
    expect(forced?.style.borderTopColor.toLowerCase()).to.equal('canvastext');
  });

  it('has a visible border and a heading (forced colors keep the border)', async () => {
    const el = await fixture<IopDialog>(html`<iop-dialog label="Help" theme="dark"><p>Text</p></iop-dialog>`);
    await opened(el);
    expect(getComputedStyle(nativeDialog(el)).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });
});

describe('iop-dialog without a visible close button', () => {
  it('keeps Tab inside even when nothing in it can take focus', async () => {
    const style = document.createElement('style');
    style.textContent = 'iop-dialog.bare::part(close-button) { display: none; }';
    document.head.append(style);
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <button>Outside</button><iop-dialog class="bare" label="Note"><p>Text only</p></iop-dialog>
      </div>
    `);
    const el = wrapper.querySelector('iop-dialog')!;
    await opened(el);
    nativeDialog(el).focus();
    await sendKeys({ press: 'Tab' });
    expect(active()).to.not.equal(wrapper.querySelector('button'));
    await el.hide();
    style.remove();
  });
});

describe('focusable helpers', () => {
  it('find the stops inside a shadow host that delegates focus', async () => {
    const host = await fixture<IopButton>(html`<iop-button>Go</iop-button>`);
    expect(tabbableElements(host)).to.deep.equal([host.shadowRoot!.querySelector('button')]);
  });

  it('skip hidden, inert, disabled and href-less anchors, and read slot fallback content', async () => {
    const host = await fixture<HTMLDivElement>(html`
      <div>
        <a>no href</a>
        <a href="#x">link</a>
        <button hidden>hidden</button>
        <div inert><button>inert</button></div>
        <button style="visibility: hidden">invisible</button>
        <span tabindex="0">custom stop</span>
        <button tabindex="-1">not in order</button>
      </div>
    `);
    const shadowHost = document.createElement('div');
    shadowHost
      .attachShadow({ mode: 'open' })
      .append(Object.assign(document.createElement('slot'), { innerText: '' }));
    const fallback = document.createElement('button');
    fallback.textContent = 'fallback';
    shadowHost.shadowRoot!.querySelector('slot')!.append(fallback);
    host.append(shadowHost);
    const names = tabbableElements(host).map((element) => element.textContent);
    expect(names).to.deep.equal(['link', 'custom stop', 'fallback']);
  });
});

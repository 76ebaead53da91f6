import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/components/crisis-connect/define.js';
import type { IopCrisisConnect } from '../../src/components/crisis-connect/crisis-connect.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { createMemoryBackend } from '../../src/core/backends/memory-backend.js';
import { DEMO_TELEHEALTH_ORIGIN } from '../../src/demo-data/seed.js';
import { signOut } from '../../src/core/client.js';
import {
  applyHostileTheme,
  backgroundOf,
  composedContains,
  contrast,
  deepActive,
  deepElementFromPoint,
  deepElements,
} from '../shared/hostile.js';

// The crisis button on a page whose theme fights it (demo/hostile/theme.css): resets with !important,
// `body > *` rules, a 62.5 % root font size, `all: unset` on buttons and links, focus rings removed, a transform
// on body and a cookie banner above everything. What a person sees must not change.

const trigger = (el: IopCrisisConnect) => el.shadowRoot!.querySelector<HTMLElement>('.trigger')!;
const dialogOf = (el: IopCrisisConnect) =>
  el.shadowRoot!.querySelector('iop-dialog')!.shadowRoot!.querySelector('dialog')!;
const center = (r: DOMRect): [number, number] => [
  Math.round(r.left + r.width / 2),
  Math.round(r.top + r.height / 2),
];

/**
 * Every action in the open dialog: each crisis link and button (the dialog's own plain <a> and <button>, and
 * the backend part's iop-buttons) and the dialog's close button.
 */
function targets(el: IopCrisisConnect): HTMLElement[] {
  const dialog = el.shadowRoot!.querySelector('iop-dialog')!;
  const own = [...dialog.querySelectorAll<HTMLElement>('a, button')];
  const buttons = [...dialog.querySelectorAll('iop-button')].map((b) =>
    b.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!,
  );
  return [...own, ...buttons, dialog.shadowRoot!.querySelector<HTMLElement>('[part="close-button"]')!];
}

/** Font sizes (px) of every element in the dialog that directly holds visible text. */
function textSizes(el: IopCrisisConnect): Map<Element, number> {
  const sizes = new Map<Element, number>();
  const dialog = el.shadowRoot!.querySelector('iop-dialog')!;
  for (const element of [dialog, ...deepElements(dialog), ...deepElements(dialog.shadowRoot!)]) {
    const text = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (text && element.getClientRects().length) {
      sizes.set(element, parseFloat(getComputedStyle(element).fontSize));
    }
  }
  return sizes;
}

async function open(el: IopCrisisConnect): Promise<void> {
  const box = trigger(el).getBoundingClientRect();
  const { clientWidth, clientHeight } = document.documentElement;
  expect(box.bottom <= clientHeight && box.right <= clientWidth, 'the button is on screen to be tapped').to.be
    .true;
  const opened = oneEvent(el, 'iop-crisis-open');
  await sendMouse({ type: 'click', position: center(box) });
  await opened;
  await waitUntil(() => dialogOf(el).open, 'dialog opens');
  await Promise.all(
    el
      .shadowRoot!.querySelector('iop-dialog')!
      .shadowRoot!.getAnimations()
      .map((a) => a.finished.catch(() => undefined)),
  );
  await waitUntil(() => el.shadowRoot!.querySelector('iop-dialog')!.textContent!.includes('Call 988'));
}

for (const [width, height] of [
  [1280, 800],
  [320, 640],
] as const) {
  describe(`iop-crisis-connect on a hostile theme at ${width} px`, () => {
    let removeTheme: () => void;
    let el: IopCrisisConnect;
    let page: HTMLElement;
    let banner: HTMLElement;
    let pageClicks = 0;

    before(async () => {
      await setViewport({ width, height });
      removeTheme = await applyHostileTheme();
      // The page: a header with a button, long content, and a cookie banner a plugin appended after <body>.
      page = document.createElement('main');
      const button = document.createElement('button');
      button.id = 'page-button';
      button.textContent = 'Page action';
      button.addEventListener('click', () => pageClicks++);
      const text = document.createElement('p');
      text.textContent = 'Lorem ipsum dolor sit amet. '.repeat(400);
      page.append(button, text);
      banner = document.createElement('div');
      banner.className = 'cookie-banner';
      banner.textContent = 'We use cookies.';
      document.documentElement.append(banner);
      configure({
        backend: createMemoryBackend({ participant: 'alex' }),
        allowedOrigins: [DEMO_TELEHEALTH_ORIGIN],
        safetyPlanUrl: '/plan',
      });
      el = document.createElement('iop-crisis-connect');
      // Direct children of body, as a clinic's CMS puts them (the theme's `body > *` rules apply).
      document.body.append(page, el);
      await el.updateComplete;
    });

    after(async () => {
      el.remove();
      page.remove();
      banner.remove();
      removeTheme();
      await signOut();
      resetConfig();
      window.scrollTo(0, 0);
      await setViewport({ width: 800, height: 600 });
    });

    afterEach(async () => {
      if (el.shadowRoot!.querySelector('iop-dialog')?.open) {
        await sendKeys({ press: 'Escape' });
        await waitUntil(() => !dialogOf(el).open, 'dialog closes');
      }
    });

    it('floats in its bottom corner, fully on screen and above the page, also when scrolled', async () => {
      for (const scroll of [0, 600]) {
        window.scrollTo(0, scroll);
        await new Promise(requestAnimationFrame);
        const box = trigger(el).getBoundingClientRect();
        expect(box.width, 'width').to.be.at.least(44);
        expect(box.height, 'height').to.be.at.least(44);
        expect(box.left, 'left edge on screen').to.be.at.least(0);
        expect(box.top, 'top edge on screen').to.be.at.least(0);
        // 16 px from the right and bottom edges of the screen (the default inset; no safe area here).
        expect(
          document.documentElement.clientWidth - box.right,
          `right gap, scrolled ${scroll}`,
        ).to.be.closeTo(16, 1);
        expect(
          document.documentElement.clientHeight - box.bottom,
          `bottom gap, scrolled ${scroll}`,
        ).to.be.closeTo(16, 1);
        // A tap on it reaches it, not the cookie banner that covers the bottom of the page.
        const hit = deepElementFromPoint(...center(box));
        const button = el.shadowRoot!.querySelector('.trigger')!;
        expect(composedContains(button, hit), `tap reaches the button, got ${hit?.nodeName}`).to.be.true;
      }
      window.scrollTo(0, 0);
    });

    it('opens a real modal: in the top layer, and the page behind takes no click and no Tab', async () => {
      await open(el);
      const dialog = dialogOf(el);
      expect(dialog.matches(':modal'), 'modal (top layer)').to.be.true;
      const pageButton = document.getElementById('page-button')!.getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [Math.round(pageButton.left + 2), Math.round(pageButton.top + 2)],
      });
      expect(pageClicks, 'the page button behind the dialog took no click').to.equal(0);
      expect(dialog.open, 'a click on the backdrop does not close crisis help').to.be.true;
      for (let i = 0; i < 30; i++) {
        await sendKeys({ press: 'Tab' });
        expect(composedContains(el, deepActive()), `Tab ${i + 1} stays in the dialog`).to.be.true;
      }
    });

    it('keeps every crisis link and button at least 44 x 44 px, and nothing off screen or clipped', async () => {
      await open(el);
      const dialog = dialogOf(el).getBoundingClientRect();
      expect(dialog.left, 'dialog left edge').to.be.at.least(0);
      expect(dialog.right, 'dialog right edge').to.be.at.most(document.documentElement.clientWidth);
      const all = targets(el);
      expect(all.length).to.be.at.least(8);
      for (const target of all) {
        const box = target.getBoundingClientRect();
        const name = target.textContent!.trim() || target.getAttribute('aria-label');
        expect(box.width, `${name} width`).to.be.at.least(44);
        expect(box.height, `${name} height`).to.be.at.least(44);
        expect(box.left, `${name} inside the dialog`).to.be.at.least(dialog.left - 0.5);
        expect(box.right, `${name} inside the dialog`).to.be.at.most(dialog.right + 0.5);
      }
      const { scrollWidth, clientWidth } = document.documentElement;
      expect(scrollWidth, 'no sideways scroll').to.be.at.most(clientWidth);
    });

    it('shows a focus ring of at least 2 px with 3:1 contrast on the focused link', async () => {
      await open(el);
      let focused: Element | null = null;
      for (let i = 0; i < 12 && !focused; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (active?.matches('a[href^="tel:"]')) focused = active;
      }
      expect(focused, 'Tab reaches a phone link').to.exist;
      const style = getComputedStyle(focused!);
      expect(style.outlineStyle).to.not.equal('none');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      // The ring is drawn outside the link (with an offset), on the dialog's surface.
      const ratio = contrast(style.outlineColor, backgroundOf(dialogOf(el)));
      expect(ratio, `ring ${style.outlineColor} on the dialog`).to.be.at.least(3);
    });

    it('keeps text at least 16 px under a 62.5 % root font size, and no smaller than on a plain page', async () => {
      await open(el);
      const hostile = textSizes(el);
      removeTheme();
      await new Promise(requestAnimationFrame);
      const plain = textSizes(el);
      removeTheme = await applyHostileTheme();
      expect(hostile.size).to.be.at.least(10);
      for (const [element, size] of hostile) {
        const what = `${element.nodeName} "${element.textContent!.trim().slice(0, 30)}"`;
        expect(size, what).to.be.at.least(plain.get(element)! - 0.01);
        // Small print (hints, descriptions) is 0.875 of the base; everything else is at least 16 px.
        expect(size, what).to.be.at.least(element.matches('.muted') ? 14 : 16);
      }
      for (const target of targets(el).slice(0, -1)) {
        expect(parseFloat(getComputedStyle(target).fontSize), target.textContent!.trim()).to.be.at.least(16);
      }
    });
  });
}

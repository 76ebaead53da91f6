import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/crisis-connect/define.js';
import type { IopCrisisConnect } from '../../src/components/crisis-connect/crisis-connect.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import { createSeed, DEMO_CHAT_URL, DEMO_TELEHEALTH_ORIGIN } from '../../src/demo-data/seed.js';
import { signOut } from '../../src/core/client.js';
import { whenCached } from '../shared/cache.js';
import type { TelehealthRequest } from '../../src/core/schemas.js';

const shadow = (el: Element) => el.shadowRoot!;
const dialogOf = (el: IopCrisisConnect) => shadow(el).querySelector('iop-dialog')!;

/** Text a person would read: light DOM of the dialog (our content), ignoring hidden nodes. */
function collectText(root: Element): string {
  return (root as HTMLElement).innerText ?? root.textContent ?? '';
}

function links(el: IopCrisisConnect): string[] {
  // The dialog's own links (plain <a>) and those of the backend part (iop-button with href).
  return [...dialogOf(el).querySelectorAll('[href]')].map((b) => b.getAttribute('href')!);
}

async function openDialog(el: IopCrisisConnect): Promise<void> {
  const opened = oneEvent(el, 'iop-crisis-open');
  shadow(el).querySelector<HTMLElement>('.trigger')!.click();
  await opened;
  await settled(el);
}

/** The dialog is open and its opening animation is over (axe measures colours mid-fade otherwise). */
async function settled(el: IopCrisisConnect): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => dialogOf(el)?.open, 'dialog opens');
  const animations = dialogOf(el).shadowRoot!.getAnimations?.() ?? [];
  await Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
}

let backend: MemoryBackend;

/** Buttons in the video section whose text matches. */
const videoButton = (el: IopCrisisConnect, label: RegExp) =>
  [...dialogOf(el).querySelectorAll<HTMLElement>('.video iop-button')].find((b) =>
    label.test(b.textContent!),
  )!;

/** Taps "Start an emergency video session", then answers "Where are you right now?" with Skip. */
async function startVideoSkippingWhere(el: IopCrisisConnect): Promise<void> {
  await waitUntil(() => dialogOf(el).querySelector('.video iop-button'));
  dialogOf(el).querySelector<HTMLElement>('.video iop-button')!.click();
  await waitUntil(() => collectText(dialogOf(el)).includes('Where are you right now?'), 'asks where I am');
  videoButton(el, /^\s*Skip\s*$/).click();
}

async function render(markup = html`<iop-crisis-connect variant="inline"></iop-crisis-connect>`) {
  const wrapper = await fixture<HTMLElement>(html`<div>${markup}</div>`);
  return wrapper.querySelector('iop-crisis-connect')!;
}

describe('iop-crisis-connect', () => {
  beforeEach(() => {
    backend = createMemoryBackend({ participant: 'alex' });
    configure({ backend, allowedOrigins: [DEMO_TELEHEALTH_ORIGIN], safetyPlanUrl: '/plan' });
  });
  afterEach(async () => {
    await signOut();
    resetConfig();
  });

  it('hides its no-JavaScript fallback once upgraded and shows its own 44 px button', async () => {
    const el = await render(
      html`<iop-crisis-connect variant="inline"
        ><p>Call <a href="tel:988">988</a></p></iop-crisis-connect
      >`,
    );
    const fallback = el.querySelector('a')!;
    expect(fallback.getClientRects().length, 'fallback not rendered').to.equal(0);
    const trigger = shadow(el).querySelector('.trigger')!;
    expect(trigger.textContent).to.contain('Get help now');
    const box = trigger.getBoundingClientRect();
    expect(box.height).to.be.at.least(44);
    expect(box.width).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('floats in the bottom corner by default, in the top layer', async () => {
    const el = await render(html`<iop-crisis-connect></iop-crisis-connect>`);
    const button = shadow(el).querySelector('.trigger')!;
    expect(button.matches(':popover-open'), 'in the top layer').to.be.true;
    const rect = button.getBoundingClientRect();
    expect(document.documentElement.clientHeight - rect.bottom).to.be.within(0, 40);
    expect(document.documentElement.clientWidth - rect.right).to.be.within(0, 40);
  });

  it('leaves the top layer when it stops floating, and floats again when moved in the page', async () => {
    const el = await render(html`<iop-crisis-connect></iop-crisis-connect>`);
    const button = () => shadow(el).querySelector('.trigger')!;
    el.variant = 'inline';
    await el.updateComplete;
    expect(button().matches(':popover-open')).to.be.false;
    expect(getComputedStyle(button()).position).to.equal('static');
    el.variant = 'floating';
    await el.updateComplete;
    expect(button().matches(':popover-open')).to.be.true;
    document.body.append(el);
    expect(button().matches(':popover-open'), 'again after a move').to.be.true;
    el.hidden = true;
    expect(button().getClientRects().length, 'hidden with its element').to.equal(0);
    el.remove();
  });

  it('the emergency call is the autofocus of the dialog, so showModal itself focuses it (Chromium: one focus move, not two)', async () => {
    const el = await render();
    const landed: string[] = [];
    el.addEventListener('focusin', (event) =>
      landed.push((event.composedPath()[0] as HTMLElement).textContent!.trim()),
    );
    await openDialog(el);
    const call = dialogOf(el).querySelector<HTMLAnchorElement>('a[href="tel:911"]')!;
    expect(call.hasAttribute('autofocus')).to.equal(true);
    expect(dialogOf(el).querySelectorAll('[autofocus]')).to.have.length(1);
    expect(shadow(el).activeElement, 'focus ends on the emergency call').to.equal(call);
    // Firefox's showModal looks for autofocus in the dialog's own tree, not in slotted content: there the dialog
    // moves focus on from the close button, as before.
    if (!navigator.userAgent.includes('Firefox')) expect(landed).to.deep.equal(['Call 911']);
  });

  it('"My safety plan" to a place on this page closes the dialog there, and focus can move to the plan', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <h2 id="the-plan" tabindex="-1">My plan</h2>
        <iop-crisis-connect variant="inline" safety-plan-url="#the-plan"></iop-crisis-connect>
      </div>`,
    );
    const el = wrapper.querySelector('iop-crisis-connect')!;
    await openDialog(el);
    const closed = oneEvent(el, 'iop-crisis-close');
    const plan = [...dialogOf(el).querySelectorAll('a')].find(
      (a) => a.textContent!.trim() === 'My safety plan',
    )!;
    plan.focus();
    await sendKeys({ press: 'Enter' });
    await closed;
    expect(location.hash).to.equal('#the-plan');
    expect(dialogOf(el).open).to.equal(false);
    // The page behind is no longer inert: it can take focus (the portal demo moves it to the plan's heading).
    wrapper.querySelector<HTMLElement>('#the-plan')!.focus();
    expect(document.activeElement?.id).to.equal('the-plan');
    history.replaceState(null, '', location.pathname + location.search);
  });

  for (const [url, why] of [
    ['#not-on-this-page', 'a place this page does not have'],
    ['/plan#steps', 'another page'],
  ])
    it(`"My safety plan" to ${why} leaves the dialog open`, async () => {
      const el = await render(
        html`<iop-crisis-connect variant="inline" safety-plan-url=${url}></iop-crisis-connect>`,
      );
      await openDialog(el);
      const plan = [...dialogOf(el).querySelectorAll('a')].find(
        (a) => a.textContent!.trim() === 'My safety plan',
      )!;
      // Only the click's handling is tested: the navigation itself is cancelled, the test page stays.
      plan.addEventListener('click', (event) => event.preventDefault(), { once: true });
      plan.click();
      await el.updateComplete;
      await dialogOf(el).updateComplete;
      expect(dialogOf(el).open).to.equal(true);
    });

  it('"My safety plan" is not a link for a javascript: URL', async () => {
    const el = await render(
      html`<iop-crisis-connect variant="inline" safety-plan-url="javascript:alert(1)"></iop-crisis-connect>`,
    );
    await openDialog(el);
    expect(links(el).some((href) => href.startsWith('javascript:'))).to.equal(false);
    expect(collectText(dialogOf(el))).not.to.contain('My safety plan');
  });

  it('opens with the keyboard and lists help in order: emergency, on-call, video, hotlines, plan, quick exit', async () => {
    const el = await render();
    shadow(el).querySelector<HTMLElement>('.trigger')!.focus();
    const opened = oneEvent(el, 'iop-crisis-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    await settled(el);
    const dialog = dialogOf(el);
    await waitUntil(() => collectText(dialog).includes('Has your safety plan'), 'on-call clinician shown');
    const order = [
      'In danger now? Call 911',
      'on call now',
      'emergency video session',
      'Crisis lines',
      'My safety plan',
      'Leave this site quickly',
    ];
    // The buttons that arrive with the backend part render their text a moment after the on-call line.
    await waitUntil(
      () => order.every((needle) => collectText(dialog).includes(needle)),
      'every section shown',
    );
    const text = collectText(dialog);
    const positions = order.map((needle) => text.indexOf(needle));
    for (const [i, p] of positions.entries()) expect(p, order[i]).to.be.greaterThan(-1);
    expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);
    expect(links(el)[0]).to.equal('tel:911');
    expect(links(el)).to.include.members([
      'tel:988',
      'sms:988',
      'sms:741741?&body=HOME',
      'tel:+18006624357',
      '/plan',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows the hotlines at once while the backend is slow', async () => {
    backend.simulate({ latencyMs: 60_000 });
    const el = await render();
    await openDialog(el);
    const text = collectText(dialogOf(el));
    expect(text).to.contain('988');
    expect(text).to.contain('Finding who is on call');
    expect(links(el)).to.include('tel:988');
  });

  for (const [name, simulation, message] of [
    ['a 500', { failWith: { status: 500 } }, 'could not reach your care team'],
    ['a 401 (signed out)', { failWith: { status: 401 } }, 'Sign in to see your on-call therapist'],
    ['garbage data', { malformed: true }, 'could not reach your care team'],
    ['offline', { offline: true }, 'offline'],
    ['a timeout', { failWith: 'timeout' }, 'offline'],
  ] as const) {
    it(`still shows every way to get help with ${name} from the backend`, async () => {
      backend.simulate(simulation);
      const el = await render();
      await openDialog(el);
      await waitUntil(() => collectText(dialogOf(el)).includes(message), `says "${message}"`);
      expect(links(el)).to.include.members(['tel:911', 'tel:988', 'sms:741741?&body=HOME']);
      await expect(el).to.be.accessible();
    });
  }

  it('never opens an unsafe video link and points to the phone instead', async () => {
    for (const joinUrl of [
      'javascript:alert(1)',
      'http://telehealth.clinic.example/r',
      'https://evil.example/r',
    ]) {
      const el = await render();
      backend.startTelehealth = async () => ({
        joinUrl,
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      });
      await openDialog(el);
      await startVideoSkippingWhere(el);
      await waitUntil(() => collectText(dialogOf(el)).includes('cannot trust'), `refuses ${joinUrl}`);
      expect(links(el)).not.to.include(joinUrl);
      el.remove();
    }
  });

  it('starts a video session with the partner when asked', async () => {
    let asked: boolean | undefined;
    const start = backend.startTelehealth.bind(backend);
    backend.startTelehealth = (request, options) => {
      asked = request.includePartner;
      return start(request, options);
    };
    const el = await render(html`<iop-crisis-connect variant="inline" include-partner></iop-crisis-connect>`);
    await openDialog(el);
    await startVideoSkippingWhere(el);
    await waitUntil(() => collectText(dialogOf(el)).includes('partner to join'));
    const yes = [...dialogOf(el).querySelectorAll<HTMLElement>('.video iop-button')].find((b) =>
      b.textContent!.includes('with my partner'),
    )!;
    yes.click();
    await waitUntil(() => dialogOf(el).querySelector('.video iop-button[href]'), 'join link shown');
    expect(asked).to.equal(true);
    const join = dialogOf(el).querySelector('.video iop-button[href]')!.getAttribute('href')!;
    expect(join.startsWith(`${DEMO_TELEHEALTH_ORIGIN}/`)).to.be.true;
  });

  it('says plainly when the video session fails', async () => {
    backend.simulate({ failWith: { status: 503 }, only: ['startTelehealth'] });
    const el = await render();
    await openDialog(el);
    await startVideoSkippingWhere(el);
    await waitUntil(() => collectText(dialogOf(el)).includes('did not start'));
    expect(collectText(dialogOf(el))).to.contain('Please call instead');
  });

  describe('where I am, before an emergency video session', () => {
    let requests: TelehealthRequest[];
    beforeEach(() => {
      requests = [];
      const start = backend.startTelehealth.bind(backend);
      backend.startTelehealth = (request, options) => (requests.push(request), start(request, options));
    });

    async function askWhere(el: IopCrisisConnect): Promise<HTMLInputElement> {
      await openDialog(el);
      await waitUntil(() => dialogOf(el).querySelector('.video iop-button'));
      dialogOf(el).querySelector<HTMLElement>('.video iop-button')!.click();
      await waitUntil(() => dialogOf(el).querySelector('.where input'), 'asks where I am');
      return dialogOf(el).querySelector<HTMLInputElement>('.where input')!;
    }

    it('sends what I type with the video request and nowhere else; the call options stay on screen', async () => {
      const el = await render();
      const input = await askWhere(el);
      expect(collectText(dialogOf(el))).to.contain(
        'Where are you right now? Your clinician needs to know in case they must send help to you.',
      );
      // Never blocking: the phone options are still there while I answer.
      expect(links(el)).to.include.members(['tel:911', 'tel:988']);
      await expect(el).to.be.accessible();
      input.focus();
      await sendKeys({ type: '1200 W Harrison St, Chicago' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el).querySelector('.video iop-button[href]'), 'join link shown');
      expect(requests).to.deep.equal([{ includePartner: false, location: '1200 W Harrison St, Chicago' }]);
      // Not in the crisis events, not in what the kit keeps.
      await waitUntil(() => backend.crisisEvents.some((e) => e.action === 'telehealth-start'));
      expect(JSON.stringify(backend.crisisEvents)).not.to.contain('Harrison');
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.contain('Harrison');
      // Asked again next time: nothing was kept.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(el).open);
    });

    it('"Skip" starts the session without a location', async () => {
      const el = await render();
      await askWhere(el);
      videoButton(el, /^\s*Skip\s*$/).click();
      await waitUntil(() => dialogOf(el).querySelector('.video iop-button[href]'), 'join link shown');
      expect(requests).to.deep.equal([{ includePartner: false }]);
    });

    it("fills the field from the browser's location only when I tap to share it", async () => {
      const asked: unknown[] = [];
      const fake = {
        getCurrentPosition(ok: PositionCallback, fail: PositionErrorCallback) {
          asked.push(1);
          if (asked.length > 1) fail({ code: 1, message: 'denied' } as GeolocationPositionError);
          else
            ok({
              coords: { latitude: 41.878114, longitude: -87.629798, accuracy: 29.6 },
            } as GeolocationPosition);
        },
      };
      const el = await render();
      const input = await askWhere(el);
      // An own property over the built-in getter (set once the dialog is up), removed afterwards.
      Object.defineProperty(navigator, 'geolocation', { configurable: true, get: () => fake });
      try {
        expect(asked, 'not before the tap').to.have.length(0);
        videoButton(el, /Use my location/).click();
        await waitUntil(() => input.value !== '', 'filled');
        expect(input.value).to.equal('Near 41.87811, -87.62980 (within 30 m)');
        // Refused the second time: it says so and the session can still start.
        videoButton(el, /Use my location/).click();
        await waitUntil(() => collectText(dialogOf(el)).includes('could not be found'));
        videoButton(el, /Start the video session/).click();
        await waitUntil(() => requests.length === 1);
        expect(requests[0]!.location).to.equal('Near 41.87811, -87.62980 (within 30 m)');
      } finally {
        delete (navigator as { geolocation?: unknown }).geolocation;
      }
    });

    it('asks in Spanish', async () => {
      const el = await render(html`<iop-crisis-connect variant="inline" lang="es"></iop-crisis-connect>`);
      await askWhere(el);
      const words = collectText(dialogOf(el));
      expect(words).to.contain('¿Dónde estás ahora?');
      expect(words).to.contain('Omitir');
      await expect(el).to.be.accessible();
    });
  });

  it('shows an on-call number that is not a phone number as text, not a link', async () => {
    const get = backend.getCrisisResources.bind(backend);
    backend.getCrisisResources = async (o) => {
      const r = await get(o);
      return { ...r, onCall: { ...r.onCall, phone: 'ask the front desk' } };
    };
    const el = await render();
    await openDialog(el);
    await waitUntil(() => collectText(dialogOf(el)).includes('ask the front desk'));
    expect(links(el).some((h) => h.includes('front'))).to.be.false;
  });

  it('shows the region’s emergency number and lines', async () => {
    const el = await render(html`<iop-crisis-connect variant="inline" region="GB"></iop-crisis-connect>`);
    await openDialog(el);
    expect(collectText(dialogOf(el))).to.contain('In danger now? Call 999');
    expect(links(el)).to.include.members(['tel:999', 'tel:116123', 'sms:85258?&body=SHOUT']);
    expect(links(el)).not.to.include('tel:911');
  });

  it('builds its dialog closed once the page is idle, hidden from everyone until a tap opens it', async () => {
    const el = await render();
    await waitUntil(() => dialogOf(el), 'dialog built while idle', { timeout: 5000 });
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(false);
    const call988 = dialog.querySelector<HTMLElement>('a[href="tel:988"]')!;
    expect(call988, 'the lines are ready').to.exist;
    expect(call988.getClientRects().length, 'but not shown').to.equal(0);
    expect(dialog.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    await expect(el).to.be.accessible();
    await openDialog(el);
    expect(dialogOf(el), 'the same dialog opens').to.equal(dialog);
    expect(call988.getClientRects().length).to.be.greaterThan(0);
  });

  it('speaks Spanish', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><iop-crisis-connect variant="inline"></iop-crisis-connect></div>`,
    );
    const el = wrapper.querySelector('iop-crisis-connect')!;
    await el.updateComplete;
    expect(shadow(el).querySelector('.trigger')!.textContent).to.contain('Ayuda ahora');
    await openDialog(el);
    expect(collectText(dialogOf(el))).to.contain('¿En peligro ahora? Llama al 911');
    // The built-in crisis lines in Spanish too.
    expect(collectText(dialogOf(el))).to.contain(
      '988 Línea de Prevención del Suicidio y Crisis: llama al 988',
    );
    expect(collectText(dialogOf(el))).to.contain('En español: llama al 988 y marca 2');
    await expect(el).to.be.accessible();
  });

  it('closes with Escape and gives focus back to the button, firing events and logging them', async () => {
    const el = await render();
    shadow(el).querySelector<HTMLElement>('.trigger')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    const closed = oneEvent(el, 'iop-crisis-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    const trigger = shadow(el).querySelector('.trigger')!;
    await waitUntil(() => shadow(el).activeElement === trigger, 'focus back on the button');
    await waitUntil(() => backend.crisisEvents.some((e) => e.type === 'crisis-close'), 'close logged');
    expect(backend.crisisEvents.map((e) => e.type)).to.include('crisis-open');
  });

  it('fires iop-crisis-action and logs the action through the outbox', async () => {
    const el = await render();
    await openDialog(el);
    const call = dialogOf(el).querySelector<HTMLElement>('a[href="tel:911"]')!;
    // Do not follow the tel: link in the test browser.
    call.addEventListener('click', (e) => e.preventDefault(), { once: true });
    const action = oneEvent(el, 'iop-crisis-action');
    call.click();
    const event = await action;
    expect(event.detail).to.deep.equal({ action: 'call-emergency', target: '911' });
    await waitUntil(() => backend.crisisEvents.some((e) => e.action === 'call-emergency'), 'action logged');
    const logged = backend.crisisEvents.find((e) => e.action === 'call-emergency')!;
    expect(Object.keys(logged).sort()).to.deep.equal(['action', 'at', 'id', 'target', 'type']);
  });

  it('shows only the always-open help when signed out', async () => {
    resetConfig();
    configure({ baseUrl: '/api/v1' }); // REST, no token: signed out
    const el = await render();
    await openDialog(el);
    await waitUntil(() => collectText(dialogOf(el)).includes('Sign in to see'));
    expect(dialogOf(el).querySelector('.video')).to.equal(null);
    expect(links(el)).to.include('tel:988');
  });

  it('quick exit blanks the page at once and leaves with location.replace to a neutral site', async () => {
    const el = await render(
      html`<iop-crisis-connect
        variant="inline"
        quick-exit-url="https://weather.example/"
      ></iop-crisis-connect>`,
    );
    let went: string | undefined;
    let blankWhenLeaving: boolean | undefined;
    el.navigate = (url) => {
      went = url;
      const modal = dialogOf(el).shadowRoot!.querySelector('dialog')!;
      blankWhenLeaving = document.body.getClientRects().length === 0 && modal.getClientRects().length === 0;
    };
    await openDialog(el);
    try {
      dialogOf(el).querySelector<HTMLElement>('[part="quick-exit"]')!.click();
      expect(went).to.equal('https://weather.example/');
      expect(blankWhenLeaving, 'nothing of the page is rendered while the next one loads').to.equal(true);
    } finally {
      document.documentElement.hidden = false;
    }
  });

  it('shows the built-in help at once and says it is finding who is on call until the backend part arrives', async () => {
    // A slow backend: the on-call answer cannot beat the first render (with none, it sometimes does).
    backend.simulate({ latencyMs: 1500 });
    const el = await render();
    el.show();
    await el.updateComplete;
    // The same render that opens the dialog has the emergency number, the lines and the placeholder.
    const text = collectText(dialogOf(el));
    expect(text).to.contain('In danger now? Call 911');
    expect(text).to.contain('Finding who is on call');
    expect(links(el)).to.include.members(['tel:911', 'tel:988', 'sms:741741?&body=HOME']);
    await waitUntil(() => collectText(dialogOf(el)).includes('Has your safety plan'), 'on-call shown', {
      timeout: 5000,
    });
    expect(collectText(dialogOf(el))).to.not.contain('Finding who is on call');
  });

  it('offers the care-team chat only on an allowed https origin, and logs it', async () => {
    configure({ allowedOrigins: [DEMO_TELEHEALTH_ORIGIN, new URL(DEMO_CHAT_URL).origin] });
    const el = await render();
    await openDialog(el);
    await waitUntil(() => dialogOf(el).querySelector('.chat iop-button'), 'chat offered');
    const chat = dialogOf(el).querySelector<HTMLElement>('.chat iop-button')!;
    expect(chat.getAttribute('href')).to.equal(DEMO_CHAT_URL);
    expect(chat.textContent).to.contain('Chat with your care team');
    chat.addEventListener('click', (e) => e.preventDefault(), { once: true });
    const action = oneEvent(el, 'iop-crisis-action');
    chat.shadowRoot!.querySelector<HTMLElement>('a')!.click();
    expect((await action).detail).to.deep.equal({ action: 'chat-care-team', target: undefined });
    el.remove();

    configure({ allowedOrigins: [DEMO_TELEHEALTH_ORIGIN] });
    const other = await render();
    await openDialog(other);
    await waitUntil(() => collectText(dialogOf(other)).includes('Has your safety plan'), 'on-call shown');
    expect(dialogOf(other).querySelector('.chat')).to.equal(null);
  });

  it('says when video is not available and still lists the phone options', async () => {
    const seed = createSeed(new Date());
    seed.telehealth.available = false;
    backend = createMemoryBackend({ participant: 'alex', seed });
    configure({ backend });
    const el = await render();
    await openDialog(el);
    await waitUntil(() => collectText(dialogOf(el)).includes('Video is not available'), 'says so');
    expect(dialogOf(el).querySelector('.video iop-button')).to.equal(null);
    expect(links(el)).to.include.members(['tel:911', 'tel:988']);
    await expect(el).to.be.accessible();
  });

  it('without any backend, drops the on-call part and keeps the always-open help', async () => {
    resetConfig();
    const el = await render();
    await openDialog(el);
    await waitUntil(() => !dialogOf(el).querySelector('.on-call'), 'no on-call section');
    expect(dialogOf(el).querySelector('.video')).to.equal(null);
    expect(links(el)).to.include.members(['tel:911', 'tel:988', 'sms:741741?&body=HOME']);
  });

  it('shows the on-call clinician in Spanish, and saved data with its age', async () => {
    const first = await render();
    await openDialog(first);
    await waitUntil(() => collectText(dialogOf(first)).includes('Has your safety plan'), 'shown');
    // Shown comes before stored (the write is encrypted, then committed): wait for the copy on disk.
    await whenCached('crisis-resources');
    first.remove();
    backend.simulate({ latencyMs: 60_000 });
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><iop-crisis-connect variant="inline"></iop-crisis-connect></div>`,
    );
    const el = wrapper.querySelector('iop-crisis-connect')!;
    await openDialog(el);
    await waitUntil(() => collectText(dialogOf(el)).includes('Tiene tu plan de seguridad'), 'from cache');
    const text = collectText(dialogOf(el));
    expect(text).to.contain('De guardia hasta las');
    expect(text).to.contain('Guardado');
    await expect(el).to.be.accessible();
  });

  it('keeps a focused element out from under the floating button', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <div style="height: calc(100vh - 40px)"></div>
        <button style="display: block; margin-inline-start: auto">Focus me</button>
        <div style="height: 100vh"></div>
        <iop-crisis-connect></iop-crisis-connect>
      </div>`,
    );
    const el = wrapper.querySelector('iop-crisis-connect')!;
    await el.updateComplete;
    window.scrollTo(0, 0);
    const button = wrapper.querySelector('button')!;
    const covered = (a: DOMRect, b: DOMRect) =>
      a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
    const floating = () => el.shadowRoot!.querySelector('.trigger')!.getBoundingClientRect();
    expect(covered(button.getBoundingClientRect(), floating()), 'the page puts it under the button').to.be
      .true;
    button.focus();
    expect(covered(button.getBoundingClientRect(), floating()), 'scrolled out from under').to.be.false;
    window.scrollTo(0, 0);
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/components/pet-friendly-toggle/define.js';
import '../../src/components/provider/define.js';
import type { IopPetFriendlyToggle } from '../../src/components/pet-friendly-toggle/pet-friendly-toggle.js';
import { switchMessages } from '../../src/components/switch/switch.messages.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { getClient, signOut } from '../../src/core/client.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import { createSeed, DEMO_TELEHEALTH_ORIGIN, type Seed } from '../../src/demo-data/seed.js';
import { ConfigError, HttpError } from '../../src/core/errors.js';
import type { IopErrorDetail } from '../../src/internal/data-controller.js';
import { runFormControlSuite } from '../shared/form-control-suite.js';

type El = IopPetFriendlyToggle;
const $ = <T extends Element = HTMLElement>(el: El, selector: string) =>
  el.shadowRoot!.querySelector<T & HTMLElement>(selector);
const control = (el: El) => $<HTMLButtonElement>(el, '[part="control"]')!;
const note = (el: El) => $(el, '[part="note"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const statusLine = (el: El) => $(el, '[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function toggle(el: El): Promise<void> {
  el.focus();
  await sendKeys({ press: ' ' });
  await el.updateComplete;
}

runFormControlSuite<El>({
  tag: 'iop-pet-friendly-toggle',
  render: (a) =>
    html`<iop-pet-friendly-toggle
      bind="none"
      name=${ifDefined(a.name)}
      value=${ifDefined(a.value)}
      ?checked=${a.checked}
      ?disabled=${a.disabled}
      ?required=${a.required}
    ></iop-pet-friendly-toggle>`,
  toggle,
  settle: (el) => el.updateComplete,
  requiredMessage: { en: switchMessages.en.required, es: switchMessages.es.required },
});

let seed: Seed;
let backend: MemoryBackend;

async function render(markup = html`<iop-pet-friendly-toggle></iop-pet-friendly-toggle>`): Promise<El> {
  const wrapper = await fixture<HTMLElement>(html`<div>${markup}</div>`);
  return wrapper.querySelector('iop-pet-friendly-toggle')!;
}

/** Rendered and showing the server's value. */
async function ready(markup?: ReturnType<typeof html>): Promise<El> {
  const el = await render(markup);
  await waitUntil(() => !control(el).disabled, 'loaded');
  await el.updateComplete;
  return el;
}

async function saved(participant: 'alex' | 'jordan' = 'alex') {
  return (await createMemoryBackend({ participant, seed }).getPreferences()).preferences;
}

describe('iop-pet-friendly-toggle bound to the preferences', () => {
  beforeEach(() => {
    seed = createSeed(new Date());
    backend = createMemoryBackend({ participant: 'alex', seed });
    configure({ backend, allowedOrigins: [DEMO_TELEHEALTH_ORIGIN] });
  });
  afterEach(async () => {
    await signOut({ flushTimeoutMs: 0 });
    resetConfig();
  });

  it('loads: locked with "Loading" first, then shows the saved setting with its default label', async () => {
    backend.simulate({ latencyMs: 150, only: ['getPreferences'] });
    const el = await render();
    expect(control(el).disabled).to.be.true;
    expect(note(el)).to.equal('Loading your setting…');
    const height = el.getBoundingClientRect().height;
    await expect(el).to.be.accessible();
    await waitUntil(() => el.checked, 'Alex has it on');
    await el.updateComplete;
    expect(control(el).disabled).to.be.false;
    expect(control(el).getAttribute('aria-checked')).to.equal('true');
    expect($(el, '[part="label"]')!.textContent).to.contain('Bring my pet to sessions');
    expect(note(el)).to.equal('');
    expect(el.getBoundingClientRect().height, 'no jump before the details').to.be.at.least(height);
    expect(control(el).getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('keeps its own label and speaks Spanish inside lang="es"', async () => {
    const el = await ready(html`<div lang="es"><iop-pet-friendly-toggle></iop-pet-friendly-toggle></div>`);
    expect($(el, '[part="label"]')!.textContent).to.contain('Llevar a mi mascota');
    const own = await ready(html`<iop-pet-friendly-toggle>Pets welcome</iop-pet-friendly-toggle>`);
    expect(own.label).to.equal('');
    expect(own.shadowRoot!.textContent).to.not.contain('Bring my pet');
  });

  it('saves a toggle optimistically: moves at once, "Saving…", then "Saved" and the server has it', async () => {
    backend.simulate({ latencyMs: 200, only: ['updatePreferences'] });
    const el = await ready();
    const events: string[] = [];
    for (const type of ['input', 'change']) el.addEventListener(type, (e) => events.push(e.type));
    await toggle(el);
    expect(events).to.deep.equal(['input', 'change']);
    expect(el.checked).to.be.false;
    expect(control(el).getAttribute('aria-checked')).to.equal('false');
    await waitUntil(() => note(el) === 'Saving…', 'saving');
    await expect(el).to.be.accessible();
    await waitUntil(() => note(el) === 'Saved', 'saved', { timeout: 3000 });
    expect($(el, '[part="note"]')!.getAttribute('role')).to.equal('status');
    expect(await saved()).to.deep.include({ petFriendly: false, version: 2 });
    expect(el.checked).to.be.false;
    // Two quick changes: the second waits for the first and is sent with its new version.
    await toggle(el);
    await toggle(el);
    await waitUntil(() => note(el) === 'Saved' && el.phase === 'saved', 'both saved', { timeout: 3000 });
    await waitUntil(async () => (await getClient().outbox.pendingCount()) === 0);
    expect(await saved()).to.deep.include({ petFriendly: false });
    expect(el.checked).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('rolls back and says so politely when the server refuses the change', async () => {
    const el = await ready();
    backend.simulate({ failWith: { status: 403 }, only: ['updatePreferences'] });
    const failed = oneEvent(el, 'iop-error');
    await toggle(el);
    const { detail } = (await failed) as CustomEvent<IopErrorDetail>;
    expect(detail.operation).to.equal('save preferences');
    expect(detail.error).to.be.instanceOf(HttpError).with.property('status', 403);
    await el.updateComplete;
    expect(el.checked).to.be.true;
    expect(note(el)).to.equal('Could not save. Your setting is back to On.');
    expect(await saved()).to.deep.include({ petFriendly: true, version: 1 });
    await expect(el).to.be.accessible();
  });

  it('on 412 reloads, shows the setting from the other device and says why', async () => {
    const el = await ready();
    expect(el.checked).to.be.true;
    // Another device turns it off, then on again with a pet: version 3, still on.
    const other = createMemoryBackend({ participant: 'alex', seed });
    const v1 = await other.getPreferences();
    const v2 = await other.updatePreferences({ petFriendly: false }, v1.etag);
    await other.updatePreferences({ petFriendly: true, pet: { name: 'Rex', species: 'dog' } }, v2.etag);
    const errors: IopErrorDetail[] = [];
    el.addEventListener('iop-error', (e) => errors.push((e as CustomEvent<IopErrorDetail>).detail));
    // Slow enough to see the optimistic state before the 412 arrives.
    backend.simulate({ latencyMs: 150, only: ['updatePreferences'] });
    await toggle(el);
    expect(el.checked).to.be.false;
    await waitUntil(() => el.phase === 'conflict' && el.checked, 'the latest setting', { timeout: 3000 });
    await el.updateComplete;
    expect(note(el)).to.equal('This changed on another device. We are showing the latest setting.');
    expect(errors.map((e) => (e.error as HttpError).status)).to.deep.equal([412]);
    expect(await saved()).to.deep.include({ petFriendly: true, version: 3 });
    // The pet from the other device shows in the details.
    $(el, '[part="details-toggle"]')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[name=name]')!.value).to.equal('Rex');
    await expect(el).to.be.accessible();
  });

  it('keeps an offline change in the outbox ("Will save when you\'re back online") and saves it after a reload', async () => {
    const el = await ready();
    backend.simulate({ offline: true });
    await toggle(el);
    expect(el.checked).to.be.false;
    await waitUntil(() => note(el) === "Will save when you're back online", 'pending', { timeout: 4000 });
    await expect(el).to.be.accessible();
    expect(await getClient().outbox.pendingCount()).to.equal(1);

    // The page goes away while offline: its client stops; the outbox stays in IndexedDB.
    el.parentElement!.remove();
    await getClient().dispose();
    expect((await saved()).petFriendly).to.be.true;

    // The next visit, online: a new adapter and client over the same server and database.
    const next = createMemoryBackend({ participant: 'alex', seed });
    configure({ backend: next });
    const again = await render();
    await waitUntil(async () => (await saved()).petFriendly === false, 'saved on the next visit', {
      timeout: 4000,
    });
    await waitUntil(() => again.phase === 'saved' && !again.checked, 'shown as saved', { timeout: 3000 });
    expect(await getClient().outbox.pendingCount()).to.equal(0);
  });

  it('offline (navigator.onLine false) a change says it will save later, and saves when back online', async () => {
    const el = await ready();
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      backend.simulate({ offline: true });
      await toggle(el);
      await waitUntil(() => note(el) === "Will save when you're back online", 'pending at once', {
        timeout: 500,
      });
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
    backend.simulate();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => note(el) === 'Saved', 'saved when online', { timeout: 3000 });
    expect((await saved()).petFriendly).to.be.false;
  });

  it('takes its language from an <iop-provider> and loads through it', async () => {
    const el = await ready(
      html`<iop-provider locale="es"><iop-pet-friendly-toggle></iop-pet-friendly-toggle></iop-provider>`,
    );
    expect(el.checked).to.be.true;
    expect($(el, '[part="label"]')!.textContent).to.contain('Llevar a mi mascota');
  });

  it('ignores deliveries of other writes (crisis events) on the same outbox', async () => {
    const el = await ready();
    await getClient().logCrisisEvent({
      id: crypto.randomUUID(),
      type: 'crisis-action',
      at: new Date().toISOString(),
      action: 'call-988',
    });
    await waitUntil(() => backend.crisisEvents.length === 1, 'delivered');
    await el.updateComplete;
    expect(el.phase).to.equal('idle');
    expect(note(el)).to.equal('');
  });

  it('rolls back when the change cannot even be queued', async () => {
    const el = await ready();
    getClient().savePreferences = () => Promise.reject(new ConfigError('storage', 'a working database'));
    const failed = oneEvent(el, 'iop-error');
    await toggle(el);
    const { detail } = (await failed) as CustomEvent<IopErrorDetail>;
    expect(detail.error).to.be.instanceOf(ConfigError);
    await el.updateComplete;
    expect(el.checked).to.be.true;
    expect(note(el)).to.equal('Could not save. Your setting is back to On.');
  });

  it('a change already waiting when it loads shows at once, and a 412 for it before the load is handled', async () => {
    backend.simulate({ latencyMs: 300, only: ['getPreferences'] });
    const el = await render();
    // Made on top of a version the server no longer has (say, by an earlier page).
    await getClient().savePreferences({ petFriendly: false }, '"0"');
    await waitUntil(() => el.phase === 'conflict', 'refused with 412');
    await waitUntil(() => el.checked && !control(el).disabled, 'the server value', { timeout: 3000 });
    await el.updateComplete;
    expect(note(el)).to.equal('This changed on another device. We are showing the latest setting.');
  });

  it('shows "Please sign in" and stays locked when signed out', async () => {
    resetConfig();
    configure({ baseUrl: '/api/v1' });
    const el = await render();
    await el.updateComplete;
    expect(statusLine(el)).to.contain('Please sign in');
    expect(control(el).disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('says when loading failed, fires iop-error, and recovers with "Try again"', async () => {
    backend.simulate({ failWith: { status: 500 }, only: ['getPreferences'] });
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const failed = oneEvent(wrapper, 'iop-error');
    const el = document.createElement('iop-pet-friendly-toggle');
    wrapper.append(el);
    const { detail } = (await failed) as CustomEvent<IopErrorDetail>;
    expect(detail.operation).to.equal('read preferences');
    await el.updateComplete;
    expect(statusLine(el)).to.contain('We could not load this right now.');
    expect(control(el).disabled).to.be.true;
    await expect(el).to.be.accessible();
    backend.simulate();
    $(el, '[part="status"] iop-button')!.click();
    await waitUntil(() => el.checked, 'loaded after retry');
    await el.updateComplete;
    expect(statusLine(el)).to.equal('');
  });

  it('inside a form: submits when on; back navigation and a reset do not undo the saved setting', async () => {
    backend.simulate({ latencyMs: 100, only: ['getPreferences'] });
    const form = await fixture<HTMLFormElement>(
      html`<form><iop-pet-friendly-toggle name="pets"></iop-pet-friendly-toggle></form>`,
    );
    const el = form.querySelector('iop-pet-friendly-toggle')!;
    // The browser restores the state the page had (before the preference loads): the server still wins.
    el.formStateRestoreCallback('unchecked', 'restore');
    await waitUntil(() => el.checked, 'loaded');
    expect(new FormData(form).get('pets')).to.equal('on');
    form.reset();
    await el.updateComplete;
    expect(el.checked).to.be.true;
    expect(new FormData(form).get('pets')).to.equal('on');
  });

  it('follows <fieldset disabled> while bound, and unlocks once loaded and enabled', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><iop-pet-friendly-toggle></iop-pet-friendly-toggle></fieldset>
      </form>`,
    );
    const el = form.querySelector('iop-pet-friendly-toggle')!;
    await waitUntil(() => el.checked, 'loaded');
    await el.updateComplete;
    expect(control(el).disabled).to.be.true;
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(control(el).disabled).to.be.false;
  });

  it('switching bind to none stops loading; back to preferences loads again', async () => {
    const el = await ready(html`<iop-pet-friendly-toggle bind="none"></iop-pet-friendly-toggle>`);
    expect(el.checked).to.be.false;
    expect($(el, '[part="note"]')).to.equal(null);
    el.bind = 'preferences';
    await waitUntil(() => el.checked, 'loaded');
  });
});

describe('iop-pet-friendly-toggle: pet details', () => {
  beforeEach(() => {
    seed = createSeed(new Date());
    backend = createMemoryBackend({ participant: 'jordan', seed });
    configure({ backend });
  });
  afterEach(async () => {
    await signOut({ flushTimeoutMs: 0 });
    resetConfig();
  });

  it('only when on: a disclosure with labelled fields, validated with plain messages, saved through the outbox', async () => {
    const el = await ready();
    expect(el.checked, 'Jordan has it off').to.be.false;
    expect($(el, '[part="details-toggle"]')).to.equal(null);
    await toggle(el);
    await waitUntil(() => el.phase === 'saved', 'on saved');
    const disclosure = $(el, '[part="details-toggle"]')!;
    expect(disclosure.getAttribute('aria-expanded')).to.equal('false');
    // What a person sees, not only the attribute: the form's own display once overrode [hidden].
    const shown = () => $(el, '[part="details"]')!.getClientRects().length > 0;
    expect(shown(), 'collapsed: the fields are not on screen').to.be.false;
    disclosure.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(disclosure.getAttribute('aria-expanded')).to.equal('true');
    expect(shown(), 'expanded: the fields are on screen').to.be.true;
    await expect(el).to.be.accessible();

    // Typing inside does not look like a toggle to the page.
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    const name = $<HTMLInputElement>(el, '[name=name]')!;
    name.focus();
    await sendKeys({ type: 'Rex2' });
    expect(inputs).to.equal(0);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#name-error')!.textContent).to.equal("Use only letters, spaces, - and '.");
    expect($(el, '#species-error')!.textContent).to.equal('Choose the kind of pet.');
    expect(el.shadowRoot!.activeElement).to.equal(name);
    await expect(el).to.be.accessible();

    name.value = '';
    await sendKeys({ type: "Mr O'Malley" });
    const species = $<HTMLSelectElement>(el, '[name=species]')!;
    species.value = 'cat';
    $(el, '[part="details"] iop-button')!.click();
    await el.updateComplete;
    expect($(el, '#name-error')!.textContent).to.equal('');
    await waitUntil(async () => (await saved('jordan')).pet?.name === "Mr O'Malley", 'pet saved');
    expect(await saved('jordan')).to.deep.include({
      petFriendly: true,
      pet: { name: "Mr O'Malley", species: 'cat' },
    });
    await waitUntil(() => note(el) === 'Saved');
  });

  it('says the details problems in Spanish', async () => {
    const el = await ready(html`<div lang="es"><iop-pet-friendly-toggle></iop-pet-friendly-toggle></div>`);
    await toggle(el);
    await waitUntil(() => el.phase === 'saved');
    $(el, '[part="details-toggle"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="details-toggle"]')!.textContent).to.contain('Datos de la mascota');
    $<HTMLInputElement>(el, '[name=name]')!.value = 'x'.repeat(41);
    $(el, '[part="details"] iop-button')!.click();
    await el.updateComplete;
    expect($(el, '#name-error')!.textContent).to.equal('Usa 40 letras o menos.');
    expect($(el, '#species-error')!.textContent).to.equal('Elige el tipo de mascota.');
  });
});

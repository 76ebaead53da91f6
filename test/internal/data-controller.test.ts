import * as v from 'valibot';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DataController, type DataState } from '../../src/internal/data-controller.js';
import { renderStatus } from '../../src/internal/status-view.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { getClient, signOut } from '../../src/core/client.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import { CoverageSchema, type Coverage } from '../../src/core/schemas.js';
import type { Locale } from '../../src/core/locale.js';
import { whenCached } from '../shared/cache.js';

/** A minimal widget that renders a DataController's state through the shared status view. */
class DataProbe extends LitElement {
  static override properties = { locale: {} };
  locale: Locale = 'en';
  data = new DataController<Coverage>(
    this,
    () => ({}),
    () => ({
      key: 'coverage',
      fetch: (b) => b.getCoverage(),
      parse: (value) => v.parse(CoverageSchema, value),
    }),
  );
  override render() {
    const state = this.data.state;
    return html`${renderStatus(state, { locale: this.locale, onRetry: () => void this.data.reload(), forStatus: { 404: 'No plan on file.' } })}
      <p class="value">${state.value?.planName ?? ''}</p>`;
  }
}
customElements.define('data-probe', DataProbe);

/** Runs `body` while the browser reports itself offline (`navigator.onLine` false). */
async function withBrowserOffline(body: () => Promise<void>): Promise<void> {
  Object.defineProperty(navigator, 'onLine', { get: () => false, configurable: true });
  try {
    await body();
  } finally {
    Reflect.deleteProperty(navigator, 'onLine');
  }
}

const statusText = (el: DataProbe) =>
  el.shadowRoot!.querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('DataController and the shared status view', () => {
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = createMemoryBackend();
    configure({ backend });
  });
  afterEach(async () => {
    await signOut();
    resetConfig();
  });

  it('goes from loading to ready and shows the value', async () => {
    const el = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(() => el.data.state.status === 'ready');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.value')!.textContent).to.not.equal('');
    expect(statusText(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says signed out when there is no session', async () => {
    resetConfig();
    configure({ baseUrl: '/api/v1' });
    const el = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await el.updateComplete;
    expect(el.data.state.status).to.equal('signed-out');
    expect(statusText(el)).to.contain('Please sign in');
  });

  it('fires iop-error once and offers a retry that recovers', async () => {
    backend.simulate({ failWith: { status: 500 } });
    const el = document.createElement('data-probe') as DataProbe;
    const failed = oneEvent(el, 'iop-error');
    document.body.append(el);
    const event = await failed;
    expect(event.detail.operation).to.equal('read coverage');
    await el.updateComplete;
    expect(statusText(el)).to.contain('We could not load this right now.');
    backend.simulate();
    el.shadowRoot!.querySelector<HTMLElement>('iop-button')!.click();
    await waitUntil(() => el.data.state.status === 'ready', 'retry recovers');
    el.remove();
  });

  it('uses a widget’s kinder message for a status, and names bad data', async () => {
    backend.simulate({ failWith: { status: 404 } });
    const el = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(() => el.data.state.status === 'error');
    await el.updateComplete;
    expect(statusText(el)).to.contain('No plan on file.');
    backend.simulate({ malformed: true });
    await el.data.reload();
    await el.updateComplete;
    expect(statusText(el)).to.contain('could not read');
  });

  it('shows cached data with its age, and offline without any', async () => {
    const first = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(() => first.data.state.status === 'ready');
    await whenCached('coverage');
    first.remove();
    backend.simulate({ offline: true });
    const el = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(
      () => el.data.state.status === 'stale' && !el.data.state.revalidating,
      'stale from cache',
    );
    await el.updateComplete;
    // The browser is online, the server did not answer: say that, not "you are offline".
    expect(statusText(el)).to.equal("We could not reach the clinic's server. This is what was saved now.");
    await withBrowserOffline(async () => {
      el.requestUpdate();
      await el.updateComplete;
      expect(statusText(el)).to.match(/^You are offline\. This is what was saved/);
      el.locale = 'es';
      await el.updateComplete;
      expect(statusText(el)).to.contain('No tienes conexión');
    });

    await signOut();
    configure({ backend });
    const empty = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(() => empty.data.state.status === 'offline');
    await empty.updateComplete;
    expect(statusText(empty)).to.equal(
      "We could not reach the clinic's server. The crisis lines still work. Try again",
    );
    await expect(empty).to.be.accessible();
    await withBrowserOffline(async () => {
      empty.requestUpdate();
      await empty.updateComplete;
      expect(statusText(empty)).to.equal('You are offline. This will load when you are back online.');
    });
    backend.simulate({ failWith: 'timeout' });
    await empty.data.reload();
    await empty.updateComplete;
    expect(statusText(empty)).to.contain("The clinic's server is taking too long to answer.");
    backend.simulate();
    empty.shadowRoot!.querySelector<HTMLElement>('[part="status"] iop-button')!.click();
    await waitUntil(() => empty.data.state.status === 'ready', 'the retry loads it');
  });

  it('says what happened for each kind of failure, never "sign in"', async () => {
    const el = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(() => el.data.state.status === 'ready');
    const cases: [Parameters<MemoryBackend['simulate']>[0], string, string][] = [
      [
        { failWith: { status: 503 } },
        "We could not load this right now. The clinic's server had a problem. Try again soon.",
        'No pudimos cargar esto ahora. El servidor de la clínica tuvo un problema.',
      ],
      [{ failWith: { status: 403 } }, 'You do not have access to this.', 'No tienes acceso a esto.'],
      [{ failWith: { status: 429 } }, 'We could not load this right now.', 'No pudimos cargar esto ahora.'],
    ];
    await signOut();
    configure({ backend });
    for (const [simulation, english, spanish] of cases) {
      backend.simulate(simulation);
      const probe = await fixture<DataProbe>(html`<data-probe></data-probe>`);
      await waitUntil(() => probe.data.state.status === 'error' && !probe.data.state.revalidating);
      await probe.updateComplete;
      expect(statusText(probe)).to.contain(english);
      expect(statusText(probe)).not.to.contain('sign in');
      probe.locale = 'es';
      await probe.updateComplete;
      expect(statusText(probe)).to.contain(spanish);
      probe.remove();
    }
  });

  it('a 401 signs out every widget of the client, wipes the copy and is no iop-error', async () => {
    const first = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    const second = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(() => first.data.state.status === 'ready' && second.data.state.status === 'ready');
    await whenCached('coverage');
    const errors: Event[] = [];
    for (const el of [first, second]) el.addEventListener('iop-error', (e) => errors.push(e));
    const ended = oneEvent(window, 'iop-session-ended');

    backend.simulate({ failWith: { status: 401 } });
    await first.data.reload();
    await ended;
    await waitUntil(() => second.data.state.status === 'signed-out', 'the other widget is signed out too');
    for (const el of [first, second]) {
      await el.updateComplete;
      expect(el.data.state.status).to.equal('signed-out');
      expect(statusText(el)).to.equal('Please sign in to see this.');
      expect(el.shadowRoot!.querySelector('.value')!.textContent, 'nothing of the old session').to.equal('');
      expect(el.data.client).to.equal(undefined);
    }
    expect(errors).to.have.length(0);
    await waitUntil(async () => (await getClient().cache.get('coverage')) === undefined, 'the copy is wiped');

    // Still signed out for a widget added later, even once the backend would answer again...
    backend.simulate();
    const later = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await later.updateComplete;
    expect(later.data.state.status).to.equal('signed-out');
    // ...until the page configures the kit again after a new sign-in.
    configure({ backend });
    // What every IopWidget does on a configuration change (onSettingsChanged).
    for (const el of [first, later]) el.data.restart();
    await waitUntil(() => later.data.state.status === 'ready', 'signed in again');
    await waitUntil(() => first.data.state.status === 'ready', 'every widget signed in again');
  });

  it('restarts when asked, and only when the key changed', async () => {
    const el = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(() => el.data.state.status === 'ready');
    const seen: DataState<Coverage>['status'][] = [];
    const before = el.data.state;
    el.data.keyChanged();
    expect(el.data.state).to.equal(before);
    el.data.restart();
    seen.push(el.data.state.status);
    await waitUntil(() => el.data.state.status === 'ready' || el.data.state.status === 'stale');
    expect(el.data.client).to.exist;
  });

  it('keeps one read when started twice, and none once removed', async () => {
    backend.simulate({ failWith: { status: 500 } });
    const el = await fixture<DataProbe>(html`<data-probe></data-probe>`);
    await waitUntil(() => el.data.state.status === 'error');
    // A second start while running (a settings change during connect) replaces the read, not adds one.
    el.data.hostConnected();
    await waitUntil(() => el.data.state.status === 'error' && !el.data.state.revalidating);
    el.remove();
    backend.simulate();
    const after = el.data.state;
    // A read that failed tries again when the browser is back online, if anyone still listens.
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(el.data.state, 'no read is left listening').to.equal(after);
    el.data.restart();
    expect(el.data.state, 'a restart while removed does not start').to.equal(after);
  });
});

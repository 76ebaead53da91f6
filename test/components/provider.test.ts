/**
 * <iop-provider> in a framework app: React passes a new token callback on every render. The widgets must not
 * load again for that, and every request must use the newest callback.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/provider/define.js';
import '../../src/components/safety-plan/define.js';
import type { IopProvider } from '../../src/components/provider/provider.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { signOut } from '../../src/core/client.js';
import { createMemoryBackend } from '../../src/core/backends/memory-backend.js';
import { CLINIC_API, clinicServer } from '../shared/clinic-server.js';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<iop-provider> token callback', () => {
  afterEach(async () => {
    await signOut();
    resetConfig();
  });

  it('a new callback with the same settings refetches nothing; the newest one is called', async () => {
    const requests: string[] = [];
    configure({ fetch: clinicServer(createMemoryBackend(), requests) });
    const provider = await fixture<IopProvider>(
      html`<iop-provider base-url=${CLINIC_API}>
        <iop-safety-plan></iop-safety-plan>
      </iop-provider>`,
    );
    const calls: number[] = [];
    const render = (n: number) => (provider.getAccessToken = () => (calls.push(n), 'tok-alex'));
    render(1);
    const plan = provider.querySelector('iop-safety-plan')!;
    await waitUntil(() => text(plan).includes('Take Biscuit for a walk'), 'the plan shows', {
      timeout: 5000,
    });
    const before = requests.length;
    // Four more "renders", each with a new function.
    for (let n = 2; n <= 5; n++) {
      render(n);
      await provider.updateComplete;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.slice(before), 'no request after the callback changed identity').to.deep.equal([]);
    expect(text(plan)).to.contain('Take Biscuit for a walk');
    // The widgets hold one function that calls the provider's current callback.
    await provider.settings.getAccessToken!();
    expect(calls.at(-1)).to.equal(5);
  });

  it('signing out through the provider (no callback) still reaches the widgets', async () => {
    configure({ fetch: clinicServer(createMemoryBackend()) });
    const provider = await fixture<IopProvider>(
      html`<iop-provider base-url=${CLINIC_API}>
        <iop-safety-plan></iop-safety-plan>
      </iop-provider>`,
    );
    provider.getAccessToken = () => 'tok-alex';
    const plan = provider.querySelector('iop-safety-plan')!;
    await waitUntil(() => text(plan).includes('Take Biscuit for a walk'), 'the plan shows', {
      timeout: 5000,
    });
    provider.getAccessToken = undefined;
    await waitUntil(() => text(plan).includes('Please sign in to see this.'), 'signed out', {
      timeout: 5000,
    });
  });
});

describe('<iop-provider> properties as frameworks set them', () => {
  afterEach(async () => {
    await signOut();
    resetConfig();
  });

  it('`locale` is a property as well as an attribute: React and Vue set provider.locale, and the widgets follow', async () => {
    configure({ fetch: clinicServer(createMemoryBackend(), []) });
    const provider = await fixture<IopProvider>(
      html`<iop-provider base-url=${CLINIC_API} .getAccessToken=${() => 'tok-alex'}>
        <iop-safety-plan></iop-safety-plan>
      </iop-provider>`,
    );
    const plan = provider.querySelector('iop-safety-plan')!;
    await waitUntil(() => text(plan).includes('My safety plan'), 'the plan shows in English', {
      timeout: 5000,
    });
    // What React 19 and Vue do for a name the element has as a property: set the property, not the attribute.
    expect('locale' in provider).to.equal(true);
    provider.locale = 'es';
    await waitUntil(() => text(plan).includes('Mi plan de seguridad'), 'the plan speaks Spanish', {
      timeout: 5000,
    });
  });
});

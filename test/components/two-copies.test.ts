/**
 * Two copies of the kit on one page: this page runs the kit from source (the first copy, which defines the tags),
 * and a second copy, bundled whole from src/ as an app's bundler would (scripts/wtr-second-copy.mjs), configures
 * it and signs out. DESIGN.md ("Hostile hosts"): the copies share one configuration and one session.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/safety-plan/define.js';
import type { IopSafetyPlan } from '../../src/components/safety-plan/safety-plan.js';
import { getConfig, resetConfig } from '../../src/core/config.js';
import { KIT_VERSION } from '../../src/core/version.js';
import { createMemoryBackend } from '../../src/core/backends/memory-backend.js';
import { CLINIC_API, clinicServer } from '../shared/clinic-server.js';

type KitModule = typeof import('../../src/index.js') & typeof import('../../src/testing.js');

// Served by secondKitCopyPlugin (web-test-runner.config.mjs).
const SECOND_COPY = '/test/fixtures/second-kit-copy.js';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('two copies of the kit on one page', () => {
  let second: KitModule;
  const warnings: unknown[][] = [];
  const originalWarn = console.warn;
  const originalError = console.error;

  before(async () => {
    console.warn = (...args: unknown[]) => warnings.push(args);
    console.error = (...args: unknown[]) => warnings.push(args);
    second = (await import(SECOND_COPY)) as KitModule;
  });
  after(() => {
    console.warn = originalWarn;
    console.error = originalError;
  });
  afterEach(() => resetConfig());

  it('is really a second copy: its own classes, the same version, and it stays quiet', () => {
    expect(second.IopSafetyPlan).not.to.equal(customElements.get('iop-safety-plan'));
    expect(second.KIT_VERSION).to.equal(KIT_VERSION);
    expect(warnings, 'same version: no warning about the tags already defined').to.deep.equal([]);
  });

  it("configure() from the second copy reaches the first copy's widgets; its signOut() signs them out", async () => {
    // The clinic's REST API with a bearer token (an in-memory backend behind the injected fetch).
    const getAccessToken = () => 'tok-alex';
    second.configure({ baseUrl: CLINIC_API, getAccessToken, fetch: clinicServer(createMemoryBackend()) });
    expect(getConfig().getAccessToken, 'one configuration for the page').to.equal(getAccessToken);

    const plan = await fixture<IopSafetyPlan>(html`<iop-safety-plan></iop-safety-plan>`);
    await waitUntil(() => text(plan).includes('Take Biscuit for a walk'), 'the plan shows', {
      timeout: 5000,
    });

    await second.signOut();
    await waitUntil(() => text(plan).includes('Please sign in to see this.'), 'signed out', {
      timeout: 5000,
    });
    expect(text(plan)).not.to.contain('Biscuit');
  });

  it("the first copy's configure() reaches what the second copy reads", async () => {
    const { configure } = await import('../../src/core/config.js');
    configure({ baseUrl: 'https://api.clinic.example/v1', getAccessToken: () => 'token' });
    expect(second.getConfig().baseUrl).to.equal('https://api.clinic.example/v1');
    expect(second.isSignedIn()).to.equal(true);
  });
});

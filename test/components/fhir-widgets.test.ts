// The widgets, unchanged, against the real FHIR test server through `backend: 'fhir'` (the adapter loads as
// its own chunk on first use): what a portal with an EHR shows its patient. The server is seeded with the demo
// couple in the mapping's terms (demo/fhir-server); the file resets it first because it writes.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/safety-plan/define.js';
import '../../src/components/pet-friendly-toggle/define.js';
import type { IopSafetyPlan } from '../../src/components/safety-plan/safety-plan.js';
import type { IopPetFriendlyToggle } from '../../src/components/pet-friendly-toggle/pet-friendly-toggle.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { getClient, signOut } from '../../src/core/client.js';
import type { DataState } from '../../src/internal/data-controller.js';
import type { SafetyPlan } from '../../src/core/schemas.js';
import { createFhirBackend } from '../../src/core/backends/fhir/fhir-backend.js';
import { fhirReset, type FhirServerInfo } from '../shared/fhir-server.js';
import { fhirClient } from '../shared/fhir-fixture.js';

const text = (node: Element | ShadowRoot | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let server: FhirServerInfo;

function useFhir(who: 'alex' | 'jordan' = 'alex') {
  configure({
    backend: 'fhir',
    baseUrl: server.baseUrl,
    patient: server.patients[who],
    getAccessToken: () => `demo-${who}`,
  });
}

before(async function () {
  this.timeout(120_000);
  server = await fhirReset();
});
afterEach(async () => {
  await signOut({ flushTimeoutMs: 0 });
  resetConfig();
});

describe('widgets over FHIR: iop-safety-plan', () => {
  const state = (el: IopSafetyPlan) =>
    (el as unknown as { data: { state: DataState<SafetyPlan> } }).data.state;
  const settled = (el: IopSafetyPlan, status: string) =>
    waitUntil(() => state(el).status === status && !state(el).revalidating, `reaches ${status}`, {
      timeout: 8000,
    });

  it('shows the plan in Stanley-Brown order, its phones as tel: and text lines as sms: links', async () => {
    useFhir();
    const el = await fixture<IopSafetyPlan>(html`<iop-safety-plan></iop-safety-plan>`);
    await settled(el, 'ready');
    await el.updateComplete;
    const headings = [...el.shadowRoot!.querySelectorAll('h2')].map((h) => text(h));
    const steps = headings.filter((h) => h.startsWith('Step'));
    expect(steps).to.deep.equal([
      'Step 1: Warning signs',
      'Step 2: Things I can do on my own',
      'Step 3: People and places that take my mind off things',
      'Step 4: People I can ask for help',
      'Step 5: Professionals and crisis lines',
      'Step 6: Making my space safe',
    ]);
    const links = [...el.shadowRoot!.querySelectorAll('section a')].map((a) => a.getAttribute('href')!);
    expect(links.some((href) => href.startsWith('tel:'))).to.equal(true);
    expect(links.some((href) => href.startsWith('sms:'))).to.equal(true);
    expect(links.every((href) => /^(tel|sms):|^https?:|^#/.test(href))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the partner’s plan with their Consent; without it, the kind consent message', async () => {
    useFhir();
    const shared = await fixture<IopSafetyPlan>(
      html`<iop-safety-plan participant="partner"></iop-safety-plan>`,
    );
    await settled(shared, 'ready');
    expect(state(shared).value?.participantId).to.equal(server.patients.jordan.split('/')[1]);
    shared.remove();
    await signOut({ flushTimeoutMs: 0 });
    // Jordan withdraws the Consent: the server answers 403, the widget says so kindly.
    const jordan = fhirClient(server.baseUrl, 'demo-jordan');
    await jordan.update({ ...(await jordan.read(server.consents.jordan)), status: 'inactive' });
    useFhir();
    const el = await fixture<IopSafetyPlan>(html`<iop-safety-plan participant="partner"></iop-safety-plan>`);
    await settled(el, 'error');
    await waitUntil(
      () => text(el.shadowRoot!.querySelector('[part="status"]')).includes('Jordan has not shared'),
      'consent message',
      {
        timeout: 8000,
      },
    );
    const status = text(el.shadowRoot!.querySelector('[part="status"]'));
    expect(status).to.contain('Jordan has not shared their plan with you. You can ask them.');
    expect(status).to.not.match(/403|Consent|Error/);
    await expect(el).to.be.accessible();
    await jordan.update({ ...(await jordan.read(server.consents.jordan)), status: 'active' });
  });
});

describe('widgets over FHIR: iop-pet-friendly-toggle', () => {
  const control = (el: IopPetFriendlyToggle) =>
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="control"]')!;
  const note = (el: IopPetFriendlyToggle) => text(el.shadowRoot!.querySelector('[part="note"]'));
  const toggle = async (el: IopPetFriendlyToggle) => {
    el.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
  };
  const stored = async (who: 'alex' | 'jordan') =>
    await createFhirBackend({
      baseUrl: server.baseUrl,
      patient: server.patients[who],
      getAccessToken: () => `demo-${who}`,
      timeoutMs: 8000,
      retries: 0,
    }).getPreferences();

  it('saves the toggle as the preferences Basic; a stale save is answered 412 and reloaded', async () => {
    useFhir();
    const el = await fixture<IopPetFriendlyToggle>(html`<iop-pet-friendly-toggle></iop-pet-friendly-toggle>`);
    await waitUntil(() => !control(el).disabled, 'loaded', { timeout: 8000 });
    const before = el.checked;
    await toggle(el);
    await waitUntil(() => note(el) === 'Saved', 'saved', { timeout: 8000 });
    expect((await stored('alex')).preferences.petFriendly).to.equal(!before);
    // Another device changes it: this page's next save is stale (412), and it shows the latest setting.
    const other = await stored('alex');
    await createFhirBackend({
      baseUrl: server.baseUrl,
      patient: server.patients.alex,
      getAccessToken: () => 'demo-alex',
      timeoutMs: 8000,
      retries: 0,
    }).updatePreferences({ petFriendly: before }, other.etag);
    await toggle(el);
    await waitUntil(() => el.phase === 'conflict', 'refused with 412', { timeout: 8000 });
    await waitUntil(() => el.checked === before, 'the latest setting', { timeout: 8000 });
    expect(note(el)).to.equal('This changed on another device. We are showing the latest setting.');
    expect((await stored('alex')).preferences.petFriendly).to.equal(before);
    await waitUntil(async () => (await getClient().outbox.pendingCount()) === 0, 'nothing waiting');
    await expect(el).to.be.accessible();
  });
});

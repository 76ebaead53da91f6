/**
 * Properties set before the element upgrades: a framework that renders before the kit's script has loaded sets
 * properties on plain, not-yet-defined elements (React 19 and Vue do for names they do not know as attributes).
 * Each tag keeps what was set, and the provider's token callback still signs the widgets in.
 *
 * An element made in another document is not upgraded until it is adopted into this one: the same state as an
 * element rendered before `customElements.define` ran.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/register.js';
import { resetConfig, configure } from '../../src/core/config.js';
import { signOut } from '../../src/core/client.js';
import { createMemoryBackend } from '../../src/core/backends/memory-backend.js';
import { CLINIC_API, clinicServer } from '../shared/clinic-server.js';

const inert = document.implementation.createHTMLDocument('');
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const token = () => 'tok-alex';

/** One property per tag that is not the default, and how it shows once upgraded. */
const CASES: [tag: string, property: string, value: unknown, shows?: (el: HTMLElement) => boolean][] = [
  ['iop-alert', 'live', 'assertive', (el) => !!el.shadowRoot?.querySelector('[role=alert]')],
  ['iop-button', 'disabled', true, (el) => !!el.shadowRoot?.querySelector('[aria-disabled=true]')],
  ['iop-card', 'variant', 'crisis'],
  ['iop-coverage-explainer', 'service', '90839'],
  ['iop-crisis-connect', 'region', 'GB', (el) => text(el).includes('999')],
  ['iop-dialog', 'lightDismiss', true],
  ['iop-follow-up-scheduler', 'kind', 'couples'],
  [
    'iop-pet-friendly-toggle',
    'checked',
    true,
    (el) => text(el) !== '' && !!el.shadowRoot?.querySelector('[aria-checked=true]'),
  ],
  ['iop-provider', 'getAccessToken', token],
  ['iop-safety-plan', 'participant', 'partner', (el) => text(el).includes('My partner’s safety plan')],
  ['iop-switch', 'checked', true, (el) => !!el.shadowRoot?.querySelector('[aria-checked=true]')],
  ['iop-term', 'definition', 'The price your plan agreed to.'],
];

describe('properties set before the element upgrades', () => {
  afterEach(async () => {
    document.body.replaceChildren();
    await signOut();
    resetConfig();
  });

  it('the cases cover every tag of the kit', async () => {
    const register = await (await fetch(new URL('../../src/register.ts', import.meta.url))).text();
    const tags = [...register.matchAll(/components\/([a-z-]+)\/define/g)].map((m) => `iop-${m[1]}`);
    expect(CASES.map(([tag]) => tag).sort()).to.deep.equal(tags.sort());
  });

  for (const [tag, property, value, shows] of CASES) {
    it(`<${tag}>.${property} set before the upgrade is kept`, async () => {
      configure({ backend: createMemoryBackend() });
      const el = inert.createElement(tag) as HTMLElement & Record<string, unknown>;
      el[property] = value;
      expect(customElements.get(tag)).to.not.equal(undefined);
      expect(el.shadowRoot, 'not upgraded yet').to.equal(null);
      document.body.append(document.adoptNode(el));
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(el.shadowRoot, 'upgraded').to.not.equal(null);
      expect(el[property]).to.equal(value);
      if (shows) await waitUntil(() => shows(el), `${tag} shows ${property}`, { timeout: 4000 });
    });
  }

  it('a token callback set on the provider before it upgrades signs the widgets in (React renders first)', async () => {
    configure({ fetch: clinicServer(createMemoryBackend(), []) });
    const provider = inert.createElement('iop-provider') as unknown as HTMLElement & Record<string, unknown>;
    provider.setAttribute('base-url', CLINIC_API);
    provider.getAccessToken = token;
    provider.append(inert.createElement('iop-safety-plan'));
    document.body.append(document.adoptNode(provider));
    const plan = provider.querySelector('iop-safety-plan')!;
    await waitUntil(() => text(plan).includes('Take Biscuit for a walk'), 'the plan shows, signed in', {
      timeout: 5000,
    });
    expect(text(plan)).to.not.contain('sign in');
  });
});

/**
 * Browsers where the kit cannot keep its encrypted copy: reading `indexedDB` throws (a sandboxed iframe), the
 * database fails to open, a write runs out of quota, or WebCrypto is missing (an http: page). In each, a
 * signed-in person's safety plan still loads from the network with one plain sentence about the device, the
 * crisis dialog shows the on-call clinician (never "Sign in"), a crisis event still reaches the backend, nothing
 * is written unencrypted, and the developer gets one console warning saying why.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/safety-plan/define.js';
import '../../src/components/crisis-connect/define.js';
import type { IopSafetyPlan } from '../../src/components/safety-plan/safety-plan.js';
import type { IopCrisisConnect } from '../../src/components/crisis-connect/crisis-connect.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { signOut } from '../../src/core/client.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import { CLINIC_API, clinicServer } from '../shared/clinic-server.js';
import { isEncryptedRecord } from '../../src/core/storage/crypto.js';
import { KIT_DB_VERSION, resetStorageFallbackWarningForTesting } from '../../src/core/storage/kit-db.js';

const BASE = CLINIC_API;
const NO_COPY = 'This device cannot keep a copy for offline use.';
const NO_COPY_ES = 'Este dispositivo no puede guardar una copia para usarla sin conexión.';

const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Records in the kit's database that are not ciphertext (there must be none), read with storage restored. */
async function plaintextRecords(): Promise<unknown[]> {
  if (!(await indexedDB.databases()).some((d) => d.name === 'iop-kit')) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('iop-kit');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const found: unknown[] = [];
  for (const store of ['cache', 'outbox'].filter((s) => db.objectStoreNames.contains(s))) {
    const records = await new Promise<unknown[]>((resolve) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
    });
    found.push(...records.filter((record) => !isEncryptedRecord(record)));
  }
  db.close();
  return found;
}

/** Sets an own property over a built-in one; returns how to put the original back. */
function override(target: object, key: string, descriptor: PropertyDescriptor): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  return () => {
    if (own) Object.defineProperty(target, key, own);
    else Reflect.deleteProperty(target, key);
  };
}

interface Condition {
  name: string;
  /** Breaks storage; returns how to repair it. */
  apply(): Promise<() => void | Promise<void>>;
  /** What the console warning names. */
  why: RegExp;
}

const conditions: Condition[] = [
  {
    name: 'reading indexedDB throws (a sandboxed iframe)',
    why: /SecurityError/,
    async apply() {
      return override(window, 'indexedDB', {
        get() {
          throw new DOMException('Access to IndexedDB is denied in this context.', 'SecurityError');
        },
      });
    },
  },
  {
    name: 'the database fails to open (a newer version of it exists: VersionError)',
    why: /VersionError/,
    async apply() {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('iop-kit', KIT_DB_VERSION + 1);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      });
      return () => undefined;
    },
  },
  {
    name: 'a write fails with QuotaExceededError',
    why: /QuotaExceededError/,
    async apply() {
      const realPut = IDBObjectStore.prototype.put;
      // The keys fit; every cached record or outbox entry is refused, as on a full disk.
      IDBObjectStore.prototype.put = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        if (this.name === 'keys') return realPut.apply(this, args);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      return () => {
        IDBObjectStore.prototype.put = realPut;
      };
    },
  },
  {
    name: 'WebCrypto is missing (an http: page: no crypto.subtle, no crypto.randomUUID)',
    why: /crypto\.subtle/,
    async apply() {
      const restoreSubtle = override(crypto, 'subtle', { value: undefined });
      const restoreUuid = override(crypto, 'randomUUID', { value: undefined });
      return () => {
        restoreSubtle();
        restoreUuid();
      };
    },
  },
];

for (const condition of conditions) {
  describe(`when ${condition.name}`, function () {
    // Each test renders, runs axe and waits for real storage and network timing: more than the default 8 s on
    // a busy machine.
    this.timeout(20_000);
    let memory: MemoryBackend;
    let repair: () => void | Promise<void>;
    let warnings: string[];
    let requests: string[];
    const realWarn = console.warn;

    beforeEach(async () => {
      resetStorageFallbackWarningForTesting();
      warnings = [];
      console.warn = (...args: unknown[]) => {
        if (String(args[0]).startsWith('iop-kit:')) warnings.push(String(args[0]));
      };
      repair = await condition.apply();
      memory = createMemoryBackend({ participant: 'alex' });
      requests = [];
      configure({ baseUrl: BASE, getAccessToken: () => 'tok-alex', fetch: clinicServer(memory, requests) });
    });

    afterEach(async () => {
      await repair();
      console.warn = realWarn;
      await signOut({ flushTimeoutMs: 0 });
      resetConfig();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase('iop-kit');
        request.onsuccess = request.onerror = () => resolve();
      });
    });

    it('the safety plan loads from the network and says the device keeps no copy, in English and Spanish', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div><iop-safety-plan></iop-safety-plan><iop-safety-plan lang="es"></iop-safety-plan></div>`,
      );
      const [plan, plan_es] = [...wrapper.querySelectorAll<IopSafetyPlan>('iop-safety-plan')];
      const root = (el: IopSafetyPlan) => el.shadowRoot!;
      await waitUntil(
        () => text(root(plan!).querySelector('[part="device-note"]')) === NO_COPY,
        'the device message',
        { timeout: 5000 },
      );
      await waitUntil(() => root(plan!).querySelectorAll('h2').length > 1, 'the plan', { timeout: 5000 });
      expect(text(root(plan!))).to.contain('Warning signs');
      expect(text(root(plan!))).not.to.contain('sign in');
      expect(text(root(plan!))).not.to.contain('could not load');
      await waitUntil(() => text(root(plan_es!).querySelector('[part="device-note"]')) === NO_COPY_ES, 'es', {
        timeout: 5000,
      });
      await expect(plan).to.be.accessible();
      expect(warnings, 'one warning for the developer').to.have.length(1);
      expect(warnings[0]).to.match(condition.why);
      await repair();
      expect(await plaintextRecords()).to.deep.equal([]);
    });

    it('the crisis dialog shows the on-call clinician, not "Sign in", and the crisis event reaches the backend', async () => {
      const el = await fixture<IopCrisisConnect>(
        html`<iop-crisis-connect variant="inline"></iop-crisis-connect>`,
      );
      const onCall = (await memory.getCrisisResources()).onCall.clinician.name;
      // Opened as a person taps it (the keyboard path is crisis-connect.test.ts's subject).
      await waitUntil(() => el.shadowRoot!.querySelector('.trigger'), 'the crisis button', { timeout: 5000 });
      el.shadowRoot!.querySelector<HTMLElement>('.trigger')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('iop-dialog')?.open, 'the dialog opened', {
        timeout: 5000,
      });
      const dialog = el.shadowRoot!.querySelector('iop-dialog')!;
      await waitUntil(() => text(dialog).includes(`Call ${onCall}`), 'the on-call clinician', {
        timeout: 5000,
      });
      expect(text(dialog)).not.to.contain('Sign in');
      await waitUntil(
        () => memory.crisisEvents.some((event) => event.type === 'crisis-open'),
        'the crisis event delivered',
        { timeout: 5000 },
      );
      expect(warnings).to.have.length(1);

      // A later read fails (the server has a problem): the on-call number known from memory stays.
      memory.simulate({ failWith: { status: 500 } });
      const readsBefore = requests.filter((r) => r === 'GET /crisis/resources').length;
      const closed = oneEvent(el, 'iop-crisis-close');
      await sendKeys({ press: 'Escape' });
      await closed;
      configure({ region: 'US' }); // a settings change: the dialog drops what it loaded and reads again
      el.shadowRoot!.querySelector<HTMLElement>('.trigger')!.click();
      const reopened = () => el.shadowRoot!.querySelector('iop-dialog');
      await waitUntil(() => reopened()?.open, 'the dialog reopened', { timeout: 5000 });
      await waitUntil(() => text(reopened()).includes(`Call ${onCall}`), 'still the on-call number', {
        timeout: 5000,
      });
      await waitUntil(
        () => requests.filter((r) => r === 'GET /crisis/resources').length > readsBefore,
        'the failing read happened',
        { timeout: 5000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(text(reopened())).to.contain(`Call ${onCall}`);
      expect(text(reopened())).not.to.contain('Sign in');
      await repair();
      expect(await plaintextRecords()).to.deep.equal([]);
    });
  });
}

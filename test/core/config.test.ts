import { expect } from '@open-wc/testing';
import {
  DEFAULT_QUICK_EXIT_URL,
  configure,
  getConfig,
  onConfigChange,
  resetConfig,
  type IopConfig,
} from '../../src/core/config.js';
import {
  CONFIG_STORE_FORMAT,
  CONFIG_STORE_KEY,
  attachConfigStore,
  type ConfigStore,
} from '../../src/core/config-store.js';
import { createBackend } from '../../src/core/backends/create-backend.js';
import { ConfigError } from '../../src/core/errors.js';
import { createMemoryBackend } from '../../src/core/backends/memory-backend.js';

function configError(options: unknown): ConfigError {
  try {
    configure(options as never);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('configure()', () => {
  afterEach(() => resetConfig());

  it('has the documented defaults', () => {
    const config = getConfig();
    expect(config.backend).to.equal('rest');
    expect(config.locale).to.equal(undefined);
    expect(config.region).to.equal('US');
    expect(config.timeoutMs).to.equal(8000);
    expect(config.retries).to.equal(2);
    expect(config.cache).to.deep.equal({ encrypt: true, maxAgeMs: 7 * 24 * 3600e3 });
    expect(config.quickExitUrl).to.equal(DEFAULT_QUICK_EXIT_URL);
    expect(DEFAULT_QUICK_EXIT_URL).to.equal('https://www.bbc.com/weather');
    expect(config.allowedOrigins).to.deep.equal([]);
    expect(config.session).to.equal('token');
  });

  it("accepts session: 'cookie' and refuses any other session mode", () => {
    expect(configure({ session: 'cookie' }).session).to.equal('cookie');
    expect(configure({ session: 'token' }).session).to.equal('token');
    const e = configError({ session: 'jwt' });
    expect(e.option).to.equal('session');
    expect(e.expected).to.equal('one of "token", "cookie"');
  });

  it('accepts the DESIGN.md example and merges later calls', () => {
    const getAccessToken = async () => 'token';
    configure({
      baseUrl: 'https://api.clinic.example/iop/v1',
      getAccessToken,
      backend: 'rest',
      locale: 'es',
      region: 'US',
      timeoutMs: 8000,
      retries: 2,
      cache: { encrypt: true, maxAgeMs: 7 * 24 * 3600e3 },
      fetch: globalThis.fetch,
      allowedOrigins: ['https://telehealth.clinic.example'],
      safetyPlanUrl: '/my/safety-plan',
      quickExitUrl: 'https://www.example.org/',
      programId: 'iop-chicago',
    });
    configure({ region: 'CA', cache: { maxAgeMs: 1000 } });
    const config = getConfig();
    expect(config.region).to.equal('CA');
    expect(config.locale).to.equal('es');
    expect(config.getAccessToken).to.equal(getAccessToken);
    expect(config.cache).to.deep.equal({ encrypt: true, maxAgeMs: 1000 });
  });

  it('accepts a same-origin path and http: on localhost', () => {
    expect(configure({ baseUrl: '/api/v1' }).baseUrl).to.equal('/api/v1');
    expect(configure({ baseUrl: 'http://localhost:8080/api/v1' }).baseUrl).to.equal(
      'http://localhost:8080/api/v1',
    );
  });

  const bad: [string, unknown, string, RegExp][] = [
    ['a plain http base URL', { baseUrl: 'http://api.clinic.example' }, 'baseUrl', /https:/],
    ['a protocol-relative base URL', { baseUrl: '//evil.example/api' }, 'baseUrl', /https:/],
    ['a non-string base URL', { baseUrl: 42 }, 'baseUrl', /string/],
    ['a non-function token getter', { getAccessToken: 'secret-token' }, 'getAccessToken', /function/],
    ['an unknown backend', { backend: 'soap' }, 'backend', /implementing Backend/],
    ['a half Backend object', { backend: { getMe() {} } }, 'backend', /implementing Backend/],
    ['a malformed locale', { locale: 'english!' }, 'locale', /BCP 47/],
    ['an unknown region', { region: 'FR' }, 'region', /"US", "CA", "GB", "AU"/],
    ['a tiny timeout', { timeoutMs: 5 }, 'timeoutMs', />= 100/],
    ['a fractional retry count', { retries: 1.5 }, 'retries', /integer/],
    ['too many retries', { retries: 50 }, 'retries', /<= 10/],
    ['a string for encrypt', { cache: { encrypt: 'yes' } }, 'cache.encrypt', /boolean/],
    ['a negative max age', { cache: { maxAgeMs: -1 } }, 'cache.maxAgeMs', />= 0/],
    ['an unknown cache option', { cache: { ttl: 1 } }, 'cache.ttl', /encrypt, maxAgeMs/],
    ['a non-function fetch', { fetch: 'fetch' }, 'fetch', /fetch-compatible/],
    [
      'an origin with a path',
      { allowedOrigins: ['https://a.example', 'https://b.example/join'] },
      'allowedOrigins[1]',
      /origin/,
    ],
    ['an http origin', { allowedOrigins: ['http://a.example'] }, 'allowedOrigins[0]', /origin/],
    ['a javascript: quick exit', { quickExitUrl: 'javascript:void(0)' }, 'quickExitUrl', /https:/],
    ['a bad safety plan URL', { safetyPlanUrl: 'ftp://x.example' }, 'safetyPlanUrl', /https:/],
    ['an unknown option', { baseURL: 'https://x.example' }, 'baseURL', /known option \(baseUrl/],
    ['no object at all', null, '(options)', /an object/],
  ];
  for (const [name, options, option, expected] of bad) {
    it(`rejects ${name}, naming the option`, () => {
      const e = configError(options);
      expect(e.option).to.equal(option);
      expect(e.expected).to.match(expected);
      expect(e.message).to.contain(`"${option}"`);
    });
  }

  it('never puts option values in the message', () => {
    const e = configError({ getAccessToken: 'secret-token-123' });
    expect(e.message).not.to.contain('secret-token-123');
  });

  it('keeps the old configuration when an option is wrong', () => {
    configure({ region: 'GB' });
    configError({ region: 'GB', timeoutMs: -1 });
    expect(getConfig().region).to.equal('GB');
    expect(getConfig().timeoutMs).to.equal(8000);
  });

  it('tells listeners about changes until they unsubscribe', () => {
    const seen: IopConfig[] = [];
    const off = onConfigChange((c) => seen.push(c));
    configure({ region: 'AU' });
    resetConfig();
    off();
    configure({ region: 'GB' });
    expect(seen.map((c) => c.region)).to.deep.equal(['AU', 'US']);
  });
});

describe('createBackend()', () => {
  afterEach(() => resetConfig());

  it('returns a Backend object as given', () => {
    const memory = createMemoryBackend();
    configure({ backend: memory });
    expect(createBackend()).to.equal(memory);
  });

  it('builds the REST adapter', () => {
    configure({ baseUrl: '/api/v1' });
    expect(createBackend().getMe).to.be.a('function');
  });

  it('accepts "fhir" with a typed Patient reference, and refuses it without one', () => {
    expect(() => configure({ backend: 'fhir', baseUrl: 'https://ehr.example/fhir/R4' })).to.throw(
      ConfigError,
      /"patient".*Patient\/123/,
    );
    expect(() => configure({ patient: '123' })).to.throw(ConfigError, /"patient".*typed FHIR reference/);
    expect(() => configure({ telehealth: { chatUrl: 'https://chat.example/' } as never })).to.throw(
      ConfigError,
      /"telehealth.start"/,
    );
    expect(() =>
      configure({ telehealth: { start: async () => ({}) as never, colour: 1 } as never }),
    ).to.throw(ConfigError, /"telehealth.colour"/);
    configure({ backend: 'fhir', baseUrl: 'https://ehr.example/fhir/R4', patient: 'Patient/123' });
    expect(getConfig()).to.include({ backend: 'fhir', patient: 'Patient/123' });
  });

  it('builds a FHIR backend that loads the adapter only on its first call', async () => {
    const calls: string[] = [];
    configure({
      backend: 'fhir',
      baseUrl: 'https://ehr.example/fhir/R4',
      patient: 'Patient/123',
      retries: 0,
      fetch: (async (input: RequestInfo | URL) => {
        calls.push(String(input));
        const body = /\/Patient\/123$/.test(String(input))
          ? { resourceType: 'Patient', id: '123' }
          : { resourceType: 'Bundle', entry: [] };
        return new Response(JSON.stringify(body), {
          headers: { 'Content-Type': 'application/fhir+json' },
        });
      }) as typeof fetch,
    });
    const backend = createBackend();
    expect(calls).to.deep.equal([]);
    const error = await backend.getCoverage().catch((e: unknown) => e);
    expect(error).to.have.property('status', 404);
    expect(
      calls.some((url) => url.startsWith('https://ehr.example/fhir/R4/Coverage?beneficiary=Patient%2F123')),
    ).to.equal(true);
  });

  it('needs a base URL and a patient for FHIR when the backend is built', () => {
    expect(() => createBackend({ ...getConfig(), backend: 'fhir', patient: 'Patient/1' })).to.throw(
      ConfigError,
      /"baseUrl"/,
    );
  });

  it('needs a base URL for REST', () => {
    expect(() => createBackend()).to.throw(ConfigError, /"baseUrl"/);
  });
});

describe('one configuration per page (two copies of the kit)', () => {
  afterEach(() => resetConfig());

  it("keeps the page's configuration on globalThis, where another copy of the kit finds it", () => {
    configure({ baseUrl: 'https://api.clinic.example/v1' });
    const store = (globalThis as unknown as Record<symbol, ConfigStore>)[CONFIG_STORE_KEY]!;
    expect(store.format).to.equal(CONFIG_STORE_FORMAT);
    expect(store.current).to.equal(getConfig());
    // A second copy attaching to the same page gets the same store, so its configure() reaches these widgets.
    expect(attachConfigStore(globalThis)).to.equal(store);
  });

  it('a copy that finds a store of another format keeps its own and says so once, loudly', () => {
    const foreign = { format: CONFIG_STORE_FORMAT + 1, version: '9.0.0' };
    const host = { [CONFIG_STORE_KEY]: foreign };
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const own = attachConfigStore(host);
      expect(own).not.to.equal(foreign);
      expect(own.format).to.equal(CONFIG_STORE_FORMAT);
      expect(host[CONFIG_STORE_KEY]).to.equal(foreign, "the other copy's store is left alone");
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('iop-kit 9.0.0').and.contain('Load one copy of iop-kit per page');
  });

  it('the first copy on a page creates the store', () => {
    const host = {};
    const store = attachConfigStore(host);
    expect((host as Record<symbol, unknown>)[CONFIG_STORE_KEY]).to.equal(store);
    expect(store.current.backend).to.equal('rest');
  });
});

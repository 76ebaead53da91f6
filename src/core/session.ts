/**
 * Which client a widget uses: the kit's shared one, or, inside an `<iop-provider>` that points elsewhere (its
 * own base URL, program or token callback), one built for that provider's settings.
 */
import { getClient, createClient, isSignedIn, type IopClient } from './client.js';
import { getConfig, type AccessTokenGetter, type IopConfig } from './config-store.js';

/** The settings a provider may override (the same shape as ProviderSettings, without DOM types). */
export interface SessionSettings {
  baseUrl?: string;
  programId?: string;
  getAccessToken?: AccessTokenGetter;
}

/** What a widget needs to know before it loads anything. */
export interface Session {
  /** The effective configuration (the kit's, with the provider's settings over it). */
  config: IopConfig;
  /** No backend configured at all: a public page with only the built-in help. */
  hasBackend: boolean;
  /**
   * A session is configured: a token callback, `session: 'cookie'` or a Backend object. (The backend may still
   * say otherwise: a client whose `sessionEnded` is true is signed out.)
   */
  signedIn: boolean;
  /** The client to call; built on first use. Throws ConfigError when the settings cannot make one. */
  client(): IopClient;
}

interface ProviderClient {
  getAccessToken?: AccessTokenGetter;
  /** The kit configuration it was built under: after a 401 only a new one (a new sign-in) builds another. */
  base: IopConfig;
  client: IopClient;
}

const providerClients = new Map<string, ProviderClient>();

/** The session for a widget with these provider settings. */
export function sessionFor(settings: SessionSettings = {}): Session {
  const base = getConfig();
  const config: IopConfig = {
    ...base,
    baseUrl: settings.baseUrl ?? base.baseUrl,
    programId: settings.programId ?? base.programId,
    getAccessToken: settings.getAccessToken ?? base.getAccessToken,
  };
  const shared =
    config.baseUrl === base.baseUrl &&
    config.programId === base.programId &&
    config.getAccessToken === base.getAccessToken;
  return {
    config,
    hasBackend: typeof config.backend === 'object' || Boolean(config.baseUrl),
    signedIn: isSignedIn(config),
    client() {
      if (shared) return getClient();
      const key = `${config.baseUrl ?? ''}\n${config.programId ?? ''}`;
      const known = providerClients.get(key);
      const usable =
        known &&
        known.getAccessToken === config.getAccessToken &&
        (!known.client.sessionEnded || known.base === base);
      if (usable) return known.client;
      if (known) void known.client.dispose();
      const client = createClient(config);
      providerClients.set(key, { getAccessToken: config.getAccessToken, base, client });
      return client;
    },
  };
}

/** Forgets the provider clients (on sign-out). */
export async function forgetProviderClients(): Promise<void> {
  const clients = [...providerClients.values()].map((entry) => entry.client);
  providerClients.clear();
  await Promise.all(clients.map((client) => client.dispose()));
}

if (typeof window !== 'undefined')
  window.addEventListener('iop-signed-out', () => void forgetProviderClients());

import type { Context } from '@lit/context';
import type { AccessTokenGetter } from '../core/config.js';
import type { Region } from '../core/schemas.js';

/** What an `<iop-provider>` gives every widget inside it. Unset fields fall through to `configure()`. */
export interface ProviderSettings {
  baseUrl?: string;
  programId?: string;
  locale?: string;
  region?: Region;
  getAccessToken?: AccessTokenGetter;
}

/**
 * The context key (community context protocol, as @lit/context's `createContext` makes it: the key itself, typed)
 * that carries ProviderSettings. A global symbol, so two copies of the kit on one page still understand each other.
 */
export const providerContext = Symbol.for('iop-kit.provider') as Context<
  symbol,
  ProviderSettings | undefined
>;

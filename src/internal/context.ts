import { createContext } from '@lit/context';
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

/** The Lit context (community context protocol) that carries ProviderSettings. */
export const providerContext = createContext<ProviderSettings | undefined>(Symbol.for('iop-kit.provider'));

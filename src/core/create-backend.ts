/**
 * Pick the Backend the configuration asks for.
 */
import type { Backend } from './backend.js';
import { getConfig, type IopConfig } from './config.js';
import { ConfigError } from './errors.js';
import { createRestBackend } from './rest-backend.js';

/**
 * The Backend for `config` (the current configuration by default): the object itself when one is given,
 * the REST adapter for 'rest'.
 * @throws ConfigError for 'fhir' (the FHIR R4 adapter is not available yet) or a REST backend without baseUrl.
 */
export function createBackend(config: IopConfig = getConfig()): Backend {
  if (typeof config.backend === 'object') return config.backend;
  if (config.backend === 'fhir') {
    throw new ConfigError('backend', '"rest" or a Backend object: the FHIR adapter is not available yet');
  }
  return createRestBackend(config);
}

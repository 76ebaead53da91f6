/**
 * Pick the Backend the configuration asks for.
 */
import type { Backend } from './backend.js';
import { getConfig, type IopConfig } from '../config.js';
import { createRestBackend } from './rest-backend.js';

/**
 * The Backend for `config` (the current configuration by default): the object itself when one is given,
 * the REST adapter for 'rest'.
 * @throws ConfigError for a REST backend without baseUrl.
 */
export function createBackend(config: IopConfig = getConfig()): Backend {
  return typeof config.backend === 'object' ? config.backend : createRestBackend(config);
}

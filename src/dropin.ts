/**
 * The drop-in build (dist/iop-kit.min.js): every tag, registered, and the API a page with a script tag needs.
 * Apps that bundle the kit import 'iop-kit' (src/index.ts) for the whole API, schemas included.
 */
import './register.js';

export { configure } from './core/config.js';
export { getConfig, onConfigChange } from './core/config-store.js';
export { signOut, isSignedIn } from './core/client.js';
export { IopError, NetworkError, TimeoutError, HttpError, SchemaError, ConfigError } from './core/errors.js';
export { KIT_VERSION } from './core/version.js';

/**
 * Pick the Backend the configuration asks for.
 */
import type { Backend } from './backend.js';
import {
  BACKEND_METHODS,
  CHECK_IN_METHODS,
  PATIENT_REFERENCE,
  getConfig,
  type IopConfig,
} from '../config.js';
import { ConfigError, NetworkError } from '../errors.js';
import { createRestBackend } from './rest-backend.js';

/**
 * The Backend for `config` (the current configuration by default): the object itself when one is given,
 * the REST adapter for 'rest', and for 'fhir' a Backend that loads the FHIR R4 adapter (its own chunk) on its
 * first call, so pages without FHIR never download it.
 * @throws ConfigError for a REST or FHIR backend without baseUrl, or FHIR without a `Patient/<id>` patient.
 */
export function createBackend(config: IopConfig = getConfig()): Backend {
  if (typeof config.backend === 'object') return config.backend;
  if (config.backend !== 'fhir') return createRestBackend(config);
  if (!config.baseUrl)
    throw new ConfigError('baseUrl', 'the FHIR R4 base URL, e.g. "https://ehr.example/fhir/R4"');
  if (!PATIENT_REFERENCE.test(config.patient ?? ''))
    throw new ConfigError('patient', 'the signed-in patient for backend "fhir", e.g. "Patient/123"');
  let loading: Promise<Backend> | undefined;
  const load = () =>
    (loading ??= import('./fhir/fhir-backend.js').then(
      ({ createFhirBackend }) => createFhirBackend(config),
      (cause: unknown) => {
        // Offline before the chunk was ever cached: the next call tries again.
        loading = undefined;
        throw new NetworkError('The FHIR adapter could not be loaded.', { cause });
      },
    ));
  return Object.fromEntries(
    [...BACKEND_METHODS, ...CHECK_IN_METHODS].map((method) => [
      method,
      async (...args: unknown[]) =>
        ((await load())[method] as (...a: unknown[]) => Promise<unknown>)(...args),
    ]),
  ) as unknown as Backend;
}

/**
 * The real FHIR R4 test server for browser tests (scripts/wtr-fhir.mjs starts one per browser on first use).
 * Use these rather than calling executeServerCommand directly: wtr gives a server command 20 s to answer, and
 * the first start (indexing R4) can take longer on a busy machine. The start goes on in the plugin, so
 * asking again waits for the same server. Give the first call a long mocha timeout (`this.timeout(120_000)`).
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface FhirServerInfo {
  /** e.g. `http://127.0.0.1:43123/fhir/R4` */
  baseUrl: string;
  /** `Patient/<id>`: the demo couple; their bearer tokens are `demo-alex` and `demo-jordan`. */
  patients: { alex: string; jordan: string };
  /** `Consent/<id>` granted by each: it lets the partner read their safety plan (make it inactive to revoke). */
  consents: { alex: string; jordan: string };
}

const ATTEMPTS = 6;

async function command(name: 'fhir-server' | 'fhir-reset'): Promise<FhirServerInfo> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await executeServerCommand(name)) as FhirServerInfo;
    } catch (error) {
      const stillStarting = /Did not receive a server response/.test(String(error));
      if (!stillStarting || attempt === ATTEMPTS) throw error;
    }
  }
}

/** The server's base URL and seeded ids (starts the server on first use). */
export const fhirServer = () => command('fhir-server');

/** Wipes every resource and seeds again (new ids): call it before a test file that writes. */
export const fhirReset = () => command('fhir-reset');

/// <reference types="node" />
/**
 * CLI for the test FHIR server: `node --import tsx demo/fhir-server/main.ts [--test]`.
 * Environment: PORT (default 0: a free port). Prints exactly two lines on stdout, for people and for
 * programs that start it (scripts/wtr-fhir.mjs):
 *   FHIR server listening on http://127.0.0.1:<port>/fhir/R4
 *   {"baseUrl":"http://127.0.0.1:<port>/fhir/R4","patients":{"alex":"Patient/<id>","jordan":"Patient/<id>"},"consents":{...}}
 * With --test it also serves POST /__test/reset (re-seed; answers the same ids JSON without baseUrl).
 * With --demo it also serves the demo pages, the built kit and GET /fhir-demo.json (npm start -- --fhir).
 */
import { startFhirServer } from './server.js';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--test' && arg !== '--demo');
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(' ')}\nUsage: main.ts [--test] [--demo]`);
  process.exit(2);
}

const rawPort = process.env['PORT'] ?? '';
const port = rawPort === '' ? 0 : Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(rawPort)}`);
  process.exit(2);
}

try {
  const fhir = await startFhirServer({
    port,
    testRoutes: args.includes('--test'),
    demo: args.includes('--demo'),
  });
  console.log(`FHIR server listening on ${fhir.baseUrl}`);
  console.log(JSON.stringify({ baseUrl: fhir.baseUrl, patients: fhir.patients, consents: fhir.consents }));
  if (args.includes('--demo')) {
    const origin = new URL(fhir.baseUrl).origin.replace('127.0.0.1', 'localhost');
    console.error(`Patient portal on FHIR: ${origin}/demo/portal/?backend=fhir`);
  }
  const stop = () => {
    void fhir.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use. Stop the other server or set PORT.`
      : `FHIR server failed to start: ${(error as Error).stack ?? String(error)}`,
  );
  process.exit(1);
}

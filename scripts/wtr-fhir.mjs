// web-test-runner plugin: a real FHIR R4 server (demo/fhir-server) for browser tests. Plain .mjs because
// wtr loads its config without tsx; the server itself runs in a child process under tsx.
//
// Browser tests call it through @web/test-runner-commands:
//   const fhir = await executeServerCommand('fhir-server');  // { baseUrl, patients: { alex, jordan }, consents }
//   await executeServerCommand('fhir-reset');                // wipe and seed again, same shape (new ids)
// Each browser gets its own server, started on its first command (about 3-5 s) and kept for the whole run:
// Chromium and Firefox run test files at the same time, and one's reset must not pull data from under the
// other. Test files within one browser run one after another (concurrency 1), so a file that writes resets
// first. Every server stops when wtr stops.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 60_000;

/**
 * @typedef {{ baseUrl: string, patients: Record<string, string>, consents: Record<string, string> }} FhirInfo
 * @typedef {{ child: import('node:child_process').ChildProcess, info: Promise<FhirInfo> }} FhirChild
 */

/** Spawns `node --import tsx demo/fhir-server/main.ts --test` and resolves with the ids line it prints. */
function spawnServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/fhir-server/main.ts', '--test'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  /** @type {Promise<FhirInfo>} */
  const info = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`The FHIR test server did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The FHIR test server exited before it was ready (code ${code}, signal ${signal})`));
    });
    // main.ts prints "FHIR server listening on <url>", then one JSON line with the base URL and seeded ids.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line));
      } catch (error) {
        reject(error);
      }
    });
  });
  return { child, info };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function fhirServerPlugin() {
  /** @type {Map<string, FhirChild>} one server per browser launcher */
  const servers = new Map();
  const stopAll = () => {
    for (const { child } of servers.values()) if (child.exitCode === null) child.kill('SIGTERM');
    servers.clear();
  };

  /** @param {string} key */
  function serverFor(key) {
    let server = servers.get(key);
    if (!server) {
      server = spawnServer();
      servers.set(key, server);
      // A failed start is not kept: the next command tries again and reports its own error.
      server.info.catch(() => {
        if (servers.get(key) === server) servers.delete(key);
      });
    }
    return server;
  }

  process.once('exit', stopAll);

  return {
    name: 'iop-fhir-server',
    async executeCommand({ command, session }) {
      if (command !== 'fhir-server' && command !== 'fhir-reset') return undefined;
      const key = session.browser.name;
      const server = serverFor(key);
      const { baseUrl } = await server.info;
      if (command === 'fhir-server') return server.info;
      const response = await fetch(new URL('/__test/reset', baseUrl), { method: 'POST' });
      if (!response.ok) throw new Error(`The FHIR test server's reset answered ${response.status}`);
      /** @type {FhirInfo} */
      const fresh = { baseUrl, ...(await response.json()) };
      server.info = Promise.resolve(fresh);
      return fresh;
    },
    serverStop() {
      stopAll();
    },
  };
}

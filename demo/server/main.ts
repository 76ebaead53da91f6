/// <reference types="node" />
/**
 * CLI for the reference backend: `node --import tsx demo/server/main.ts [--reset]`.
 * Environment: PORT (default 8080), DATA_DIR (default .data), IOP_TELEHEALTH_ORIGIN.
 * Listens on 127.0.0.1 only: it is a demo with well-known tokens, not a public server.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_PREFIX, createServer } from './app.js';
import { databasePath } from './db.js';
import { defaultStaticDirs } from './static.js';

const HOST = '127.0.0.1';

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return port;
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--reset');
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(' ')}\nUsage: main.ts [--reset]`);
  process.exit(2);
}
const reset = args.includes('--reset');
const port = parsePort(process.env['PORT']);
const dataDir = resolve(process.env['DATA_DIR'] || '.data');
const fresh = reset || !existsSync(databasePath(dataDir));

const server = createServer({ dataDir, reset });

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use. Stop the other server or set PORT, e.g. PORT=8081.`
      : `Server error: ${error.message}`,
  );
  server.close();
  process.exitCode = 1;
});

server.listen(port, HOST, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const base = `http://${HOST === '127.0.0.1' ? 'localhost' : HOST}:${actualPort}`;
  const dirs = defaultStaticDirs();
  const lines = [
    `iop-kit reference backend ${fresh ? '(database seeded)' : '(existing database)'}: ${databasePath(dataDir)}`,
    `  Landing page     ${base}/`,
    `  API              ${base}${API_PREFIX}  (Authorization: Bearer demo-alex | demo-jordan, or the demo session cookie: POST /session)`,
    `  OpenAPI          ${base}/openapi.json${existsSync(dirs.openapi) ? '' : '  (not generated yet)'}`,
    `  Clinic site demo ${base}/demo/clinic-site/`,
    `  Patient portal   ${base}/demo/portal/`,
    `  Storybook        ${base}/storybook/${existsSync(dirs.storybook) ? '' : '  (not built yet)'}`,
    `  Built kit        ${base}/dist/${existsSync(dirs.dist) ? '' : '  (not built yet)'}`,
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
});

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the server and the database.`);
  // close() stops accepting and, on 'close', checkpoints and closes SQLite; drop idle keep-alive
  // sockets so that happens now, and give in-flight requests a moment to finish.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
  }, 2000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

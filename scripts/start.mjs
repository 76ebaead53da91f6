// `npm start`: builds the kit (and Storybook when it is missing), then runs the reference backend, which serves
// the demos, the built kit, Storybook and /openapi.json. Arguments after `--` go to the server (e.g. --reset).
// `npm start -- --fhir` also starts the test FHIR R4 server (demo/fhir-server) on FHIR_PORT (default 8081),
// seeded with the same demo couple, and serves the portal demo against it there: /demo/portal/?backend=fhir.
import { existsSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });

if (!existsSync(`${root}node_modules/.bin/vite`)) {
  console.log('First run: installing dependencies (npm ci)...');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
run('node', ['scripts/build.mjs']);
if (!existsSync(`${root}storybook-static/index.html`) || process.argv.includes('--storybook')) {
  console.log('Building Storybook (once; `npm start -- --storybook` rebuilds it)...');
  run(`${root}node_modules/.bin/storybook`, ['build', '-o', 'storybook-static', '--quiet']);
}
const withFhir = process.argv.includes('--fhir');
const args = process.argv.slice(2).filter((a) => a !== '--storybook' && a !== '--fhir');
const children = [
  spawn('node', ['--import', 'tsx', 'demo/server/main.ts', ...args], { cwd: root, stdio: 'inherit', env }),
];
if (withFhir) {
  // A fixed port for the demo only (tests always take a free one); the portal is served by the FHIR server
  // itself, because the demo pages' CSP lets them connect to their own origin only.
  const port = process.env.FHIR_PORT || '8081';
  console.log(
    `Starting the FHIR R4 server on port ${port} (a few seconds: it indexes the R4 definitions)...`,
  );
  children.push(
    spawn('node', ['--import', 'tsx', 'demo/fhir-server/main.ts', '--demo'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, PORT: port },
    }),
  );
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
// When one server stops, stop the other too and exit with the first one's code.
let exiting = false;
for (const child of children) {
  child.on('exit', (code) => {
    if (exiting) return;
    exiting = true;
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
}

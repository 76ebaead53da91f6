// `npm start`: builds the kit (and Storybook when it is missing), then runs the reference backend, which serves
// the demos, the built kit, Storybook and /openapi.json. Arguments after `--` go to the server (e.g. --reset).
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
const args = process.argv.slice(2).filter((a) => a !== '--storybook');
const server = spawn('node', ['--import', 'tsx', 'demo/server/main.ts', ...args], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

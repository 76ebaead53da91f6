// Builds the kit: dist/<tag>.js + dist/index.js (npm), dist/iop-kit.min.js + dist/browser/ (script tag),
// type declarations in dist/ (with the React and Vue types and
// VS Code's custom data: scripts/framework-types.mjs), and custom-elements.json. Usage: node scripts/build.mjs
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });

rmSync(`${root}dist`, { recursive: true, force: true });
run(bin('vite'), ['build', '--logLevel', 'warn']);
// One browser build per tag (scripts/sizes.mjs measures each), in this process to save Node start-ups.
const { build } = await import('vite');
const { tagEntries } = await import('./tags.mjs');
for (const tag of Object.keys(tagEntries())) {
  process.env.IOP_BUILD = 'browser';
  process.env.IOP_TAG = tag;
  await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
}
delete process.env.IOP_BUILD;
delete process.env.IOP_TAG;
run(bin('vite'), ['build', '--logLevel', 'warn'], { IOP_BUILD: 'dropin' });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs']);
// From the manifest and the declarations: React and Vue types, each subpath's types, VS Code's custom data.
const { writeFrameworkTypes } = await import('./framework-types.mjs');
writeFrameworkTypes();
console.log(
  'build: dist/ written (npm entries, per-tag browser build, drop-in file, declarations, React/Vue types, VS Code data) and custom-elements.json',
);

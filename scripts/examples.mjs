// `npm test` step (after the build): the React, Vue and Angular example apps (examples/<framework>) install,
// type-check strictly and build against the package just built. Each installs the kit as a packed copy
// (`install-links` in its .npmrc, as a portal gets it from the registry): `npm ci` when its node_modules is
// missing or older than its lock, otherwise only the kit's copy is refreshed. A warning that mentions iop-kit or
// valibot (in the type check or the build) fails the step. Prints how long each part took.
// test/e2e/frameworks.test.ts then runs the built apps. `node scripts/examples.mjs react vue` runs some of them.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALL = ['react', 'vue', 'angular'];
const chosen = process.argv.slice(2);
const frameworks = chosen.length ? ALL.filter((f) => chosen.includes(f)) : ALL;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' };

/** Lines of a warning (a line that says "warn", and the few after it that say where) that mention the kit. */
function kitWarnings(output) {
  const lines = output.split('\n');
  const found = [];
  lines.forEach((line, i) => {
    if (!/warn/i.test(line)) return;
    const block = lines.slice(i, i + 6).join('\n');
    if (/iop-kit|valibot/i.test(block)) found.push(block);
  });
  return found;
}

function run(dir, args) {
  const t0 = Date.now();
  const result = spawnSync(npm, args, { cwd: dir, env, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  process.stdout.write(output);
  return { ok: result.status === 0, output, seconds: (Date.now() - t0) / 1000 };
}

const failures = [];
const times = [];
for (const framework of frameworks) {
  const dir = `${root}examples/${framework}`;
  console.log(`\n--- examples/${framework}`);
  const modules = `${dir}/node_modules`;
  const stale =
    !existsSync(`${modules}/.package-lock.json`) ||
    statSync(`${modules}/.package-lock.json`).mtimeMs < statSync(`${dir}/package-lock.json`).mtimeMs;
  let install;
  if (stale) install = run(dir, ['ci', '--no-audit', '--no-fund']);
  else {
    // The kit was just rebuilt: replace its packed copy (npm installs what the lock lists and is missing).
    rmSync(`${modules}/iop-kit`, { recursive: true, force: true });
    install = run(dir, ['install', '--no-save', '--no-audit', '--no-fund']);
  }
  if (!install.ok) {
    failures.push(`${framework}: npm ${stale ? 'ci' : 'install'} failed`);
    continue;
  }
  const typecheck = run(dir, ['run', 'typecheck']);
  if (!typecheck.ok) failures.push(`${framework}: type check failed`);
  rmSync(`${dir}/dist`, { recursive: true, force: true });
  const build = run(dir, ['run', 'build']);
  if (!build.ok) failures.push(`${framework}: build failed`);
  for (const warning of kitWarnings(typecheck.output + build.output))
    failures.push(`${framework}: a warning mentions the kit:\n${warning}`);
  times.push(
    `${framework}: ${stale ? 'npm ci' : 'kit refresh'} ${install.seconds.toFixed(1)} s, type check ${typecheck.seconds.toFixed(1)} s, build ${build.seconds.toFixed(1)} s`,
  );
}
console.log(`\n${times.join('\n')}`);
if (failures.length) {
  console.error(`\nexamples FAILED:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}

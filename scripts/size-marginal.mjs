// What each part of the drop-in costs: the real drop-in build (vite.config.ts with IOP_BUILD=dropin, every plugin,
// terser included), once whole and once per group with that group's modules made external (left out of the file
// as a bare import), brotli q11. A group's marginal cost is the whole file minus the file without it: what the
// drop-in would lose with that code gone (its share of the compression context included).
// Usage: node scripts/size-marginal.mjs [--modules]  (--modules: the minified bytes each module renders to)
// Not part of the build or the tests; a tool for size work (see docs/size.md).
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.env.IOP_BUILD = 'dropin';
const { build } = await import('vite');
const rel = (id) =>
  id
    .replace(root, '')
    .replace(/^node_modules\//, '')
    .split('?')[0];
const brotli = (code) =>
  brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function dropin(external = () => false) {
  const out = await build({
    configFile: `${root}vite.config.ts`,
    logLevel: 'silent',
    build: { write: false },
    plugins: [
      {
        name: 'size-marginal:external',
        enforce: 'pre',
        async resolveId(source, importer, options) {
          if (!importer) return null;
          const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
          return resolved && external(rel(resolved.id)) ? { id: resolved.id, external: true } : null;
        },
      },
    ],
  });
  const chunk = [out].flat()[0].output.find((o) => o.type === 'chunk' && o.fileName === 'iop-kit.min.js');
  return chunk;
}

const whole = await dropin();
const total = brotli(whole.code);
console.log(`drop-in: ${whole.code.length} B minified, ${total} B brotli`);
const mods = Object.entries(whole.modules).map(([id, m]) => [rel(id), m.renderedLength]);
if (process.argv.includes('--modules')) {
  for (const [id, len] of mods.sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(len).padStart(7)}  ${id}`);
}

/** Groups: a name and a test on the resolved module id (relative to the repository). */
const groups = [
  ['valibot', (id) => /^valibot\//.test(id)],
  ['lit + @lit/*', (id) => /^(lit|lit-html|lit-element|@lit)\//.test(id)],
  ['idb', (id) => /^idb\//.test(id)],
  ['all *.styles.ts', (id) => /\.styles\.ts$/.test(id)],
  ['all *.messages.ts', (id) => /\.messages\.ts$/.test(id)],
  ['src/design/tokens.generated.ts', (id) => /tokens\.generated\.ts$/.test(id)],
  ['src/core/schemas.ts', (id) => /src\/core\/schemas\.ts$/.test(id)],
  ['src/core/storage/*', (id) => /src\/core\/storage\//.test(id)],
  ['src/core/backends/* (rest, memory, http)', (id) => /src\/core\/backends\//.test(id)],
  ['src/internal/*', (id) => /src\/internal\//.test(id)],
  ...[
    'crisis-connect',
    'coverage-explainer',
    'follow-up-scheduler',
    'safety-plan',
    'pet-friendly-toggle',
    'dialog',
    'switch',
    'term',
    'alert',
    'button',
    'card',
    'provider',
  ].map((c) => [`components/${c} (all files)`, (id) => id.includes(`src/components/${c}/`)]),
  ['crisis-live.ts', (id) => /crisis-live\.ts$/.test(id)],
];
// --each=<regex>: one group per module whose id matches (e.g. --each='\\.styles\\.ts$').
const each = process.argv.find((a) => a.startsWith('--each='))?.slice(7);
if (each) {
  groups.length = 0;
  for (const [id] of mods.filter(([id]) => new RegExp(each).test(id))) groups.push([id, (m) => m === id]);
}
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
for (const [name, test] of groups) {
  if (only && !name.includes(only)) continue;
  const ids = Object.keys(whole.modules).filter((id) => test(rel(id)));
  const minified = ids.reduce((s, id) => s + whole.modules[id].renderedLength, 0);
  const without = await dropin(test);
  console.log(
    `${name.padEnd(44)} ${String(ids.length).padStart(3)} modules ${String(minified).padStart(7)} B rendered  ${String(total - brotli(without.code)).padStart(6)} B brotli marginal`,
  );
}

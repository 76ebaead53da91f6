// Size budgets, measured on the built files (dist/, built by scripts/build.mjs) with brotli quality 11.
// Prints every tag's size (its static import graph in the per-tag browser build, Lit included), the whole
// kit (the drop-in dist/iop-kit.min.js with every chunk it may load) and what an app's bundler makes of the npm
// entries that have a budget in `app` (esbuild, and Vite beside it); exits 1 over budget.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;

/** The drop-in's FHIR R4 adapter, beside dist/iop-kit.min.js (see vite.config.ts). */
export const FHIR_DROPIN_FILE = 'iop-kit-fhir-backend.min.js';

export function brotliSize(path) {
  return brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** The files a manifest entry needs before it runs: itself and its static imports, transitively. */
export function staticGraph(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticGraph(manifest, dep, seen);
  return seen;
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Leaves every dynamic import out of an esbuild bundle: what loads later is not part of the static graph. */
const lazyImportsExternal = {
  name: 'lazy-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

const esbuildOptions = (specifier, resolveDir) => ({
  stdin: { contents: `import '${specifier}';`, resolveDir, sourcefile: 'app.js' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  legalComments: 'none',
  logLevel: 'silent',
});

const brotliOf = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * What an app's bundler makes of an npm entry (`import 'iop-kit/iop-crisis-connect'` in the app), brotli q11:
 * - `esbuild`: `esbuild --bundle --minify --format=esm --target=es2022`, the entry's static graph in one file
 *   (its dynamic imports left as imports: they load after the element works). The budgeted figure.
 * - `esbuildSplit`: the same with `--splitting`, summed over the files the app fetches before the entry runs
 *   (esbuild moves what the entry shares with its lazy parts into chunks of their own, each compressed alone).
 * - `vite`: a Vite app build (rolldown + oxc) of the same one-line app, its entry chunk (with Vite's own
 *   preload helper, which any Vite app with a dynamic import carries).
 * `resolveDir` is where `specifier` resolves from (the repository: the package refers to itself by name).
 */
export async function appBundle(specifier, resolveDir = root) {
  const { build } = await import('esbuild');
  const one = await build({ ...esbuildOptions(specifier, resolveDir), plugins: [lazyImportsExternal] });
  const split = await build({
    ...esbuildOptions(specifier, resolveDir),
    splitting: true,
    absWorkingDir: resolveDir,
    outdir: join(resolveDir, 'app-bundle'), // nothing is written
    metafile: true,
  });
  const outputs = split.metafile.outputs;
  const byKey = new Map(split.outputFiles.map((f) => [relative(resolveDir, f.path), f.contents]));
  const staticFiles = new Set();
  const walk = (k) => {
    if (staticFiles.has(k)) return;
    staticFiles.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement' && !i.external) walk(i.path);
  };
  walk(Object.keys(outputs).find((k) => outputs[k].entryPoint === 'app.js'));
  const vite = await import('vite');
  const app = 'iop-app-entry.js';
  const viteOut = await vite.build({
    configFile: false,
    root: resolveDir,
    logLevel: 'silent',
    plugins: [
      {
        name: 'app-entry',
        resolveId: (id) => (id === app ? `\0${app}` : undefined),
        load: (id) => (id === `\0${app}` ? `import '${specifier}';` : undefined),
      },
    ],
    build: { write: false, target: 'es2022', minify: true, rolldownOptions: { input: app } },
  });
  const viteEntry = [viteOut].flat()[0].output.find((o) => o.type === 'chunk' && o.isEntry);
  return {
    esbuild: brotliOf(one.outputFiles[0].contents),
    esbuildSplit: [...staticFiles].reduce((sum, k) => sum + brotliOf(byKey.get(k)), 0),
    esbuildSplitFiles: staticFiles.size,
    vite: brotliOf(Buffer.from(viteEntry.code)),
  };
}

export function measure() {
  const manifestDir = `${dist}browser/manifests`;
  const graphs = {};
  for (const name of readdirSync(manifestDir)) {
    const manifest = JSON.parse(readFileSync(`${manifestDir}/${name}`, 'utf8'));
    const tag = name.replace(/\.json$/, '');
    const entry = Object.keys(manifest).find(
      (k) => manifest[k].isEntry && manifest[k].file === `browser/${tag}.js`,
    );
    graphs[tag] = [...staticGraph(manifest, entry)].map((k) => manifest[k].file);
  }
  const sizeOf = (files) => files.reduce((sum, file) => sum + brotliSize(dist + file), 0);
  const tags = {};
  for (const [tag, files] of Object.entries(graphs)) tags[tag] = sizeOf(files);
  // The whole kit is the drop-in build: dist/iop-kit.min.js and any other file it may load (a common chunk
  // would count here), except the FHIR adapter's own file, which loads only when configured and has its own
  // budget.
  const fhirFile = `${dist}${FHIR_DROPIN_FILE}`;
  const kitFiles = [
    `${dist}iop-kit.min.js`,
    ...readdirSync(dist)
      .filter((name) => /^iop-kit-.*\.min\.js$/.test(name) && name !== FHIR_DROPIN_FILE)
      .map((name) => dist + name),
    ...(existsSync(`${dist}chunks`) ? listFiles(`${dist}chunks`) : []),
  ];
  const kit = kitFiles.reduce((sum, file) => sum + brotliSize(file), 0);
  const fhir = existsSync(fhirFile) ? brotliSize(fhirFile) : undefined;
  return { tags, kit, fhir };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const budgets = JSON.parse(readFileSync(`${root}scripts/size-budgets.json`, 'utf8'));
  const { tags, kit, fhir } = measure();
  const kb = (n) => `${(n / 1000).toFixed(2)} KB`;
  const failures = [];
  console.log('Size budgets (brotli q11, static import graph incl. Lit; 1 KB = 1000 B):');
  for (const [tag, size] of Object.entries(tags).sort()) {
    const budget = budgets.tags[tag];
    const verdict = budget === undefined ? 'NO BUDGET' : size <= budget ? 'ok' : 'OVER';
    if (verdict !== 'ok')
      failures.push(`${tag}: ${kb(size)} (${verdict}${budget ? `, budget ${kb(budget)}` : ''})`);
    console.log(
      `  ${tag.padEnd(28)} ${kb(size).padStart(10)}  budget ${(budget ? kb(budget) : '-').padStart(9)}  ${verdict}`,
    );
  }
  const kitVerdict = kit <= budgets.kit ? 'ok' : 'OVER';
  if (kitVerdict !== 'ok') failures.push(`whole kit: ${kb(kit)} over ${kb(budgets.kit)}`);
  console.log(
    `  ${'whole kit (iop-kit.min.js)'.padEnd(28)} ${kb(kit).padStart(10)}  budget ${kb(budgets.kit)}  ${kitVerdict}`,
  );
  const fhirVerdict = fhir === undefined ? 'MISSING' : fhir <= budgets.fhir ? 'ok' : 'OVER';
  if (fhirVerdict !== 'ok')
    failures.push(
      `FHIR adapter (${FHIR_DROPIN_FILE}): ${fhir === undefined ? 'not built' : `${kb(fhir)} over ${kb(budgets.fhir)}`}`,
    );
  console.log(
    `  ${'FHIR adapter (own file)'.padEnd(28)} ${(fhir === undefined ? '-' : kb(fhir)).padStart(10)}  budget ${kb(budgets.fhir)}  ${fhirVerdict}`,
  );
  // What an app's bundler makes of the npm entries (dist/<tag>.js and its static graph, Lit included).
  for (const [tag, budget] of Object.entries(budgets.app).sort()) {
    const app = await appBundle(`iop-kit/${tag}`);
    const verdict = app.esbuild <= budget ? 'ok' : 'OVER';
    if (verdict !== 'ok')
      failures.push(`iop-kit/${tag} bundled by esbuild: ${kb(app.esbuild)} over ${kb(budget)}`);
    console.log(`  iop-kit/${tag} in an app (the npm entry and its static graph, bundled and minified):`);
    console.log(
      `    ${'esbuild --bundle --minify'.padEnd(26)} ${kb(app.esbuild).padStart(10)}  budget ${kb(budget)}  ${verdict}  (browser file ${kb(tags[tag])})`,
    );
    console.log(
      `    ${'the same with --splitting'.padEnd(26)} ${kb(app.esbuildSplit).padStart(10)}  (${app.esbuildSplitFiles} files, each compressed alone; no budget)`,
    );
    console.log(
      `    ${'Vite app build'.padEnd(26)} ${kb(app.vite).padStart(10)}  (entry chunk, with Vite's preload helper; no budget)`,
    );
  }
  if (failures.length) {
    console.error(`Size budget check failed:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

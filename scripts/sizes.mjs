// Size budgets, measured on the built files (dist/, built by scripts/build.mjs) with brotli quality 11.
// Prints every tag's size (its static import graph in the per-tag browser build, Lit included) and the whole
// kit (the drop-in dist/iop-kit.min.js with every chunk it may load); exits 1 over budget.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
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
  if (failures.length) {
    console.error(`Size budget check failed:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

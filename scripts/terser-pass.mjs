// A second minifier pass for the one-file drop-in: terser (three compress passes) over what Vite's own minifier
// (oxc) already made. Measured on the drop-in on 2026-11-27: 45,501 -> 45,162 B brotli with two passes, and
// 44,951 -> 44,857 B going from two to three later (four gave 44,932); oxc alone and terser alone both leave
// more. The per-tag builds are within their budgets with oxc alone, and the npm build is
// left to the app's bundler.
//
// Licences: the drop-in bundles Lit (BSD-3-Clause) and valibot (MIT). Their full texts are emitted beside it as
// THIRD-PARTY-LICENSES.txt and the file itself carries no licence comments (esbuild's `legalComments:
// 'external'`): Lit's six inline notices cost 81 B brotli, a one-line pointer 74 B, and zod (the validation library until
// 2026-12-02) had none at all.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { mangleablePrivateNames } from './private-names.mjs';

/** The bundled packages whose licence texts ship beside the drop-in. */
export const BUNDLED_PACKAGES = [
  'lit',
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
  '@lit/context',
  'valibot',
];
export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.txt';

/** Terser's options for an ES2022 module that oxc has already minified and mangled. */
export const TERSER_OPTIONS = {
  module: true,
  ecma: 2022,
  compress: { passes: 3 },
  mangle: false, // oxc has mangled already; mangling again costs bytes after brotli
  // Single quotes: measured on 2026-12-02, 48 B brotli less than terser's default choice per string.
  format: { comments: false, quote_style: 1 }, // licences: see LICENSES_FILE
};

/** Each bundled package's name, version and LICENSE text, one after the other. */
export function thirdPartyLicenses(root = process.cwd()) {
  return BUNDLED_PACKAGES.map((name) => {
    // Read from node_modules directly: some of these packages do not export their package.json.
    const dir = join(root, 'node_modules', name);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return `${name} ${version}\n${'='.repeat(name.length + version.length + 1)}\n\n${readFileSync(join(dir, existsSync(join(dir, 'LICENSE')) ? 'LICENSE' : 'LICENSE.md'), 'utf8').trim()}\n`;
  }).join('\n\n');
}

/**
 * The kit's private CSS custom properties (`--_name`, never set from outside: pages theme with `--iop-*`) renamed
 * to `--_0`, `--_1`, ... across `codes` (the build's chunks), the most used first. Only names that a stylesheet
 * declares (`--_name:`) or reads (`var(--_name`) are renamed, and only where they stand as a whole name in CSS or
 * in a string (`style.setProperty('--_x', ...)`). Measured on 2026-12-02: 64 names, 300 B brotli (docs/size.md).
 */
export function shortenCustomProperties(codes) {
  const whole = /(?<=[({;,:'"`\s])--_[\w-]+(?=[):,;'"`\s}])/g;
  const joined = codes.join('\n');
  const known = new Set([...joined.matchAll(/(?:var\(|[{;])(--_[\w-]+)(?=[:),])/g)].map((m) => m[1]));
  const counts = new Map();
  for (const [name] of joined.matchAll(whole))
    if (known.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const short = new Map(
    [...counts.keys()]
      .sort((a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : 1))
      .map((n, i) => [n, `--_${i.toString(36)}`]),
  );
  return codes.map((code) => code.replace(whole, (name) => short.get(name) ?? name));
}

/**
 * Vite plugin: re-minifies every emitted JavaScript chunk with terser and adds the licence file. The kit's private
 * member names that are safe to rename (scripts/private-names.mjs) are shortened, with one name cache for every
 * chunk of the build, so the FHIR adapter's file and the drop-in agree on each new name.
 */
export function terserPass(root = process.cwd()) {
  return {
    name: 'iop-kit:terser-pass',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const { names } = mangleablePrivateNames(root, chunks.map((c) => c.code).join('\n'));
      const nameCache = {};
      const properties = names.length ? { regex: new RegExp(`^(?:${names.join('|')})$`) } : undefined;
      for (const file of chunks) {
        const result = await minify(file.code, {
          ...TERSER_OPTIONS,
          ...(properties ? { mangle: { properties }, nameCache } : {}),
        });
        if (result.code !== undefined) file.code = result.code;
      }
      const renamed = shortenCustomProperties(chunks.map((c) => c.code));
      chunks.forEach((chunk, i) => (chunk.code = renamed[i]));
      this.emitFile({ type: 'asset', fileName: LICENSES_FILE, source: thirdPartyLicenses() });
    },
  };
}

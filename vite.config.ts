// Three library builds (see scripts/build.mjs):
// - `npm` (default): dist/<tag>.js per tag (registers it), dist/index.js (every tag and the API); lit, zod and
//   idb stay external so an app's bundler shares one copy.
// - `browser` (IOP_BUILD=browser): one tag per script tag, Lit bundled: dist/browser/<tag>.js, sharing chunks in
//   dist/browser/chunks/ (e.g. only the crisis button on every page). Its manifest is what scripts/sizes.mjs
//   measures each tag's budget on.
// - `dropin` (IOP_BUILD=dropin): the whole kit as one self-contained file, dist/iop-kit.min.js, for one
//   <script type="module"> on any website. One file compresses best; it is the "whole kit" budget.
import { defineConfig } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyLitTemplates } from './scripts/minify-templates.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const componentsDir = `${root}src/components`;

/** Every component folder with a define.ts is a tag: src/components/<name>/define.ts registers iop-<name>. */
export function tagEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(componentsDir).sort()) {
    const define = `${componentsDir}/${name}/define.ts`;
    if (existsSync(define)) entries[`iop-${name}`] = define;
  }
  return entries;
}

/**
 * The browser build's shared chunks. Brotli compresses a few larger files far better than many small ones (each
 * file starts with an empty dictionary), so shared code is grouped by who needs it: `kit` (Lit and the base every
 * element loads), `widget` (what the widgets and the crisis button share, never a widget's own code) and `client`
 * (the data layer: zod, idb and the backend, which the crisis button loads only after it is interactive).
 * A group must never hold code a tag does not need, or that tag's static graph (its size budget) pays for it.
 */
const inGroup = (pattern: RegExp) => (id: string) => pattern.test(id.replaceAll('\\', '/'));
const browserChunkGroups = [
  {
    name: 'kit',
    priority: 3,
    test: inGroup(
      new RegExp(
        [
          '/node_modules/(lit|lit-html|lit-element|@lit/reactive-element)/',
          '/node_modules/@lit/context/lib/(create-context|context-request-event)\\.js$',
          '/src/design/',
          '/src/internal/(iop-element|context)\\.ts$',
          '/src/core/(locale|define|version)\\.ts$',
        ].join('|'),
      ),
    ),
  },
  {
    name: 'widget',
    priority: 2,
    test: inGroup(
      new RegExp(
        ['/src/internal/iop-widget\\.ts$', '/src/core/(config-store|tel|region-help)\\.ts$'].join('|'),
      ),
    ),
  },
  {
    name: 'client',
    priority: 1,
    test: inGroup(
      new RegExp(
        [
          '/node_modules/(zod|idb)/',
          '/src/internal/data-controller\\.ts$',
          '/src/core/(schemas|rest-backend|cache|outbox|crypto|client|session|errors|kit-db|backend|config|create-backend|format|hotlines|links)\\.ts$',
        ].join('|'),
      ),
    ),
  },
];

const mode = process.env.IOP_BUILD ?? 'npm';
const browser = mode === 'browser' || mode === 'dropin';
const dropin = mode === 'dropin';

export default defineConfig({
  // The browser build (what the size budgets measure) also minifies the text of Lit templates.
  plugins: browser ? [minifyLitTemplates()] : [],
  build: {
    outDir: 'dist',
    emptyOutDir: !browser,
    target: 'es2022',
    minify: true,
    sourcemap: !browser,
    manifest: mode === 'browser' ? 'browser/manifest.json' : false,
    lib: {
      entry: dropin
        ? { 'iop-kit.min': `${root}src/index.ts` }
        : browser
          ? prefixKeys(tagEntries(), 'browser/')
          : { index: `${root}src/index.ts`, testing: `${root}src/testing.ts`, ...tagEntries() },
      formats: ['es'],
    },
    rolldownOptions: {
      external: browser ? [] : [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^idb($|\/)/],
      output: {
        minify: process.env.IOP_NO_MINIFY ? false : true,
        entryFileNames: '[name].js',
        chunkFileNames: browser ? 'browser/chunks/[name]-[hash].js' : 'shared/[name]-[hash].js',
        ...(dropin
          ? { codeSplitting: false }
          : browser
            ? { codeSplitting: { groups: browserChunkGroups } }
            : {}),
      },
    },
  },
});

function prefixKeys(entries: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [prefix + k, v]));
}

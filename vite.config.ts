// Three library builds (see scripts/build.mjs):
// - `npm` (default): dist/<tag>.js per tag (registers it), dist/index.js (every tag and the API); lit, valibot and
//   idb stay external so an app's bundler shares one copy.
// - `browser` (IOP_BUILD=browser IOP_TAG=<tag>, one build per tag): a page that needs one widget loads one file,
//   Lit bundled: dist/browser/<tag>.js holds everything the tag needs at once (one file compresses best), and
//   what it loads later (the crisis button's backend code) is in dist/browser/chunks/. Its manifest
//   (dist/browser/manifests/<tag>.json) is what scripts/sizes.mjs measures the tag's budget on.
// - `dropin` (IOP_BUILD=dropin): the whole kit as one self-contained file, dist/iop-kit.min.js, for one
//   <script type="module"> on any website. One file compresses best; it is the "whole kit" budget. Its
//   dynamic imports are made static (one file: nothing to load later, and no lazy-init wrappers), except the
//   FHIR adapter's: dist/iop-kit-fhir-backend.min.js beside it, loaded only when `backend: 'fhir'` is set.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { minifyLitTemplates } from './scripts/minify-templates.mjs';
import { staticDynamicImports } from './scripts/static-imports.mjs';
import { terserPass } from './scripts/terser-pass.mjs';
import { tagEntries } from './scripts/tags.mjs';

/** V8's explicit compile hint for a whole file: https://v8.dev/blog/explicit-compile-hints */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const root = fileURLToPath(new URL('.', import.meta.url));
const mode = process.env.IOP_BUILD ?? 'npm';
const browser = mode === 'browser' || mode === 'dropin';
const dropin = mode === 'dropin';
const tag = process.env.IOP_TAG ?? '';
// IOP_NO_MINIFY=1: readable output, to see what each module costs (see README, "Size budgets").
const unminified = Boolean(process.env.IOP_NO_MINIFY);
if (mode === 'browser' && !tagEntries()[tag])
  throw new Error(`IOP_BUILD=browser needs IOP_TAG=<tag>, got "${tag}"`);

export default defineConfig({
  // Every build minifies the text of Lit templates (an app's JS minifier leaves template strings alone, so the
  // npm entries would otherwise carry the styles' comments and indentation into the app's bundle); the one-file
  // drop-in also makes the kit's dynamic imports static (see scripts/static-imports.mjs).
  plugins: [
    ...(unminified ? [] : [minifyLitTemplates()]),
    ...(dropin ? [staticDynamicImports(), ...(unminified ? [] : [terserPass(root)])] : []),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: !browser,
    target: 'es2022',
    minify: true,
    sourcemap: !browser,
    manifest: mode === 'browser' ? `browser/manifests/${tag}.json` : false,
    lib: {
      entry: dropin
        ? { 'iop-kit.min': `${root}src/dropin.ts` }
        : browser
          ? { [`browser/${tag}`]: tagEntries()[tag]! }
          : { index: `${root}src/index.ts`, testing: `${root}src/testing.ts`, ...tagEntries() },
      formats: ['es'],
    },
    rolldownOptions: {
      // The drop-in's terser pass takes seconds by design; no timing warning for it.
      checks: { bundlerTimings: false },
      external: browser ? [] : [/^lit($|\/)/, /^@lit\//, /^valibot($|\/)/, /^idb($|\/)/],
      // A lazy file (the FHIR adapter, the crisis button's live part) imports what it shares with its entry from
      // the entry (extra exports on it) instead of a common file every page would have to load as well.
      ...(browser ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
      output: {
        minify: !unminified,
        // Browser files: no pure annotations or JSDoc left after minifying (licence comments stay).
        ...(browser ? { comments: { legal: true, annotation: false, jsdoc: false } } : {}),
        // The crisis button's file asks V8 to compile every function while the file streams in, off the main
        // thread (explicit compile hints, Chromium 136+; a comment elsewhere): nearly all of it runs at once
        // (the button, then the dialog built closed), and compiling each function lazily on its first call was
        // about a fifth of the time to interactive at 4x (issue 14). Only this file: the other tags and the
        // drop-in hold much that a page never calls.
        ...(mode === 'browser' && tag === 'iop-crisis-connect'
          ? { postBanner: (chunk: { isEntry: boolean }) => (chunk.isEntry ? COMPILE_HINT : '') }
          : {}),
        entryFileNames: '[name].js',
        // The drop-in's one lazy file (the FHIR adapter, see scripts/static-imports.mjs) sits beside it.
        chunkFileNames: dropin
          ? 'iop-kit-[name].min.js'
          : browser
            ? 'browser/chunks/[name]-[hash].js'
            : 'shared/[name]-[hash].js',
      },
    },
  },
});

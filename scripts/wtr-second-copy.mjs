// web-test-runner plugin: a whole second copy of the kit, bundled from src/ by esbuild the way an app's bundler
// would (Lit, the client and every element class inlined), served at SECOND_COPY_PATH. A test page that already
// runs the kit from source imports it to be a page with two copies of the kit (test/components/two-copies).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SECOND_COPY_PATH = '/test/fixtures/second-kit-copy.js';

const ENTRY = `
export * from './src/index.ts';
export { createMemoryBackend, createSeed, DEMO_TOKENS } from './src/testing.ts';
`;

export function secondKitCopyPlugin() {
  /** @type {Promise<string> | undefined} */
  let bundle;
  return {
    name: 'second-kit-copy',
    async serve(context) {
      if (context.path !== SECOND_COPY_PATH) return undefined;
      bundle ??= build({
        stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
        bundle: true,
        format: 'esm',
        target: 'es2022',
        tsconfig: `${ROOT}tsconfig.json`,
        write: false,
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without types
import { appBundle, staticGraph } from '../../scripts/sizes.mjs';

test('a tag is measured with its static imports only, not the chunks it loads later', () => {
  const manifest = {
    'a.ts': {
      file: 'browser/iop-a.js',
      isEntry: true,
      imports: ['_lit.js', '_shared.js'],
      dynamicImports: ['_client.js'],
    },
    '_lit.js': { file: 'browser/chunks/lit.js' },
    '_shared.js': { file: 'browser/chunks/shared.js', imports: ['_lit.js'] },
    '_client.js': { file: 'browser/chunks/client.js', imports: ['_zod.js'] },
    '_zod.js': { file: 'browser/chunks/zod.js' },
  };
  assert.deepEqual([...staticGraph(manifest, 'a.ts')].sort(), ['_lit.js', '_shared.js', 'a.ts']);
});

test("an npm entry in an app's bundle counts its static graph, not what it imports later", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iop-app-bundle-'));
  try {
    // 20,000 random hex digits compress to about 10 KB: counted, they would show.
    const noise = (n: number) => randomBytes(n).toString('hex');
    writeFileSync(join(dir, 'shared.js'), `export const shared = '${noise(2000)}';\n`);
    writeFileSync(
      join(dir, 'lazy.js'),
      `import { shared } from './shared.js';\nexport const lazy = shared + '${noise(10_000)}';\n`,
    );
    writeFileSync(
      join(dir, 'entry.js'),
      `import { shared } from './shared.js';\nglobalThis.x = shared;\nglobalThis.load = () => import('./lazy.js');\n`,
    );
    const sizes = await appBundle(join(dir, 'entry.js'), dir);
    // The shared module (2,000 random bytes, about 2 KB brotli) is in; the lazy one (10 KB) is not.
    for (const size of [sizes.esbuild, sizes.esbuildSplit, sizes.vite]) {
      assert.ok(size > 2000 && size < 4000, `measured ${size} B`);
    }
    // --splitting: the entry and the chunk it shares with the lazy file, not the lazy file.
    assert.equal(sizes.esbuildSplitFiles, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs script without types
import { staticGraph } from '../../scripts/sizes.mjs';

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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUNDLED_PACKAGES, thirdPartyLicenses } from '../../scripts/terser-pass.mjs';

const root = new URL('../../', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

test('the drop-in licence file covers every runtime dependency and what each of them brings', () => {
  const runtime = Object.keys(readJson('package.json').dependencies ?? {});
  const brought = runtime.flatMap((name) =>
    Object.keys(readJson(`node_modules/${name}/package.json`).dependencies ?? {}),
  );
  for (const name of new Set([...runtime, ...brought])) {
    assert.ok(BUNDLED_PACKAGES.includes(name), `${name} is bundled but has no licence entry`);
  }
});

test('the licence file holds each package with its version and its full licence text', () => {
  const text = thirdPartyLicenses(new URL('.', root).pathname);
  assert.match(text, /^lit \d+\.\d+\.\d+\n=+\n\nBSD 3-Clause License/m);
  assert.match(text, /Copyright \(c\) 2017 Google LLC/);
  assert.match(text, /^valibot \d+\.\d+\.\d+\n=+\n\nMIT License/m);
  assert.match(text, /Copyright \(c\) Fabian Hiller/);
  assert.match(text, /THE SOFTWARE IS PROVIDED "AS IS"/);
});

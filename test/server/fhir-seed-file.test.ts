/// <reference types="node" />
// The downloadable seed Bundle in the docs must be what createSeedBundle() builds today.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { SEED_DATE, SEED_PATH, seedBundleText } from '../../scripts/build-fhir-seed.js';

describe('stories/docs/fhir-seed-bundle.json', () => {
  test('is up to date with the seed (run `npx tsx scripts/build-fhir-seed.ts` after changing it)', () => {
    assert.equal(readFileSync(SEED_PATH, 'utf8'), seedBundleText());
  });

  test('is a transaction Bundle built around the documented date', () => {
    const bundle = JSON.parse(readFileSync(SEED_PATH, 'utf8')) as {
      resourceType: string;
      type: string;
      entry: { request: { method: string }; resource: { resourceType: string; start?: string } }[];
    };
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'transaction');
    assert.ok(bundle.entry.every((e) => e.request.method === 'POST'));
    const starts = bundle.entry
      .filter((e) => e.resource.resourceType === 'Slot')
      .map((e) => e.resource.start!);
    assert.ok(
      starts.length > 0 && starts.every((s) => s > SEED_DATE),
      'every slot starts after the seed date',
    );
  });
});

/// <reference types="node" />
/**
 * Writes the demo program as a FHIR R4 transaction Bundle a clinic can load into a test FHIR server
 * (stories/docs/fhir-seed-bundle.json, linked from the "Connect your EHR (FHIR R4)" docs page). It is
 * createSeedBundle() (demo/fhir-server/seed-bundle.ts) at a fixed date, so the committed file only changes when
 * the seed does; test/server/fhir-seed-file.test.ts fails when it drifts.
 *
 *   npx tsx scripts/build-fhir-seed.ts                       # the committed copy
 *   npx tsx scripts/build-fhir-seed.ts --now 2027-03-01T12:00:00Z --out my-seed.json   # slots from that date
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSeedBundle } from '../demo/fhir-server/seed-bundle.js';

/** The date the committed Bundle is built around (slots and on-call shifts run two weeks from it). */
export const SEED_DATE = '2027-01-04T12:00:00.000Z';
export const SEED_PATH = fileURLToPath(new URL('../stories/docs/fhir-seed-bundle.json', import.meta.url));

/** The Bundle as the file holds it: two-space JSON with a final newline. */
export function seedBundleText(now: Date = new Date(SEED_DATE)): string {
  return `${JSON.stringify(createSeedBundle(now), null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const now = new Date(option('--now') ?? SEED_DATE);
  if (Number.isNaN(now.getTime())) {
    console.error(`--now must be an ISO date and time, e.g. 2027-03-01T12:00:00Z; got ${option('--now')}`);
    process.exit(2);
  }
  const out = option('--out') ?? SEED_PATH;
  const text = seedBundleText(now);
  writeFileSync(out, text);
  const entries = (JSON.parse(text) as { entry: unknown[] }).entry.length;
  console.log(`Wrote ${out}: ${entries} entries, ${text.length} bytes, built around ${now.toISOString()}.`);
}

// The kit's tags: every src/components/<name>/define.ts registers iop-<name>. Shared by vite.config.ts and the
// build script, so a new component needs no list to be updated.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const componentsDir = fileURLToPath(new URL('../src/components', import.meta.url));

/** @returns {Record<string, string>} tag name -> absolute path of its define.ts */
export function tagEntries() {
  const entries = {};
  for (const name of readdirSync(componentsDir).sort()) {
    const define = `${componentsDir}/${name}/define.ts`;
    if (existsSync(define)) entries[`iop-${name}`] = define;
  }
  return entries;
}

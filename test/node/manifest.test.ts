/// <reference types="node" />
// custom-elements.json lists the public API only: types and docs generated from it must not offer a widget's
// internal state (the scheduler's `selected`, `busy`, ...) as attributes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; description?: string }[];
  members?: { name: string; kind: string; privacy?: string }[];
}

test('every attribute in the manifest is a public property of its element', () => {
  // Inside the project: the analyzer writes to cwd + outdir and drops a leading '../'.
  mkdirSync('node_modules/.cache', { recursive: true });
  const out = mkdtempSync('node_modules/.cache/iop-manifest-');
  try {
    execFileSync('node_modules/.bin/cem', ['analyze', '--config', 'custom-elements-manifest.config.mjs'], {
      stdio: 'pipe',
      env: { ...process.env, CEM_OUTDIR: out },
    });
    const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    const elements = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName);
    assert.ok(elements.length >= 12, 'every tag is in the manifest');
    for (const element of elements) {
      const publicFields = new Set(
        (element.members ?? []).filter((m) => (m.privacy ?? 'public') === 'public').map((m) => m.name),
      );
      for (const attribute of element.attributes ?? [])
        assert.ok(
          !attribute.fieldName || publicFields.has(attribute.fieldName),
          `${element.tagName}: attribute "${attribute.name}" is internal state`,
        );
    }
    const scheduler = elements.find((e) => e.tagName === 'iop-follow-up-scheduler')!;
    assert.deepEqual(
      scheduler.attributes?.map((a) => a.name),
      ['kind', 'within-hours', 'timezone', 'days', 'theme'],
    );
    // A public field that is reactive state (`phase: { state: true }`) has no attribute.
    const toggle = elements.find((e) => e.tagName === 'iop-pet-friendly-toggle')!;
    assert.ok(!toggle.attributes?.some((a) => a.name === 'phase'), 'the pet toggle has no "phase" attribute');
    // Every widget inherits the base's `theme` (the analyzer has to see IopWidget for that).
    for (const element of elements)
      assert.ok(
        element.attributes?.some((a) => a.name === 'theme'),
        `${element.tagName} has "theme"`,
      );
    // Only documented events: the dialog's `emit(name, ...)` helper is not an event named "name".
    for (const element of elements)
      for (const event of element.events ?? [])
        assert.ok(event.description, `${element.tagName}: event "${event.name}" is documented`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

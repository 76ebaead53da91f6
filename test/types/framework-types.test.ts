/// <reference types="node" />
// The framework types, as an app sees them: small React 19 and Vue 3.5 apps (test/types/fixtures) are
// type-checked with tsc and vue-tsc against the BUILT package (dist/, `npm run build` first), installed in a
// temporary app folder as node_modules/iop-kit. A page that uses every tag compiles with zero errors under
// `strict` (Vue: strictTemplates); each mistake in the mistakes file fails with the expected code on its line.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'test/types/fixtures');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

interface Diagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

interface Manifest {
  modules: { declarations?: { name: string; tagName?: string; customElement?: boolean }[] }[];
}

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .map((d) => ({ tag: d.tagName!, className: d.name }));
const tags = elements.map((e) => e.tag);

let work: string | undefined;

/** A new app folder with the fixture files and the built kit as node_modules/iop-kit. */
function app(name: string): string {
  const dir = join(work!, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules/iop-kit'), 'dir');
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** Runs a type checker in `dir`; its diagnostics (it exits non-zero when there are any). */
function typeCheck(checker: string, dir: string): Diagnostic[] {
  let output: string;
  try {
    output = execFileSync(bin(checker), ['-p', 'tsconfig.json', '--pretty', 'false'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
  const diagnostics: Diagnostic[] = [];
  for (const match of output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm))
    diagnostics.push({ file: match[1]!, line: Number(match[2]), code: match[3]!, message: match[4]! });
  if (!diagnostics.length)
    assert.doesNotMatch(output, /error/i, `${checker} failed without a diagnostic:\n${output}`);
  return diagnostics;
}

/** The 1-based line of the fixture file that holds `token` (once). */
function lineOf(dir: string, file: string, token: string): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const found = lines.flatMap((text, i) => (text.includes(token) ? [i + 1] : []));
  assert.equal(found.length, 1, `${file}: "${token}" is on exactly one line`);
  return found[0]!;
}

const show = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n');

/** Each expected mistake reports its code on its line; nothing else in the app reports anything. */
function assertMistakes(dir: string, file: string, diagnostics: Diagnostic[], expected: [string, string][]) {
  const lines = new Map(expected.map(([token, code]) => [lineOf(dir, file, token), { token, code }]));
  for (const [line, { token, code }] of lines) {
    const here = diagnostics.filter((d) => d.file === file && d.line === line).map((d) => d.code);
    assert.ok(here.includes(code), `${file}:${line} (${token}): expected ${code}, got [${here.join(', ')}]`);
  }
  const unexpected = diagnostics.filter((d) => d.file !== file || !lines.has(d.line));
  assert.deepEqual(unexpected, [], `unexpected errors:\n${show(unexpected)}`);
}

before(() => {
  assert.ok(
    existsSync(join(root, 'dist/react.d.ts')),
    'dist/react.d.ts is built (run `npm run build` first)',
  );
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  work = mkdtempSync(join(root, 'node_modules/.cache/iop-types-'));
});
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the fixtures use every tag of the manifest', () => {
  assert.ok(tags.length >= 12, 'every tag is in the manifest');
  for (const [file, pattern] of [
    ['react/App.tsx', (tag: string) => `<${tag}`],
    ['vue/App.vue', (tag: string) => `<${tag}`],
  ] as const) {
    const text = readFileSync(join(fixtures, file), 'utf8');
    for (const tag of tags) assert.ok(text.includes(pattern(tag)), `${file} uses <${tag}>`);
  }
});

test('React 19: every tag type-checks under strict, and each mistake fails on its line', () => {
  const dir = app('react');
  // Every subpath export has types: `import 'iop-kit/<tag>'` gives no TS7016, and brings the tag's class.
  writeFileSync(
    join(dir, 'subpaths.ts'),
    [
      `import 'iop-kit/iop-kit.min.js';`,
      ...elements.map(({ tag, className }, i) =>
        [
          `import 'iop-kit/${tag}';`,
          `import type { ${className} as Element${i} } from 'iop-kit/${tag}';`,
          `export const element${i}: Element${i} = document.createElement('${tag}');`,
        ].join('\n'),
      ),
      '',
    ].join('\n'),
  );
  const diagnostics = typeCheck('tsc', dir);
  assert.deepEqual(
    diagnostics.filter((d) => d.file !== 'mistakes.tsx'),
    [],
    `App.tsx and subpaths.ts compile:\n${show(diagnostics)}`,
  );
  assertMistakes(dir, 'mistakes.tsx', diagnostics, [
    ['includePartnr', 'TS2322'], // Property 'includePartnr' does not exist (did you mean 'includePartner'?)
    ['onIopBooked', 'TS2322'], // Property 'onIopBooked' does not exist (did you mean 'oniop-booked'?)
    ['oniop-booked={wrongDetail}', 'TS2322'], // CustomEvent<Appointment> is not CustomEvent<SlotSelectDetail>
    ['kind="couple"', 'TS2820'], // '"couple"' is not assignable ... Did you mean '"couples"'?
    ['getAccessToken="abc"', 'TS2322'], // 'string' is not assignable to 'AccessTokenGetter'
  ]);
});

test('Vue 3.5 (vue-tsc, strictTemplates): every tag type-checks, and each mistake fails on its line', () => {
  const dir = app('vue');
  const diagnostics = typeCheck('vue-tsc', dir);
  assert.deepEqual(
    diagnostics.filter((d) => d.file !== 'Mistakes.vue'),
    [],
    `App.vue compiles:\n${show(diagnostics)}`,
  );
  assertMistakes(dir, 'Mistakes.vue', diagnostics, [
    ['includePartnr', 'TS2561'], // 'includePartnr' does not exist ... Did you mean 'includePartner'?
    ['@iop-boked', 'TS2561'], // 'onIopBoked' does not exist ... Did you mean 'onIopBooked'?
    ['@iop-booked="wrongDetail"', 'TS2322'], // CustomEvent<Appointment> is not CustomEvent<SlotSelectDetail>
    ['kind="couple"', 'TS2820'],
    ['getAccessToken="abc"', 'TS2322'],
  ]);
});

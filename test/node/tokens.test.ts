import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  flattenTokens,
  generate,
  generatedPath,
  resolveAlias,
  tokensPath,
  usedTokenNames,
} from '../../scripts/tokens.mjs';

const tree = JSON.parse(readFileSync(tokensPath, 'utf8'));

test('the committed generated tokens match tokens.json (run `npm run tokens` when this fails)', () => {
  assert.equal(readFileSync(generatedPath, 'utf8'), generate(tree, usedTokenNames()));
});

test('aliases resolve through the palette, with a dark value for every colour', () => {
  const tokens = flattenTokens(tree);
  const surface = tokens.find((t) => t.name === 'color-surface');
  assert.deepEqual(surface, { name: 'color-surface', light: '#ffffff', dark: '#121417' });
  for (const t of tokens.filter((t) => t.name.startsWith('color-'))) {
    assert.match(String(t.light), /^#[0-9a-f]{6}$/, t.name);
    assert.match(String(t.dark), /^#[0-9a-f]{6}$/, t.name);
  }
  assert.ok(tokens.some((t) => t.name === 'space-4'));
  assert.ok(tokens.some((t) => t.name === 'duration-fast'));
  assert.ok(!tokens.some((t) => t.name.startsWith('palette-')), 'the primitive palette is not exposed');
});

test('a broken alias or a cycle is an error that names it', () => {
  assert.throws(() => resolveAlias(tree, '{palette.nope}'), /Unknown token alias \{palette.nope\}/);
  const cyclic = { a: { $value: '{b}' }, b: { $value: '{a}' } };
  assert.throws(() => resolveAlias(cyclic, '{a}'), /cycle: a -> b -> a/);
  assert.equal(resolveAlias(tree, '12px'), '12px');
});

test('the generated stylesheet exposes each token as an overridable --iop-* property', () => {
  const source = generate(tree);
  assert.match(source, /--_color-accent: var\(--iop-color-accent, light-dark\(#1d4ed8, #8ab4f8\)\);/);
  assert.match(source, /--_radius-md: var\(--iop-radius-md, 8px\);/);
});

test('the stylesheet declares only the tokens the kit reads; the docs still get every value', () => {
  const source = generate(tree, new Set(['color-accent', 'space-4']));
  assert.match(source, /--_color-accent: var\(--iop-color-accent, /);
  assert.match(source, /--_space-4: var\(--iop-space-4, 1em\);/);
  assert.doesNotMatch(source, /--_radius-md:/);
  assert.match(source, /"radius-md": "8px"/, 'tokenValues keeps every token');
  const used = usedTokenNames();
  assert.ok(used.has('color-crisis') && used.has('target-comfortable'), 'read by the crisis button');
});

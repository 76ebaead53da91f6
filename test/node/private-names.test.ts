// The drop-in's terser pass shortens only private member names that nothing outside the kit's own classes can
// see (scripts/private-names.mjs); this checks the rules hold for names that must never be renamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mangleablePrivateNames } from '../../scripts/private-names.mjs';
import { shortenCustomProperties } from '../../scripts/terser-pass.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dropin = `${root}dist/iop-kit.min.js`;
const code = existsSync(dropin) ? readFileSync(dropin, 'utf8') : '';

test('only private members that no page, backend, stored record or other copy of the kit sees are renamed', () => {
  const { names, leftOut } = mangleablePrivateNames(root, code);
  assert.ok(names.length > 50, `expected the kit's private names, got ${names.length}`);
  for (const name of names) assert.match(name, /^[A-Za-z_$][\w$]{2,}$/);
  const never = [
    // Lit calls these on every element; DOM and JavaScript members.
    'updated',
    'firstUpdated',
    'willUpdate',
    'render',
    'focus',
    'hidden',
    'close',
    'open',
    'then',
    // Public properties and attributes, event details, data from the backend, stored outbox entries.
    'locale',
    'kind',
    'region',
    'status',
    'slots',
    'detail',
    'error',
    'attempts',
    'idempotencyKey',
    // Exported functions that a private method shares a name with; a private @state read through changed.has().
    'signOut',
    'busy',
    'selected',
  ];
  for (const name of never) assert.ok(!names.includes(name), `${name} must keep its name`);
  // Private names that the rules leave out say why.
  for (const [name, why] of Object.entries(leftOut)) assert.ok(why.length > 0, name);
});

test("the drop-in's private CSS custom properties get short names, consistently, and nothing else changes", () => {
  const [a, b] = shortenCustomProperties([
    'css`:host{--_color-text:var(--iop-color-text,#000);color:var(--_color-text)}p{color:var(--_color-text)}`',
    "x.style.setProperty('--_x','1px');y=`.b{left:var(--_x);top:var(--_y, 0);--iop-space-1:2px}`;i=--_n",
  ]);
  assert.equal(a, 'css`:host{--_0:var(--iop-color-text,#000);color:var(--_0)}p{color:var(--_0)}`');
  // --_y is read, so it is renamed; `--_n` (a decrement of a variable _n) is neither declared nor read.
  assert.equal(
    b,
    "x.style.setProperty('--_1','1px');y=`.b{left:var(--_1);top:var(--_2, 0);--iop-space-1:2px}`;i=--_n",
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDynamicImportsStatic } from '../../scripts/static-imports.mjs';

test('a relative dynamic import becomes a static namespace import behind a resolved promise', () => {
  const input = "const live = () => import('./crisis-live.js').then(({ CrisisLive }) => new CrisisLive());";
  assert.equal(
    makeDynamicImportsStatic(input),
    'import * as __iopStaticImport0 from "./crisis-live.js";\n' +
      'const live = () => Promise.resolve(__iopStaticImport0).then(({ CrisisLive }) => new CrisisLive());',
  );
});

test('the same module imported twice shares one static import; different modules get their own', () => {
  const out = makeDynamicImportsStatic("a = import('./x.js'); b = import('../y.js'); c = import('./x.js');");
  assert.equal(
    out,
    'import * as __iopStaticImport0 from "./x.js";\nimport * as __iopStaticImport1 from "../y.js";\n' +
      'a = Promise.resolve(__iopStaticImport0); b = Promise.resolve(__iopStaticImport1); c = Promise.resolve(__iopStaticImport0);',
  );
});

test('bare and computed specifiers, and code without dynamic imports, are left alone', () => {
  assert.equal(makeDynamicImportsStatic("import('lit'); import(name);"), undefined);
  assert.equal(makeDynamicImportsStatic('const s = \'import("./x.js")\';'), undefined);
  assert.equal(makeDynamicImportsStatic('export const a = 1;'), undefined);
});

test('the FHIR adapter stays a dynamic import (its own file beside the drop-in); others beside it do not', () => {
  assert.equal(makeDynamicImportsStatic("const f = () => import('./fhir/fhir-backend.js');"), undefined);
  assert.equal(
    makeDynamicImportsStatic("f = import('./fhir/fhir-backend.js'); g = import('./x.js');"),
    'import * as __iopStaticImport0 from "./x.js";\n' +
      "f = import('./fhir/fhir-backend.js'); g = Promise.resolve(__iopStaticImport0);",
  );
});

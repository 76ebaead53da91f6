// The drop-in (dist/iop-kit.min.js) is one file, so a dynamic import inside it saves no download. Left as it
// is, the bundler keeps its lazy semantics by wrapping every module the dynamic import reaches in an init
// function (46 wrappers, 943 B brotli, measured on 2026-11-27). This plugin turns `import('./x.js')` into a
// static namespace import plus `Promise.resolve(namespace)`, so the drop-in has no wrappers. Only for the
// drop-in: the per-tag builds keep their dynamic imports (that is what keeps the crisis button small).
//
// One exemption: the FHIR R4 adapter stays a dynamic import, so the drop-in ships it as its own file beside
// iop-kit.min.js that a page loads only when it configures `backend: 'fhir'` (DESIGN.md: its own chunk).
import { parseSync } from 'vite';

/** Dynamic imports the drop-in keeps lazy (their modules become a separate file). */
export const LAZY_IN_DROPIN = [/(^|\/)fhir\/fhir-backend\.js$/];
import { sourceTransform, walkAst } from './source-transform.mjs';

/** Every `import('<relative path>')` in an ESTree program: where it is and what it imports. */
function findDynamicImports(program) {
  const found = [];
  walkAst(program, (node) => {
    const source = node.type === 'ImportExpression' ? node.source : undefined;
    if (
      source?.type === 'Literal' &&
      typeof source.value === 'string' &&
      /^\.\.?\//.test(source.value) &&
      !LAZY_IN_DROPIN.some((lazy) => lazy.test(source.value))
    ) {
      found.push({ start: node.start, end: node.end, specifier: source.value });
    }
  });
  return found;
}

/**
 * Returns `code` with each relative dynamic import made static, or undefined when there is none. The module
 * still gets a promise of the namespace, so `import('./x.js').then(({ X }) => ...)` works unchanged.
 */
export function makeDynamicImportsStatic(code, filename = 'module.js') {
  if (!code.includes('import(')) return undefined;
  const { program, errors } = parseSync(filename, code);
  if (errors?.length) return undefined;
  const found = findDynamicImports(program);
  if (found.length === 0) return undefined;
  const names = new Map();
  for (const { specifier } of found) {
    if (!names.has(specifier)) names.set(specifier, `__iopStaticImport${names.size}`);
  }
  let out = code;
  for (const { start, end, specifier } of [...found].sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, start)}Promise.resolve(${names.get(specifier)})${out.slice(end)}`;
  }
  const imports = [...names].map(
    ([specifier, name]) => `import * as ${name} from ${JSON.stringify(specifier)};`,
  );
  return `${imports.join('\n')}\n${out}`;
}

/** Vite plugin for the one-file drop-in build: the kit's own dynamic imports become static. */
export function staticDynamicImports() {
  return sourceTransform('iop-kit:static-dynamic-imports', makeDynamicImportsStatic);
}

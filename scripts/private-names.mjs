// Which of the kit's private member names the drop-in's terser pass may shorten (scripts/terser-pass.mjs).
// A minifier leaves property names alone, so `this.stopWatchingProvider` stays that long in the file; renaming a
// property is only safe when every use of that name in the file is the kit's own member, so the list is derived
// on every build from the source and the file, and a name is left out as soon as any of these holds:
// - it is not declared `private` or `protected` in a class under src/ (public members, events, options,
//   data fields and anything a page or a test may read keep their names);
// - it also appears in src/ as an object key or a type's field (`name:` or `name?:`): data from the backend,
//   stored records, messages between tabs or between two copies of the kit on one page, Lit's `static
//   properties`, event details;
// - it is read on anything but `this` in src/ (`other.name`), since that other may be a DOM or library object,
//   or it is a shorthand key, a destructured name or an object literal's method (`{ name }`, `{ name } = x`);
// - it appears as a string in the file (`changed.has('name')`, `this[name]`, `'name' in x`);
// - a DOM or JavaScript built-in, or Lit or valibot, declares a member of that name (TypeScript's lib files and the
//   packages' declarations), or it is shorter than 3 characters.
// Measured on 2026-12-02: 129 names, 461 B brotli off the drop-in (docs/size.md).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file under `dir` (or .d.ts with `declarations`). */
function filesIn(dir, test) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path, test) : test(path) ? [path] : [];
  });
}

/** Member names that the DOM, JavaScript, Lit and valibot declare (over-inclusive on purpose). */
export function declaredElsewhere(root) {
  const tsLib = join(root, 'node_modules/typescript/lib');
  const files = [
    ...filesIn(tsLib, (p) =>
      /[\\/]lib\.(dom|es\d+|es5|esnext|webworker|decorators|scripthost)[\w.]*\.d\.ts$/.test(p),
    ),
    ...['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'valibot'].flatMap((pkg) =>
      filesIn(
        join(root, 'node_modules', pkg),
        (p) => /\.d\.m?ts$/.test(p) && !/[\\/]node_modules[\\/].*[\\/]node_modules[\\/]/.test(p),
      ),
    ),
  ];
  const names = new Set();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\b([A-Za-z_$][\w$]*)\??\s*[:(]/g)) names.add(m[1]);
  }
  return names;
}

/**
 * The private member names that can be shortened in `code` (the drop-in's chunks, joined), from the kit's source
 * under `root`/src. Returns them sorted, with the reason each other declared name was left out.
 */
export function mangleablePrivateNames(root, code) {
  const src = filesIn(join(root, 'src'), (p) => p.endsWith('.ts'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const declared = new Set(
    [
      ...src.matchAll(
        /^\s+(?:private|protected) (?:readonly |static |override |async |get |set )*([A-Za-z_$][\w$]*)/gm,
      ),
    ].map((m) => m[1]),
  );
  const elsewhere = declaredElsewhere(root);
  const names = [];
  const leftOut = {};
  for (const name of [...declared].sort()) {
    const id = name.replace(/\$/g, '\\$');
    const why = [];
    if (name.length < 3) why.push('short');
    if (elsewhere.has(name)) why.push('declared by the DOM, JavaScript, Lit or valibot');
    if (new RegExp(`(?<!(?:private|protected)(?: readonly| static| override)* )\\b${id}\\??\\s*:`).test(src))
      why.push('an object key or field in src');
    // Shorthand keys and destructuring (`{ name }`, `{ a, name } = other`), also import and export lists.
    if (new RegExp(`[{,]\\s*(?:async\\s+)?${id}\\s*[,}(=]`).test(src))
      why.push('a shorthand key, a destructured name or a method of an object literal in src');
    const foreign = [...src.matchAll(new RegExp(`([\\w$\\])]+)\\??\\.${id}\\b`, 'g'))].find(
      (m) => m[1] !== 'this',
    );
    if (foreign) why.push(`read on ${foreign[1]}`);
    if (new RegExp(`['"\`]${id}['"\`]`).test(code)) why.push('a string in the file');
    if (why.length) leftOut[name] = why;
    else names.push(name);
  }
  return { names, leftOut };
}

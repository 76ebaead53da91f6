// Shared by the build's source transforms (scripts/minify-templates.mjs, scripts/static-imports.mjs): one
// walk over an ESTree program and one way to make a Vite plugin that rewrites the kit's own modules.

/** Calls `visit` on every node of an ESTree program (depth first, parents before children). */
export function walkAst(node, visit) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walkAst(child, visit);
    return;
  }
  if (typeof node.type === 'string') visit(node);
  for (const key of Object.keys(node)) {
    if (key !== 'parent' && typeof node[key] === 'object') walkAst(node[key], visit);
  }
}

/**
 * A build-only Vite plugin that runs `rewrite(code, path)` on the kit's own modules (under src/, after
 * TypeScript is compiled); `rewrite` returns the new code, or undefined to leave the module alone.
 */
export function sourceTransform(name, rewrite) {
  return {
    name,
    apply: 'build',
    transform(code, id) {
      const path = id.split('?')[0];
      if (!/[\\/]src[\\/].*\.[cm]?[jt]s$/.test(path)) return null;
      const out = rewrite(code, path);
      return out === undefined ? null : { code: out, map: null };
    },
  };
}

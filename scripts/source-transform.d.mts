import type { Plugin } from 'vite';

export function walkAst(node: unknown, visit: (node: { type: string; [key: string]: unknown }) => void): void;
export function sourceTransform(
  name: string,
  rewrite: (code: string, path: string) => string | undefined,
): Plugin;

import type { Plugin } from 'vite';

export function makeDynamicImportsStatic(code: string, filename?: string): string | undefined;
export function staticDynamicImports(): Plugin;
export const LAZY_IN_DROPIN: RegExp[];

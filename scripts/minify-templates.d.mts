import type { Plugin } from 'vite';

export function minifyCssPart(text: string, options?: { atStart?: boolean; atEnd?: boolean }): string;
export function collapseMarkupPart(text: string, state?: { raw: string | null }): string;
export function minifyTemplates(code: string, filename?: string): string | undefined;
export function minifyLitTemplates(): Plugin;

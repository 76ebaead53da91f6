import type { Plugin } from 'vite';
import type { MinifyOptions } from 'terser';

export const TERSER_OPTIONS: MinifyOptions;
export function terserPass(): Plugin;

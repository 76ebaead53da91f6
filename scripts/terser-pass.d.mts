import type { Plugin } from 'vite';
import type { MinifyOptions } from 'terser';

export const BUNDLED_PACKAGES: string[];
export const LICENSES_FILE: string;
export const TERSER_OPTIONS: MinifyOptions;
export function thirdPartyLicenses(root?: string): string;
export function shortenCustomProperties(codes: string[]): string[];
export function terserPass(root?: string): Plugin;

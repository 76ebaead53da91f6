import type { Browser } from 'playwright-core';

export const CHROMIUM: string;
export const FIREFOX: string;
export const CHROMIUM_ARGS: string[];
export function ensureBrowsers(): void;
export function launchChromium(): Promise<Browser>;

import type { Page } from 'playwright-core';

/** A finding judged wrong: one Equal Access rule on one element (its DOM path, exact), and why. */
export interface Allowance {
  rule: string;
  path: string;
  why: string;
}
export interface A11yOptions {
  /** A CSS selector: check only inside this element. */
  root?: string;
  /** Equal Access findings judged wrong (see scripts/a11y-engines.mjs). */
  allow?: Allowance[];
}
export const AXE_TAGS: string[];
export const EQUAL_ACCESS_RULESET: string;
export function axeViolations(page: Page, options?: { root?: string }): Promise<string[]>;
export function equalAccessViolations(page: Page, options?: A11yOptions): Promise<string[]>;
export function a11yViolations(page: Page, options?: A11yOptions): Promise<string[]>;

/** A DTCG token tree (src/design/tokens.json). */
export type TokenTree = Record<string, unknown>;
export interface FlatToken {
  name: string;
  light: string | number;
  dark?: string | number;
}

export const tokensPath: string;
export const generatedPath: string;
export function resolveAlias(tree: TokenTree, value: unknown, seen?: string[]): unknown;
export function flattenTokens(tree: TokenTree): FlatToken[];
export function usedTokenNames(dir?: string): Set<string>;
export function generate(tree: TokenTree, used?: Set<string>): string;

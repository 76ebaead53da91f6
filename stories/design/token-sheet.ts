/**
 * The design tokens as CSS classes for the Storybook pages, built from the generated token values so the pages
 * can never drift from the kit. Adopted as a constructed style sheet: no inline `style` attributes, as in src/.
 *
 * - `.sb-theme[theme='light' | 'dark']` defines every token as `--sb-<name>` and paints that theme's surface.
 * - `.sb-bg-<color-token>` / `.sb-fg-<color-token>` / `.sb-border-<color-token>` paint with one colour token.
 * - `.sb-<font-size-*|font-weight-*|line-height-*|space-*|radius-*|elevation-*>` apply one token.
 */
import { tokenValues } from '../../src/design/tokens.generated.js';

export type ThemeName = keyof typeof tokenValues;
export type TokenName = keyof (typeof tokenValues)['light'];

export const THEMES = Object.keys(tokenValues) as ThemeName[];
const ALL_TOKENS = Object.keys(tokenValues.light) as TokenName[];

/** The tokens whose names start with `prefix`, in the order of tokens.json. */
export function tokensStartingWith(prefix: string): TokenName[] {
  return ALL_TOKENS.filter((name) => name.startsWith(prefix));
}

/** Which CSS property a non-colour token drives on its demo class. */
const PROPERTY_BY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ['font-size-', 'font-size'],
  ['font-weight-', 'font-weight'],
  ['line-height-', 'line-height'],
  ['space-', 'inline-size'],
  ['radius-', 'border-radius'],
  ['elevation-', 'box-shadow'],
];

/** The style sheet's text (exported for inspection; pages call adoptTokenSheet). */
export function tokenSheetText(): string {
  const rules: string[] = [];
  for (const theme of THEMES) {
    const declarations = Object.entries(tokenValues[theme])
      .map(([name, value]) => `--sb-${name}: ${value};`)
      .join(' ');
    rules.push(
      `.sb-theme[theme='${theme}'] { ${declarations} background-color: var(--sb-color-surface); color: var(--sb-color-text); }`,
    );
  }
  for (const name of ALL_TOKENS) {
    if (name.startsWith('color-')) {
      rules.push(
        `.sb-bg-${name} { background-color: var(--sb-${name}); }`,
        `.sb-fg-${name} { color: var(--sb-${name}); }`,
        `.sb-border-${name} { border-color: var(--sb-${name}); }`,
      );
      continue;
    }
    const property = PROPERTY_BY_PREFIX.find(([prefix]) => name.startsWith(prefix))?.[1];
    if (property) rules.push(`.sb-${name} { ${property}: var(--sb-${name}); }`);
  }
  return rules.join('\n');
}

let adopted = false;

/** Adds the token classes to the document once (the preview calls it; pages may call it again harmlessly). */
export function adoptTokenSheet(doc: Document = document): void {
  if (adopted) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(tokenSheetText());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  adopted = true;
}

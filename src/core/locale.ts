/** The languages the kit speaks. Every message catalog has exactly these. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps a BCP 47 tag ('es-MX', 'EN') to a supported locale, or undefined when the kit does not speak it. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : undefined;
}

/** The parent of a node, crossing from a shadow root to its host. */
function parentAcrossShadow(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * Which language an element speaks: its own `lang`, then the closest ancestor with `lang` (crossing shadow
 * roots, stopping before `<html>`), then the configured locales in order (`<iop-provider locale>`,
 * `configure({ locale })`), then `<html lang>`, then the browser's languages, then English.
 * A `lang` the kit does not speak (say `fr`) is skipped, so the next source decides.
 */
export function resolveLocale(element: Element, configured: ReadonlyArray<string | undefined> = []): Locale {
  const html = element.ownerDocument.documentElement;
  for (let node: Element | null = element; node && node !== html; node = parentAcrossShadow(node)) {
    const match = node.hasAttribute('lang') ? matchLocale(node.getAttribute('lang')) : undefined;
    if (match) return match;
  }
  for (const tag of [...configured, html.getAttribute('lang'), ...(navigator.languages ?? [])]) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return 'en';
}

/** A message catalog: English is the reference, Spanish must have every key. */
export type Catalog<T extends object> = { en: T; es: T };

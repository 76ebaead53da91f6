import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { hostStyles } from '../design/host.styles.js';
import { resolveLocale, type Locale } from '../core/locale.js';
import { KIT_VERSION } from '../core/version.js';

/** Every connected kit element, so one observer can tell them all when a `lang` changes. */
const connected = new Set<IopElement>();
let langObserver: MutationObserver | undefined;

function refreshAllLocales(): void {
  for (const element of connected) element.refreshLocale();
}

function watchLanguage(element: IopElement): void {
  connected.add(element);
  if (langObserver) return;
  // One observer for the whole page: a `lang` change anywhere may change what any element speaks.
  langObserver = new MutationObserver(refreshAllLocales);
  langObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
  window.addEventListener('iop-locale-change', refreshAllLocales);
}

/**
 * The converter of every boolean attribute of the kit (`{ type: Boolean, converter: booleanAttribute }`):
 * present means true, except the value "false", which is what Vue (and any template that writes strings) puts in
 * the attribute for false. Absent means false, as in HTML. A converter on each declaration, not an override of
 * `createProperty` (which Lit deprecates and warns about in every page that loads its dev build).
 */
export const booleanAttribute = {
  fromAttribute: (value: string | null) => value !== null && value !== 'false',
  toAttribute: (value: unknown) => (value ? '' : null),
};

/**
 * The base of every iop-kit element: the design tokens and theme switch, and the element's language.
 *
 * @cssprop --iop-font-family - The font; by default the host page's.
 * @cssprop --iop-color-scheme - `light`, `dark` or `light dark` (follow the user); set by `theme` on an ancestor.
 */
export class IopElement extends LitElement {
  /** Compared by defineElement when another copy of the kit already holds a tag. */
  static kitVersion = KIT_VERSION;

  static override styles: CSSResultGroup = hostStyles;

  // Plain declarations, not decorators (smaller). States use `attribute: false` (what `state: true` does), which
  // the manifest analyzer also reads as "no attribute".
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    resolvedLocale: { attribute: false },
  };

  /** `light` or `dark` forces a theme; unset follows an ancestor's `theme`, then the user's preference. */
  theme?: 'light' | 'dark';

  /** The language this element speaks, resolved from `lang` attributes and configuration. */
  protected resolvedLocale: Locale = 'en';

  /** Locales configured outside the DOM, most specific first (a widget adds its provider's and configure()'s). */
  protected configuredLocales(): ReadonlyArray<string | undefined> {
    return [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.refreshLocale();
    watchLanguage(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /** Re-resolves the locale; called when any `lang` on the page or the configured locale changes. */
  refreshLocale(): void {
    const next = resolveLocale(this, this.configuredLocales());
    if (next !== this.resolvedLocale) this.resolvedLocale = next;
  }
}

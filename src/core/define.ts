import { KIT_VERSION } from './version.js';

/** A custom element class that carries the version of the kit that defined it. */
export type KitElementClass = CustomElementConstructor & { kitVersion?: string };

let warnedAboutOtherVersion = false;

/**
 * Registers `tag` once. Loading the kit twice on a page (a plugin and a theme each bundling it) must never
 * throw; when another version already holds the tag, that version stays and one console warning says so.
 */
export function defineElement(tag: string, elementClass: KitElementClass, registry = customElements): void {
  const existing = registry.get(tag) as KitElementClass | undefined;
  if (!existing) {
    registry.define(tag, elementClass);
    return;
  }
  if (existing.kitVersion !== KIT_VERSION && !warnedAboutOtherVersion) {
    warnedAboutOtherVersion = true;
    console.warn(
      `iop-kit ${KIT_VERSION}: <${tag}> is already defined by ${
        existing.kitVersion ? `iop-kit ${existing.kitVersion}` : 'another script'
      }; keeping that one. Load one copy of iop-kit per page.`,
    );
  }
}

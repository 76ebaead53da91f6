/**
 * Helpers for tests that put the kit on a hostile page: the theme in demo/hostile/theme.css, and ways to see
 * what a person sees through shadow roots (boxes, the element under a point, the focused element).
 */

/** Puts the hostile theme on the whole document; resolves once it applies. Returns a function that removes it. */
export async function applyHostileTheme(): Promise<() => void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/demo/hostile/theme.css';
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
  return () => link.remove();
}

/** Every element under `root`, through open shadow roots (not slotted light DOM twice). */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...deepElements(element.shadowRoot));
  }
  return out;
}

/** The innermost element under a point, through shadow roots (what a tap there would hit). */
export function deepElementFromPoint(x: number, y: number): Element | null {
  let hit: Element | null = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** The element that really has focus, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `inner` is `outer` or inside it, across shadow roots (the composed tree). */
export function composedContains(outer: Node, inner: Node | null): boolean {
  for (let node = inner; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node === outer) return true;
  }
  return false;
}

/** [r, g, b, a] of a computed colour (`rgb()`/`rgba()`, as both browsers report resolved colours). */
export function rgba(color: string): [number, number, number, number] {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(color);
  if (!m) throw new Error(`Not an rgb() colour: ${color}`);
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4];
  return [+m[1]!, +m[2]!, +m[3]!, alpha];
}

/** WCAG contrast ratio of two opaque computed colours. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = rgba(color).map((c, i) => {
      if (i === 3) return 0;
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The first opaque background colour at or above `element` in the composed tree. */
export function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node;) {
    const background = getComputedStyle(node).backgroundColor;
    if (background && rgba(background)[3] === 1) return background;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : (parent as Element | null);
    if (node === document.documentElement) break;
  }
  return 'rgb(255, 255, 255)';
}

/**
 * Focus helpers that see through shadow roots and slots, in the order the browser tabs (the flat tree).
 * The dialog needs them because its content is slotted light DOM and may hold other kit elements.
 */

/** The element that really has focus: `document.activeElement`, then each shadow root's, down to the leaf. */
export function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function isTabbable(element: HTMLElement): boolean {
  // A host that delegates focus is not a stop itself: its inner elements are, and they are walked.
  if (element.shadowRoot?.delegatesFocus && !element.hasAttribute('tabindex')) return false;
  if (element.tabIndex < 0) return false;
  if (
    element instanceof HTMLAnchorElement &&
    !element.hasAttribute('href') &&
    !element.hasAttribute('tabindex')
  ) {
    return false;
  }
  if (element.matches(':disabled')) return false;
  // Hidden by display, visibility or a hidden ancestor (checked only for candidates: containers may be
  // `display: contents` and have no box of their own).
  return element.checkVisibility({ visibilityProperty: true });
}

/** Calls `visit` on every element under `element` in flat-tree order, skipping hidden and inert subtrees. */
function walk(element: Element, visit: (element: HTMLElement) => void): void {
  if (element instanceof HTMLElement && (element.hidden || element.inert)) return;
  if (element instanceof HTMLSlotElement) {
    // `flatten` also yields the slot's fallback content when nothing is assigned.
    for (const assigned of element.assignedElements({ flatten: true })) walk(assigned, visit);
    return;
  }
  if (element instanceof HTMLElement) visit(element);
  const children = element.shadowRoot ? element.shadowRoot.children : element.children;
  for (const child of children) walk(child, visit);
}

function walkInside(root: Element, visit: (element: HTMLElement) => void): void {
  for (const child of root.shadowRoot ? root.shadowRoot.children : root.children) walk(child, visit);
}

/** Every element Tab can reach inside `root`, in flat-tree order, across slots and nested shadow roots. */
export function tabbableElements(root: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  walkInside(root, (element) => {
    if (isTabbable(element)) out.push(element);
  });
  return out;
}

/** The first element inside `root` (flat tree) that asks for focus with `autofocus`. */
export function findAutofocus(root: Element): HTMLElement | undefined {
  let found: HTMLElement | undefined;
  walkInside(root, (element) => {
    if (!found && element.hasAttribute('autofocus')) found = element;
  });
  return found;
}

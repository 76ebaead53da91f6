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
  return (
    // A host that delegates focus is not a stop itself: its inner elements are, and they are walked.
    !(element.shadowRoot?.delegatesFocus && !element.hasAttribute('tabindex')) &&
    element.tabIndex >= 0 &&
    !element.matches(':disabled,a:not([href],[tabindex])') &&
    // Hidden by display, visibility or a hidden ancestor (checked only for candidates: containers may be
    // `display: contents` and have no box of their own).
    element.checkVisibility({ visibilityProperty: true })
  );
}

/**
 * Every element under `root` (not `root` itself) in flat-tree order, across slots and nested shadow roots,
 * skipping hidden and inert subtrees.
 */
function flatElements(root: Element, out: HTMLElement[] = [], self = false): HTMLElement[] {
  if (self && root instanceof HTMLElement) {
    if (root.hidden || root.inert) return out;
    // `flatten` also yields the slot's fallback content when nothing is assigned.
    if (root instanceof HTMLSlotElement) {
      for (const assigned of root.assignedElements({ flatten: true })) flatElements(assigned, out, true);
      return out;
    }
    out.push(root);
  }
  for (const child of (root.shadowRoot ?? root).children) flatElements(child, out, true);
  return out;
}

/** Every element Tab can reach inside `root`, in flat-tree order, across slots and nested shadow roots. */
export const tabbableElements = (root: Element): HTMLElement[] => flatElements(root).filter(isTabbable);

/** The first element inside `root` (flat tree) that asks for focus with `autofocus`. */
export const findAutofocus = (root: Element): HTMLElement | undefined =>
  flatElements(root).find((element) => element.hasAttribute('autofocus'));

/** Fires a bubbling, composed CustomEvent from a widget (every widget event crosses shadow roots). */
export function fire(host: EventTarget, name: string, detail: unknown): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

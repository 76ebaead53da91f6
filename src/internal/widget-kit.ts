import type { IopEventDetailMap } from '../events.js';

/**
 * Fires a bubbling, composed CustomEvent from a widget (every widget event crosses shadow roots). The name and
 * the detail are checked against the kit's event map (src/events.ts), the one source of the event types.
 */
export function fire<K extends keyof IopEventDetailMap>(
  host: EventTarget,
  name: K,
  detail: IopEventDetailMap[K],
): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

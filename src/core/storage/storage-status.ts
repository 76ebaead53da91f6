/**
 * Whether this page could keep the kit's encrypted offline copy. Kept apart from kit-db.ts (no IndexedDB code)
 * so the widgets' status line can read it without loading the storage layer.
 */

/** Dispatched on window the first time storage fails on this page (the widgets then show the device message). */
export const STORAGE_UNAVAILABLE_EVENT = 'iop-storage-unavailable';

let unavailable = false;

/** True once IndexedDB or WebCrypto failed on this page: data then lives in memory only. */
export function isStorageUnavailable(): boolean {
  return unavailable;
}

/** Called by the storage layer when it falls back to memory. */
export function markStorageUnavailable(): void {
  if (unavailable) return;
  unavailable = true;
  globalThis.dispatchEvent?.(new Event(STORAGE_UNAVAILABLE_EVENT));
}

/** Tests only. */
export function resetStorageStatusForTesting(): void {
  unavailable = false;
}

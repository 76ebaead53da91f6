import { waitUntil } from '@open-wc/testing';
import { getClient } from '../../src/core/client.js';

/**
 * Waits until the configured client's cache holds `key` (a widget writes it after its first load; a test that
 * goes offline next needs it on disk, and a fixed sleep is too short on a busy machine).
 */
export async function whenCached(key: string): Promise<void> {
  await waitUntil(async () => (await getClient().cache.get(key)) !== undefined, `"${key}" cached`, {
    timeout: 5000,
  });
}

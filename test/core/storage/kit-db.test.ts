import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { KitStorage, deleteKitDatabase, inStore, openKitDatabase } from '../../../src/core/storage/kit-db.js';

async function exists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((db) => db.name === name);
}

describe('deleteKitDatabase', () => {
  it('deletes at once when only the kit holds the database (its connections close when asked)', async () => {
    const name = `test-kit-db-${crypto.randomUUID()}`;
    let closed = false;
    await openKitDatabase(name, () => (closed = true));
    await deleteKitDatabase(name);
    expect(closed, 'the kit connection was told').to.equal(true);
    expect(await exists(name)).to.equal(false);
  });

  it('does not hang when another page keeps a connection open; the deletion completes once it lets go', async () => {
    const name = `test-kit-db-${crypto.randomUUID()}`;
    // A connection that ignores versionchange, as a page being torn down or a frozen tab does.
    const stubborn = await openDB(name, 1);
    const started = performance.now();
    await deleteKitDatabase(name, 200);
    const waited = performance.now() - started;
    expect(waited).to.be.at.least(150);
    expect(waited, 'it stopped waiting').to.be.below(4000);
    expect(await exists(name), 'still there while held').to.equal(true);
    stubborn.close();
    const until = performance.now() + 4000;
    while ((await exists(name)) && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(await exists(name), 'deleted once released').to.equal(false);
  });
});

describe('KitStorage', () => {
  it('closes its connection when the page is hidden (back/forward cache), and reopens on the next use', async () => {
    const name = `test-kit-db-${crypto.randomUUID()}`;
    const storage = new KitStorage(name, false);
    const write = (value: string) =>
      storage.run(
        ({ db }) => inStore(db, 'cache', 'readwrite', (store) => void store.put(value, 'k')),
        () => undefined,
      );
    await write('before');
    const close = IDBDatabase.prototype.close;
    let closed = 0;
    IDBDatabase.prototype.close = function (this: IDBDatabase) {
      if (this.name === name) closed++;
      return close.call(this);
    };
    try {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      await new Promise((r) => setTimeout(r));
      expect(closed, 'the connection was closed').to.equal(1);
    } finally {
      IDBDatabase.prototype.close = close;
    }
    await write('after');
    const read = await storage.run(
      ({ db }) => inStore<string>(db, 'cache', 'readonly', (store) => store.get('k')),
      () => 'memory',
    );
    expect(read).to.equal('after');
    expect(storage.storage).to.equal('indexeddb');
    await storage.close();
    await deleteKitDatabase(name);
  });
});

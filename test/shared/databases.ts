/** Throw-away IndexedDB databases for one test file: a unique name per test, all deleted after it. */
const created: string[] = [];

/** A fresh database name (deleted by `deleteTestDatabases`). */
export function uniqueDb(prefix: string): string {
  const name = `test-${prefix}-${crypto.randomUUID()}`;
  created.push(name);
  return name;
}

/** Deletes every database made by `uniqueDb` so far (errors and blocked deletions do not fail the test). */
export async function deleteTestDatabases(): Promise<void> {
  await Promise.all(
    created.splice(0).map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = () => resolve();
        }),
    ),
  );
}

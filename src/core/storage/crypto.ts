/**
 * Encryption at rest for the cache and the outbox: AES-GCM 256 with a fresh 12-byte IV per record, and
 * HMAC-SHA-256 to turn record keys into opaque ids. Both keys are generated non-extractable and kept in
 * IndexedDB (a CryptoKey survives structured cloning), so script can use them but never read their bytes.
 * This protects data at rest (a copied profile, a shared device after sign-out), not against script
 * running on the page.
 */
import { inStore, type KitDatabase } from './kit-db.js';

/** What an encrypted record looks like in IndexedDB. */
export interface EncryptedRecord {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export interface KitKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
}

const KEYS_ID = 'v1';
const IV_BYTES = 12;

/** Generates fresh non-extractable keys. Throws when WebCrypto is missing (insecure context). */
export async function generateKitKeys(): Promise<KitKeys> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto is not available (insecure context?)');
  const [aes, hmac] = await Promise.all([
    subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { aes, hmac };
}

/**
 * Returns the database's keys, creating them on first use. The read and the write share one readwrite
 * transaction, so two tabs (or a cache and an outbox) racing on a new database agree on one key pair.
 */
export async function loadOrCreateKeys(db: KitDatabase): Promise<KitKeys> {
  let keys = await generateKitKeys();
  await inStore(db, 'keys', 'readwrite', (store) => {
    const read = store.get(KEYS_ID);
    read.onsuccess = () => {
      const existing = read.result as KitKeys | undefined;
      if (existing?.aes && existing.hmac) keys = existing;
      else store.put(keys, KEYS_ID);
    };
  });
  return keys;
}

/** Encrypts `value` as JSON with a fresh random IV. */
export async function encryptJson(key: CryptoKey, value: unknown): Promise<EncryptedRecord> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain) };
}

/**
 * Decrypts a record made by `encryptJson`. Rejects when the key is wrong, the record was altered or it is not
 * an encrypted record at all (WebCrypto refuses a missing IV or data): callers treat all three as unreadable.
 */
export async function decryptJson<T = unknown>(key: CryptoKey, record: unknown): Promise<T> {
  const { iv, data } = record as EncryptedRecord;
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> },
    key,
    data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** True when `value` has the shape of an EncryptedRecord. */
export function isEncryptedRecord(value: unknown): value is EncryptedRecord {
  const v = value as Partial<EncryptedRecord> | null;
  return !!v && v.iv instanceof Uint8Array && v.data instanceof ArrayBuffer;
}

/** Encrypts, decrypts and hides record keys with one database's keys. */
export interface RecordCipher {
  encrypt(value: unknown): Promise<EncryptedRecord>;
  decrypt<T = unknown>(record: unknown): Promise<T>;
  /** An opaque, stable id for a record key (hex HMAC-SHA-256), so keys reveal nothing either. */
  hideKey(key: string): Promise<string>;
}

export function createRecordCipher(keys: KitKeys): RecordCipher {
  const hidden = new Map<string, string>();
  return {
    encrypt: (value) => encryptJson(keys.aes, value),
    decrypt: (record) => decryptJson(keys.aes, record),
    async hideKey(key) {
      const known = hidden.get(key);
      if (known) return known;
      const mac = await crypto.subtle.sign('HMAC', keys.hmac, new TextEncoder().encode(key));
      const hex = Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
      hidden.set(key, hex);
      return hex;
    },
  };
}

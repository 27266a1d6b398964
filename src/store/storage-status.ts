/**
 * Browser storage status: persistence (navigator.storage.persist/persisted), usage estimate, and a
 * probe that tells whether IndexedDB works at all (private mode, disabled storage; docs/input-rules.md
 * H8–H9). Every API is feature-detected: insecure contexts lack navigator.storage.
 */

/** The part of StorageManager the store uses; injectable for tests. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** navigator.storage when it exists (secure contexts), else null. */
export function defaultStorageManager(): StorageManagerLike | null {
  const nav = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator;
  return nav?.storage ?? null;
}

export interface StorageFacts {
  readonly persisted: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

/** Reads persisted() and estimate(); each is null when unavailable or when the call fails. */
export async function readStorageFacts(storage: StorageManagerLike | null): Promise<StorageFacts> {
  let persisted: boolean | null = null;
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  try {
    if (storage?.persisted) persisted = await storage.persisted();
  } catch {
    persisted = null;
  }
  try {
    if (storage?.estimate) {
      const e = await storage.estimate();
      usageBytes = typeof e.usage === 'number' ? e.usage : null;
      quotaBytes = typeof e.quota === 'number' ? e.quota : null;
    }
  } catch {
    // estimate() can reject in some private modes; report unknown.
  }
  return { persisted, usageBytes, quotaBytes };
}

/** Asks for persistent storage; null when the API is missing or throws. */
export async function requestPersistence(storage: StorageManagerLike | null): Promise<boolean | null> {
  try {
    return storage?.persist ? await storage.persist() : null;
  } catch {
    return null;
  }
}

/**
 * Opens, writes and deletes a throwaway database to learn whether IndexedDB is usable (Firefox <115
 * private mode fails on open; some policies disable it). Resolves false instead of throwing.
 */
export async function probeIndexedDb(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<boolean> {
  if (!factory) return false;
  const name = 'tsd-probe';
  const opened = await new Promise<IDBDatabase | null>((resolve) => {
    try {
      const req = factory.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('p');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  if (!opened) return false;
  const wrote = await new Promise<boolean>((resolve) => {
    try {
      const tx = opened.transaction('p', 'readwrite');
      tx.objectStore('p').put(1, 'k');
      tx.oncomplete = () => resolve(true);
      tx.onerror = () => resolve(false);
      tx.onabort = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
  opened.close();
  try {
    factory.deleteDatabase(name);
  } catch {
    // Cleanup failure does not change the answer.
  }
  return wrote;
}

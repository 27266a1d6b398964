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

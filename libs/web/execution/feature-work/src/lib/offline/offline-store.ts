import { InjectionToken } from '@angular/core';
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

/**
 * Where the phone keeps updates written without a connection: a small key-value store. In the browser
 * it is IndexedDB (idb-keyval), which keeps Blobs as they are — the photos and files travel with the
 * update; in tests an in-memory map.
 */
export interface OfflineStore<T> {
  all(): Promise<T[]>;
  put(key: string, value: T): Promise<void>;
  remove(key: string): Promise<void>;
}

/** IndexedDB database `dh-offline`, object store `updates`. */
export class IdbOfflineStore<T> implements OfflineStore<T> {
  private store: UseStore | null = null;

  constructor(
    private readonly dbName = 'dh-offline',
    private readonly storeName = 'updates',
  ) {}

  private db(): UseStore {
    return (this.store ??= createStore(this.dbName, this.storeName));
  }

  async all(): Promise<T[]> {
    return (await entries<string, T>(this.db())).map(([, v]) => v);
  }

  put(key: string, value: T): Promise<void> {
    return set(key, value, this.db());
  }

  remove(key: string): Promise<void> {
    return del(key, this.db());
  }
}

/** A store in memory (tests; browsers without IndexedDB, where updates then live as long as the page). */
export class MemoryOfflineStore<T> implements OfflineStore<T> {
  readonly map = new Map<string, T>();

  async all(): Promise<T[]> {
    return [...this.map.values()].map((v) => structuredCloneish(v));
  }

  async put(key: string, value: T): Promise<void> {
    this.map.set(key, structuredCloneish(value));
  }

  async remove(key: string): Promise<void> {
    this.map.delete(key);
  }
}

/** A copy, as IndexedDB makes one (Blobs are kept by reference; they are immutable). */
function structuredCloneish<T>(v: T): T {
  if (Array.isArray(v)) return v.map(structuredCloneish) as T;
  if (v && typeof v === 'object' && !(v instanceof Blob) && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structuredCloneish(x)])) as T;
  }
  return v;
}

export const OFFLINE_STORE = new InjectionToken<OfflineStore<unknown>>('OFFLINE_STORE', {
  providedIn: 'root',
  factory: () => (typeof indexedDB === 'undefined' ? new MemoryOfflineStore<unknown>() : new IdbOfflineStore<unknown>()),
});

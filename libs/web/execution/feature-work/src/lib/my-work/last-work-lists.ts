import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import type { AssignmentWorkDto, WorkItemDto, WorkListDto } from '@dieu-hanh/shared/contracts';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { createStore, get, set, type UseStore } from 'idb-keyval';

export type Counts = WorkListDto['counts'] & { total: number };
/** The key under which the last list fetched, whatever its query, is also kept. */
const LATEST = '*latest';
export interface KeptList {
  items: WorkItemDto[];
  total: number;
  counts: Counts;
  /** When the list came from the API (ms since epoch): what the page shows as "as of" when offline. */
  savedAt: number;
}
export interface KeptWork {
  work: AssignmentWorkDto;
  savedAt: number;
}

/** Where the last lists and assignments seen are kept across starts: IndexedDB in the browser. */
export interface WorkSnapshotStore {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
}

/** IndexedDB database `dh-work-snapshots` (idb-keyval), apart from the queue of updates. */
class IdbSnapshotStore implements WorkSnapshotStore {
  private store: UseStore | null = null;
  private db(): UseStore {
    return (this.store ??= createStore('dh-work-snapshots', 'snapshots'));
  }
  get<T>(key: string): Promise<T | undefined> {
    return get<T>(key, this.db());
  }
  put(key: string, value: unknown): Promise<void> {
    return set(key, value, this.db());
  }
}

/** In memory (tests; browsers without IndexedDB, where snapshots live as long as the page). */
export class MemorySnapshotStore implements WorkSnapshotStore {
  readonly map = new Map<string, unknown>();
  async get<T>(key: string): Promise<T | undefined> {
    return this.map.get(key) as T | undefined;
  }
  async put(key: string, value: unknown): Promise<void> {
    this.map.set(key, value);
  }
}

export const WORK_SNAPSHOT_STORE = new InjectionToken<WorkSnapshotStore>('WORK_SNAPSHOT_STORE', {
  providedIn: 'root',
  factory: () => (typeof indexedDB === 'undefined' ? new MemorySnapshotStore() : new IdbSnapshotStore()),
});

/**
 * The last lists and assignments seen, per query and per assignment, kept on the phone (IndexedDB) as
 * well as in memory: without a connection — even a portal started offline — the list and the
 * assignments opened before still show, marked with the time they were last fetched, so an officer can
 * open an assignment and write an update offline. Kept per account: another account on the same phone
 * sees none of it.
 */
@Injectable({ providedIn: 'root' })
export class LastWorkLists {
  private readonly store = inject(WORK_SNAPSHOT_STORE);
  private readonly auth = inject(AuthService, { optional: true });
  private readonly lists = new Map<string, KeptList>();
  private readonly works = new Map<string, KeptWork>();
  /** The list's filters as the address carries them: the way back from an assignment keeps them. */
  readonly queryParams = signal<Record<string, string>>({});

  private key(kind: 'list' | 'work', key: string): string {
    const u = this.auth?.user();
    return `${u ? `${u.realm}:${u.username}` : '-'}|${kind}|${key}`;
  }

  /**
   * The kept list for a query — from memory, else from the phone's store — or, when that query was
   * never fetched online, the last list fetched (an officer offline still sees their work).
   */
  async get(key: string): Promise<KeptList | null> {
    const k = this.key('list', key);
    return this.lists.get(k) ?? (await this.read(k)) ?? (await this.read(this.key('list', LATEST)));
  }

  set(key: string, v: Omit<KeptList, 'savedAt'>): void {
    const kept = { ...v, savedAt: Date.now() };
    for (const k of [this.key('list', key), this.key('list', LATEST)]) {
      this.lists.set(k, kept);
      void this.store.put(k, kept).catch(() => undefined);
    }
  }

  private async read(k: string): Promise<KeptList | null> {
    const mem = this.lists.get(k);
    if (mem) return mem;
    const kept = await this.store.get<KeptList>(k).catch(() => undefined);
    return kept && Array.isArray(kept.items) ? kept : null;
  }

  async getWork(assignmentId: string): Promise<KeptWork | null> {
    const k = this.key('work', assignmentId);
    const mem = this.works.get(k);
    if (mem) return mem;
    const kept = await this.store.get<KeptWork>(k).catch(() => undefined);
    return kept?.work ? kept : null;
  }

  setWork(work: AssignmentWorkDto): void {
    const k = this.key('work', work.assignmentId);
    const kept = { work, savedAt: Date.now() };
    this.works.set(k, kept);
    void this.store.put(k, kept).catch(() => undefined);
  }
}

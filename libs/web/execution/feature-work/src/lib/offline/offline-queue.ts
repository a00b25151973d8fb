import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { AssignmentWorkDto, BilingualMessage, ProgressUpdateRequest } from '@dieu-hanh/shared/contracts';
import { Subject, firstValueFrom } from 'rxjs';
import { ExecutionApi, type ExecutionProblem, executionProblem } from '../data-access';
import { OFFLINE_STORE, type OfflineStore } from './offline-store';

/** An evidence file travelling with an update: uploaded first, with its own stable Idempotency-Key. */
export interface QueuedFile {
  key: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  /** Set once the upload succeeded; a replay never uploads it again. */
  evidenceId: string | null;
}

/** waiting: to be sent (now, or when the connection returns); sending; attention: refused, the officer decides. */
export type QueuedState = 'waiting' | 'sending' | 'attention';

/** A progress update kept on the phone until the API has it. */
export interface QueuedUpdate {
  /** The progress update's Idempotency-Key, generated once: every replay sends the same one. */
  key: string;
  assignmentId: string;
  /** What the list and the page show of it (the task's text). */
  label: string;
  createdAt: string;
  request: ProgressUpdateRequest;
  files: QueuedFile[];
  state: QueuedState;
  attempts: number;
  /** Why it needs attention (409 version conflict, a refusal), or the last transient failure. */
  problem: { status: number; code: string | null; message: BilingualMessage; currentVersion: number | null } | null;
}

/** What became of an update handed to the queue. */
export type SubmitOutcome = { kind: 'sent'; result: AssignmentWorkDto } | { kind: 'queued'; update: QueuedUpdate };

/** Thrown by `submit` when the API refused the update while online (the page shows it; nothing is queued). */
export class UpdateRefused extends Error {
  constructor(
    readonly problem: ExecutionProblem,
    readonly update: QueuedUpdate,
  ) {
    super(problem.message.en);
  }
}

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 60_000;

/**
 * The offline queue of progress updates. An update written without a connection (navigator.onLine false,
 * or a request that never reached the API) is kept in IndexedDB with its Idempotency-Key and its evidence
 * blobs, shown as "Đang chờ gửi", and sent by itself when the connection returns (the `online` event, and
 * retries with backoff): the uploads first, each with its own key, then the update with their ids. Keys
 * never change once a request was tried, so sending twice never records twice. A refusal on replay (409
 * version conflict, 4xx) marks the update as needing attention instead of dropping it.
 */
@Injectable({ providedIn: 'root' })
export class OfflineQueue {
  private readonly api = inject(ExecutionApi);
  private readonly store = inject(OFFLINE_STORE) as OfflineStore<QueuedUpdate>;
  private readonly list = signal<QueuedUpdate[]>([]);
  /** Every update not yet accepted by the API, oldest first. */
  readonly items = this.list.asReadonly();
  /** Assignment ids with an update on the phone. */
  readonly assignmentIds = computed(() => new Set(this.list().map((u) => u.assignmentId)));
  readonly online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  /** An update the API accepted from the queue: pages reload what they show. */
  readonly sent = new Subject<{ update: QueuedUpdate; result: AssignmentWorkDto }>();
  /** Resolves once the stored updates are loaded. */
  readonly ready: Promise<void>;

  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor() {
    this.ready = this.store
      .all()
      .then((all) => {
        // A "sending" left over from a closed page is waiting again (its keys make the resend safe).
        const loaded = all.map((u) => (u.state === 'sending' ? { ...u, state: 'waiting' as const } : u));
        this.list.set(sortByAge([...loaded, ...this.list().filter((u) => !loaded.some((l) => l.key === u.key))]));
      })
      .catch(() => undefined);
    if (typeof window !== 'undefined') {
      const online = () => {
        this.online.set(true);
        void this.flush();
      };
      const offline = () => this.online.set(false);
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      inject(DestroyRef).onDestroy(() => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
        this.clearTimer();
        this.destroyed = true;
      });
    }
    void this.ready.then(() => (this.isOnline() ? this.flush() : undefined));
  }

  forAssignment(assignmentId: string): QueuedUpdate[] {
    return this.list().filter((u) => u.assignmentId === assignmentId);
  }

  /** A new update with its keys (the update's and one per file), generated once. */
  create(assignmentId: string, label: string, request: ProgressUpdateRequest, files: readonly File[]): QueuedUpdate {
    return {
      key: newKey(),
      assignmentId,
      label,
      createdAt: new Date().toISOString(),
      request: { ...request },
      files: files.map((f) => ({ key: newKey(), name: f.name, type: f.type, size: f.size, blob: f, evidenceId: null })),
      state: 'waiting',
      attempts: 0,
      problem: null,
    };
  }

  /**
   * Sends the update now when there is a connection; keeps it when there is none or the request does not
   * reach the API. Throws `UpdateRefused` when the API answers with a refusal (field errors, 409): the
   * page shows it, the update is not kept (`retryKey` gives the next attempt a fresh key).
   */
  async submit(update: QueuedUpdate): Promise<SubmitOutcome> {
    await this.ready;
    // An earlier update of the same assignment still waits: this one goes after it, never before.
    if (!this.isOnline() || this.list().some((u) => u.assignmentId === update.assignmentId && u.state !== 'attention')) {
      await this.keep(update);
      if (this.isOnline()) void this.flush();
      return { kind: 'queued', update };
    }
    try {
      const result = await this.send(update, false);
      return { kind: 'sent', result };
    } catch (err) {
      if (retryable(err)) {
        await this.keep({ ...update, attempts: update.attempts + 1, problem: brief(executionProblem(err)) });
        this.schedule(1);
        return { kind: 'queued', update };
      }
      throw new UpdateRefused(executionProblem(err), update);
    }
  }

  /** Sends every waiting update, oldest first; stops at the first that cannot reach the API. */
  flush(): Promise<void> {
    this.flushing ??= this.run().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** Sends an update that needed attention again: from the current version, with a fresh key (the refused request recorded nothing). */
  async retry(key: string, currentVersion?: number | null): Promise<void> {
    const u = this.list().find((x) => x.key === key);
    if (!u) return;
    const version = currentVersion ?? u.problem?.currentVersion ?? u.request.version;
    await this.keep({ ...u, key: newKey(), request: { ...u.request, version }, state: 'waiting', attempts: 0, problem: null }, u.key);
    void this.flush();
  }

  /** Gives an update up (the officer decided not to send it). */
  async discard(key: string): Promise<void> {
    this.list.update((l) => l.filter((u) => u.key !== key));
    await this.store.remove(key);
  }

  private async run(): Promise<void> {
    await this.ready;
    this.clearTimer();
    for (const first of this.list()) {
      // Re-read: an earlier send may have rebased it.
      const u = this.list().find((x) => x.key === first.key);
      if (!u || u.state !== 'waiting') continue;
      if (!this.isOnline()) return;
      await this.keep({ ...u, state: 'sending' });
      try {
        const result = await this.send(u, true);
        await this.drop(u.key);
        await this.rebaseAfter(u, result.version);
        this.sent.next({ update: u, result });
      } catch (err) {
        const p = executionProblem(err);
        const latest = this.list().find((x) => x.key === u.key) ?? u;
        if (retryable(err)) {
          const attempts = latest.attempts + 1;
          await this.keep({ ...latest, state: 'waiting', attempts, problem: brief(p) });
          this.schedule(attempts);
          return;
        }
        await this.keep({ ...latest, state: 'attention', attempts: latest.attempts + 1, problem: brief(p) });
      }
    }
  }

  /** Uploads what is not uploaded yet (each file with its key), then the update with every evidence id. */
  private async send(u: QueuedUpdate, stored: boolean): Promise<AssignmentWorkDto> {
    const files = u.files.map((f) => ({ ...f }));
    for (const f of files) {
      if (f.evidenceId) continue;
      const ev = await firstValueFrom(this.api.uploadEvidence(u.assignmentId, f.blob, f.name, f.key));
      f.evidenceId = ev.id;
      u.files = files;
      if (stored) await this.keep({ ...u, files, state: 'sending' });
    }
    const evidenceIds = [...(u.request.evidenceIds ?? []), ...files.map((f) => f.evidenceId as string)];
    const req: ProgressUpdateRequest = { ...u.request, ...(evidenceIds.length ? { evidenceIds } : {}) };
    return firstValueFrom(this.api.updateProgress(u.assignmentId, req, u.key));
  }

  /**
   * Later updates of the same assignment were written on the version this one started from; they now
   * start from its result — but only those never tried, since a tried key must keep its exact request.
   */
  private async rebaseAfter(sent: QueuedUpdate, newVersion: number): Promise<void> {
    for (const u of this.list()) {
      if (u.assignmentId === sent.assignmentId && u.attempts === 0 && u.state === 'waiting' && u.request.version === sent.request.version) {
        await this.keep({ ...u, request: { ...u.request, version: newVersion } });
      }
    }
  }

  private async keep(u: QueuedUpdate, replaces?: string): Promise<void> {
    const old = replaces ?? u.key;
    this.list.update((l) => {
      const i = l.findIndex((x) => x.key === old);
      return i < 0 ? sortByAge([...l, u]) : l.map((x, j) => (j === i ? u : x));
    });
    if (replaces && replaces !== u.key) await this.store.remove(replaces).catch(() => undefined);
    await this.store.put(u.key, u).catch(() => undefined);
  }

  private async drop(key: string): Promise<void> {
    this.list.update((l) => l.filter((u) => u.key !== key));
    await this.store.remove(key).catch(() => undefined);
  }

  private schedule(attempts: number): void {
    this.clearTimer();
    if (this.destroyed) return;
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private isOnline(): boolean {
    const on = typeof navigator === 'undefined' ? true : navigator.onLine;
    this.online.set(on);
    return on;
  }
}

/** Network failures, timeouts, an overloaded or restarting API, an expired session, a key still in progress: try again later. */
export function retryable(err: unknown): boolean {
  const p = executionProblem(err);
  if (p.status === 0) return true;
  if (p.code === 'REQUEST.IDEMPOTENCY_IN_PROGRESS') return true;
  return p.status === 401 || p.status === 408 || p.status === 429 || p.status >= 500;
}

function brief(p: ExecutionProblem): QueuedUpdate['problem'] {
  return { status: p.status, code: p.code, message: p.message, currentVersion: p.current?.version ?? null };
}

function sortByAge(l: QueuedUpdate[]): QueuedUpdate[] {
  return [...l].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers: a v4 UUID from getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

import { Injectable, signal } from '@angular/core';
import type { WorkItemDto, WorkListDto } from '@dieu-hanh/shared/contracts';

export type Counts = WorkListDto['counts'] & { total: number };

/**
 * The last lists seen in this session, per query: without a connection the list still shows what it
 * showed (with the offline notice), so an officer can open an assignment and write an update offline.
 */
@Injectable({ providedIn: 'root' })
export class LastWorkLists {
  private readonly lists = new Map<string, { items: WorkItemDto[]; total: number; counts: Counts }>();
  /** The list's filters as the address carries them: the way back from an assignment keeps them. */
  readonly queryParams = signal<Record<string, string>>({});
  get(key: string) {
    return this.lists.get(key) ?? null;
  }
  set(key: string, v: { items: WorkItemDto[]; total: number; counts: Counts }): void {
    this.lists.set(key, v);
  }
}

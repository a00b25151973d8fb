import type { SubmissionTrackerRowDto } from '@dieu-hanh/shared/contracts';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';

/** The tracker's filter chips: tất cả / chưa nộp / nộp muộn / đã nộp. */
export type TrackerFilter = 'all' | 'missing' | 'late' | 'submitted';
export const TRACKER_FILTERS: readonly TrackerFilter[] = ['all', 'missing', 'late', 'submitted'];

/** Submitted to the focal unit (or accepted by it): what completeness counts. */
export function isSubmitted(row: Pick<SubmissionTrackerRowDto, 'status'>): boolean {
  return row.status === 'submitted' || row.status === 'accepted';
}

export function matchesFilter(row: SubmissionTrackerRowDto, filter: TrackerFilter): boolean {
  switch (filter) {
    case 'missing':
      return !isSubmitted(row);
    case 'late':
      return row.late;
    case 'submitted':
      return isSubmitted(row);
    default:
      return true;
  }
}

/** The rows a chip and a search keep; the search ignores diacritics and case ("ha noi" finds "Hà Nội"). */
export function filterRows(rows: SubmissionTrackerRowDto[], filter: TrackerFilter, q: string): SubmissionTrackerRowDto[] {
  const words = foldVietnamese(q).split(' ').filter(Boolean);
  return rows.filter((r) => matchesFilter(r, filter) && (!words.length || words.every((w) => foldVietnamese(`${r.unitName} ${r.unitCode}`).includes(w))));
}

/** How many rows each chip keeps (before the search). */
export function filterCounts(rows: SubmissionTrackerRowDto[]): Record<TrackerFilter, number> {
  return Object.fromEntries(TRACKER_FILTERS.map((f) => [f, rows.filter((r) => matchesFilter(r, f)).length])) as Record<TrackerFilter, number>;
}

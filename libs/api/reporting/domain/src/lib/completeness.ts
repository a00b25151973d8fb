import type { CompletenessDto } from '@dieu-hanh/shared/contracts';
import { vietnamDate } from '@dieu-hanh/shared/util-timeframe';

/** One expected unit's report as far as counting goes: when it was first submitted, whether it was accepted. */
export interface SubmissionFacts {
  /** The first submission's instant (ISO 8601), null while never submitted. */
  submittedAt: string | null;
  accepted: boolean;
}

/**
 * On time (đúng hạn) when the first submission's calendar day in Vietnam is on or before the due date: a report
 * sent at 23:30 on the due day is on time even though it is the next day in UTC, and one sent at 06:00 UTC+7 the
 * day after is late although UTC still shows the due day. Null before any submission or for an unreadable instant.
 */
export function isOnTime(submittedAt: string | null, dueDate: string): boolean | null {
  if (submittedAt === null) return null;
  const instant = new Date(submittedAt);
  if (Number.isNaN(instant.getTime())) return null;
  return vietnamDate(instant) <= dueDate;
}

/**
 * Completeness and timeliness of a period's unit reports (as DHIS2 counts them): submitted / expected and
 * on time / expected, each capped at 1 (a unit that reported and is no longer expected adds nothing beyond
 * everyone); nothing expected counts as complete. Pass one entry per unit that has a report; units without
 * one are simply missing from `submissions`. An accepted report counts as submitted.
 */
export function completeness(expected: number, submissions: readonly SubmissionFacts[], dueDate: string): CompletenessDto {
  const sent = submissions.filter((s) => s.submittedAt !== null || s.accepted);
  const submitted = sent.length;
  const onTime = sent.filter((s) => isOnTime(s.submittedAt, dueDate) === true).length;
  const accepted = submissions.filter((s) => s.accepted).length;
  const share = (n: number) => (expected <= 0 ? 1 : Math.min(1, n / expected));
  return { expected, submitted, onTime, accepted, completeness: share(submitted), timeliness: share(onTime) };
}

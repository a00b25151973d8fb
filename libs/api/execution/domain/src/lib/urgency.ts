import { ExecutionEventType, type WorkFacts as WorkEventFacts, executionEvent } from '@dieu-hanh/api/execution/contracts';
import type { DomainEvent } from '@dieu-hanh/api/shared/kernel';
import type { Urgency, Verification, WorkStatus } from '@dieu-hanh/shared/contracts';
import { optionalText } from './text';

/** Days before the due date that count as "due soon". */
export const DUE_SOON_DAYS = 7;

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Whole days from `from` to `to` (both yyyy-MM-dd). */
export const daysBetween = (from: string, to: string) => Math.round(day(to) - day(from));

/** Closed work needs no chasing: done, or verified. */
export const isClosedWork = (w: { status: WorkStatus; verification: Verification }) => w.status === 'done' || w.verification === 'verified';

/**
 * How near its due date the work is, from dates and Vietnam's today — never stored. Overdue: the due date
 * in force is before today and the work is not done or verified.
 */
export function urgencyOf(w: { status: WorkStatus; verification: Verification }, due: string | null, today: string): { urgency: Urgency; days: number | null } {
  if (isClosedWork(w)) return { urgency: 'closed', days: null };
  if (!due) return { urgency: 'no-date', days: null };
  const left = daysBetween(today, due);
  if (left < 0) return { urgency: 'overdue', days: -left };
  if (left <= DUE_SOON_DAYS) return { urgency: 'due-soon', days: left };
  return { urgency: 'on-track', days: left };
}

/** The urging (đôn đốc) of one assignee, as an event on its assignment's stream. */
export function urged(assignmentId: string, facts: WorkEventFacts, input: { byUnitCode: string; message?: string | null; due: string | null }): DomainEvent {
  const message = optionalText(input.message, 'body.message', { vi: 'Nội dung đôn đốc', en: 'The message' });
  return executionEvent(ExecutionEventType.Urged, assignmentId, { ...facts, byUnitCode: input.byUnitCode, message, due: input.due });
}

import type { WorkFacts } from '@dieu-hanh/api/execution/contracts';
import type { ReminderPolicy } from './reminder-policy';

export type ReminderKind = 'before-due' | 'overdue';

/** A reminder this run has claimed (its `reminder_sent` row is new): exactly one event is recorded for it. */
export interface ClaimedReminder extends WorkFacts {
  assignmentId: string;
  kind: ReminderKind;
  offsetDays: number;
  /** The due date in force it is about (yyyy-MM-dd): the extension's date when one was approved. */
  due: string;
}

/**
 * Finds the reminders due on `today` and claims them, inside the caller's transaction (the unit of work):
 * for each open assignment (assignment in force, plan issued, task not removed, work neither done nor
 * verified) with a due date in force, the single most recent reminder whose day has come (and is at most
 * `catchUpDays` old) — before the due date: the day `due - d` for d in `beforeDays`, up to the due date
 * itself; overdue: the day `due + max(d, 1)` for d in `overdueDays`. A claim is a row in `reminder_sent`,
 * unique per (assignment, kind, offset, due): a reminder already claimed — by an earlier run, or by a
 * concurrent run in another process, which the claim waits for — is not returned again.
 */
export abstract class DueReminders {
  abstract claim(today: string, policy: ReminderPolicy, now: Date): Promise<ClaimedReminder[]>;
}

/**
 * When reminders go out. `beforeDays`: days before the due date in force (7,1 = a week before and the
 * day before). `overdueDays`: days after it (0 = on becoming overdue, the day after the due date; 7 = a
 * week after the due date). `catchUpDays`: a reminder missed (the servers were down on its day) is still
 * sent up to this many days late — then it is stale and skipped (the work lists show overdue anyway).
 */
export interface ReminderPolicy {
  beforeDays: readonly number[];
  overdueDays: readonly number[];
  catchUpDays: number;
}

export const REMINDER_POLICY = Symbol('REMINDER_POLICY');

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { beforeDays: [7, 1], overdueDays: [0, 7], catchUpDays: 7 };

/** Parses "7,1" into [7, 1] (whole days 0–366, duplicates dropped); "" or "none" = no reminders of that kind. */
export function parseReminderDays(name: string, value: string | undefined, fallback: readonly number[]): number[] {
  if (value === undefined) return [...fallback];
  const text = value.trim();
  if (text === '' || text.toLowerCase() === 'none') return [];
  const days = text.split(',').map((s) => s.trim());
  if (days.some((d) => !/^\d{1,3}$/.test(d) || Number(d) > 366)) {
    throw new Error(`${name} must list whole days from 0 to 366, separated by commas (e.g. "7,1"), not "${value}"`);
  }
  return [...new Set(days.map(Number))].sort((a, b) => b - a);
}

/** REMINDER_BEFORE_DAYS (default 7,1), REMINDER_OVERDUE_DAYS (default 0,7), REMINDER_CATCH_UP_DAYS (default 7). */
export function reminderPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): ReminderPolicy {
  const [catchUp] = parseReminderDays('REMINDER_CATCH_UP_DAYS', env['REMINDER_CATCH_UP_DAYS'], [DEFAULT_REMINDER_POLICY.catchUpDays]);
  return {
    beforeDays: parseReminderDays('REMINDER_BEFORE_DAYS', env['REMINDER_BEFORE_DAYS'], DEFAULT_REMINDER_POLICY.beforeDays),
    overdueDays: parseReminderDays('REMINDER_OVERDUE_DAYS', env['REMINDER_OVERDUE_DAYS'], DEFAULT_REMINDER_POLICY.overdueDays),
    catchUpDays: catchUp ?? DEFAULT_REMINDER_POLICY.catchUpDays,
  };
}

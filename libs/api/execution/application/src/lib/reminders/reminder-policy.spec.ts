import { DEFAULT_REMINDER_POLICY, parseReminderDays, reminderPolicyFromEnv } from './reminder-policy';

describe('reminder policy (env)', () => {
  it('defaults: a week and a day before; on becoming overdue and a week after; 7 days of catch-up', () => {
    expect(reminderPolicyFromEnv({})).toEqual({ beforeDays: [7, 1], overdueDays: [0, 7], catchUpDays: 7 });
    expect(DEFAULT_REMINDER_POLICY).toEqual(reminderPolicyFromEnv({}));
  });

  it('reads REMINDER_BEFORE_DAYS, REMINDER_OVERDUE_DAYS and REMINDER_CATCH_UP_DAYS', () => {
    expect(reminderPolicyFromEnv({ REMINDER_BEFORE_DAYS: ' 3, 14,3 ', REMINDER_OVERDUE_DAYS: 'none', REMINDER_CATCH_UP_DAYS: '2' })).toEqual({
      beforeDays: [14, 3],
      overdueDays: [],
      catchUpDays: 2,
    });
    expect(parseReminderDays('X', '', [1])).toEqual([]);
  });

  it('refuses what is not a list of whole days, naming the variable', () => {
    for (const bad of ['-1', '1.5', 'a', '7;1', '400', '1,,2']) {
      expect(() => reminderPolicyFromEnv({ REMINDER_BEFORE_DAYS: bad })).toThrow(/REMINDER_BEFORE_DAYS/);
    }
  });
});

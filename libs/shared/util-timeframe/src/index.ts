export type { RecurrenceRule, Timeframe, TimeframeContext, Weekday, WeekOfMonth } from './lib/timeframe';
export { daysInMonth, formatDateVi, formatTimeframeVi, isLeapYear, isOverdue, parseTimeframe } from './lib/timeframe';
export { VIETNAM_TIME_ZONE, vietnamDate } from './lib/vietnam-date';

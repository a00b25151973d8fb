export * from './sql-due-reminders';

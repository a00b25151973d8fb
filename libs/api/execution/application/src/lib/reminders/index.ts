export * from './reminder-policy';
export * from './due-reminders.port';
export * from './send-due-reminders.command';
export * from './send-due-reminders.handler';

export * from './lib/execution.migrations';
export * from './lib/write';
export * from './lib/read';
export * from './lib/evidence';
export * from './lib/reminders';

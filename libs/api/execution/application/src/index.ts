export * from './lib/access';
export * from './lib/commands';
export * from './lib/queries';
export * from './lib/evidence';
export * from './lib/reminders';

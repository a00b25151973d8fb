export * from './lib/1732300004000-create-notifications.migration';
export * from './lib/notification.projection';
export * from './lib/sql-notification.store';
export * from './lib/notification.migrations';

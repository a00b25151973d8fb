export * from './lib/1732300004000-create-notifications.migration';
export * from './lib/notification.projection';
export * from './lib/sql-notification.store';
export * from './lib/sql-notification.mailbox';
export * from './lib/notification-live';
export * from './lib/notification-email.subscriber';
export * from './lib/notification-email.sender';
export * from './lib/notification.migrations';

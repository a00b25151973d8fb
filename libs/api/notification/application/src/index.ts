export * from './lib/notification-rules';
export * from './lib/notification.store';
export * from './lib/notification-mailbox';
export * from './lib/notification.queries';
export { ListNotificationsHandler } from './lib/list-notifications.handler';
export { ListNotificationGroupsHandler } from './lib/list-notification-groups.handler';
export { MarkNotificationReadHandler } from './lib/mark-notification-read.handler';
export { MarkAllNotificationsReadHandler } from './lib/mark-all-notifications-read.handler';

// What the notification context offers other contexts: its event names with typed payloads.
export * from './lib/notification.events';

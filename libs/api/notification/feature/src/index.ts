export * from './lib/notification.module';

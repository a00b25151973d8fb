export * from './offline-store';
export * from './offline-queue';

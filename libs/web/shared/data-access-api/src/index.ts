export * from './lib/api-client';
export * from './lib/current-account';
export * from './lib/work-progress-api';

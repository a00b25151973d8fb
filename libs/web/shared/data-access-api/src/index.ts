export * from './lib/api-client';
export * from './lib/current-account';

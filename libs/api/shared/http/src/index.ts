export * from './lib/problem';
export * from './lib/problem.filter';
export * from './lib/validation';
export * from './lib/request-id';
export * from './lib/logger';
export * from './lib/json-body';
export * from './lib/command-metadata';
export * from './lib/idempotency.interceptor';

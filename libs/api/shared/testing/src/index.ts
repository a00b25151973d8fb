export * from './lib/free-port';
export * from './lib/test-database';
export * from './lib/test-tokens';

// Support for the end-to-end suites (apps/*-e2e): the built system started as real processes, demo
// accounts with real tokens, small HTTP helpers. Node only; meant for the e2e suites only.
export * from './lib/workspace-root';
export * from './lib/processes';
export * from './lib/system';
export * from './lib/demo-accounts';
export { freePort } from '@dieu-hanh/api/shared/testing';
export { startEmbeddedPostgres, type RunningPostgres } from '@dieu-hanh/api/shared/database';

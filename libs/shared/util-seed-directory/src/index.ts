export * from './lib/types';
export { SeedError } from './lib/seed-error';
export { parseCsv, parseCsvRows } from './lib/csv';
export { findSeedsDir } from './lib/find-seeds-dir';
export { loadDirectorySeed, TWO_TIER_START } from './lib/load-directory-seed';
export { realmSlug } from './lib/read-seed-files';
export { loadDemoAccounts, loadRealmsSeed } from './lib/load-identity-seeds';

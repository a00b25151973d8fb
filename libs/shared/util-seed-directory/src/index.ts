export * from './lib/types';
export * from './lib/csv';
export * from './lib/load-directory-seed';

export * from './lib/roles';
export * from './lib/problem';
export * from './lib/error-codes';
export * from './lib/organization';
export * from './lib/me';
export * from './lib/planning';
export * from './lib/execution';
export * from './lib/reporting';

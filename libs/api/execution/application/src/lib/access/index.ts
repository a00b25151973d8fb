export * from './work-access.policy';
export * from './work-access.sql';

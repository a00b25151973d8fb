export * from './lib/sql-plan.repository';
export * from './lib/sql-assignment.repository';
export * from './lib/plan.sql-read-model';
export * from './lib/planning.migrations';

export * from './lib/reporting.migrations';
export * from './lib/documents';
export * from './lib/write/sql-reporting.store';
export * from './lib/read/reporting.sql-read-model';
export * from './lib/read/report-trend.subscriber';

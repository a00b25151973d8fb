export * from './lib/reporting.module';

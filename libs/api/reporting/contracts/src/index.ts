export * from './lib/reporting.events';

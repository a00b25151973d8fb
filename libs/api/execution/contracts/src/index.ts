export * from './lib/execution.events';

export * from './lib/execution.module';

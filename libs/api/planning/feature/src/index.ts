export * from './lib/planning.module';

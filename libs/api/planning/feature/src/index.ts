export * from './lib/planning.module';
export * from './lib/succession-catch-up';

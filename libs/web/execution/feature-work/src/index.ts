export * from './lib/work.routes';

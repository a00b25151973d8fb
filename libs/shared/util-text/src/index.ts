export * from './lib/fold-vietnamese';

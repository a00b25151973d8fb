export * from './execution-api';

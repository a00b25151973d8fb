export * from './reporting-api';

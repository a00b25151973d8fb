export * from './lib/organization.module';

export * from './lib/jobs.options';
export * from './lib/pg-boss-job-scheduler';
export * from './lib/jobs.module';

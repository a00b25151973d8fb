import { Global, Module } from '@nestjs/common';
import { JobScheduler } from '@dieu-hanh/api/shared/kernel';
import { PgBossJobScheduler } from './pg-boss-job-scheduler';

/**
 * Scheduled jobs for every bounded context: provides the kernel's `JobScheduler` (pg-boss on the API's
 * database, schema `pgboss`). Expects TypeORM's DataSource (TypeOrmModule.forRoot). Feature modules
 * register their jobs at module init; the scheduler starts with the app (unless JOBS_RUNNER=off) and
 * stops on shutdown, waiting for a run in progress.
 */
@Global()
@Module({
  providers: [PgBossJobScheduler, { provide: JobScheduler, useExisting: PgBossJobScheduler }],
  exports: [JobScheduler, PgBossJobScheduler],
})
export class JobsModule {}

import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { OrganizationModule } from '@dieu-hanh/api/organization/feature';
import { PlanningModule } from '@dieu-hanh/api/planning/feature';
import { NotificationModule } from '@dieu-hanh/api/notification/feature';
import { ExecutionModule } from '@dieu-hanh/api/execution/feature';
import { ReportingModule } from '@dieu-hanh/api/reporting/feature';
import { SqlAccountDirectory } from '@dieu-hanh/api/organization/infrastructure';
import { AccountDirectory, AuthModule, type JwksFactory } from '@dieu-hanh/api/shared/auth';
import { DatabaseModule, EventLogOrmEntity } from '@dieu-hanh/api/shared/database';
import { JobsModule } from '@dieu-hanh/api/shared/jobs';
import { IdempotencyInterceptor, ProblemFilter, ProblemValidationPipe, loggerParams } from '@dieu-hanh/api/shared/http';
import type { ApiConfig } from './api.config';
import { DATABASE_MODE, HealthController } from './health.controller';

/** Bootstrap only: wires the shared infrastructure and each bounded context's feature module. */
@Module({})
export class AppModule {
  static forRoot(
    config: ApiConfig & { databaseUrl: string },
    mode: 'embedded' | 'external',
    options: { jwksFactory?: JwksFactory } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams()),
        CqrsModule.forRoot(),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          entities: [EventLogOrmEntity],
          synchronize: false, // never: the schema changes only through migrations
          migrationsRun: false, // run explicitly before the app starts (see main.ts)
          extra: { max: Number(process.env['DB_POOL_MAX'] ?? 20) },
        }),
        DatabaseModule,
        JobsModule,
        AuthModule.forRoot({
          config: config.auth,
          jwksFactory: options.jwksFactory,
          accountDirectory: { provide: AccountDirectory, useClass: SqlAccountDirectory },
        }),
        OrganizationModule,
        PlanningModule,
        NotificationModule,
        ExecutionModule,
        ReportingModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: DATABASE_MODE, useValue: mode },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: ProblemValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}

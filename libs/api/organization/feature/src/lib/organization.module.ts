import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  DirectoryImporter,
  DirectorySnapshotReader,
  ORGANIZATION_COMMAND_HANDLERS,
  ORGANIZATION_QUERY_HANDLERS,
  UnitDirectoryReadModel,
  UnitHistory,
  UnitRepository,
} from '@dieu-hanh/api/organization/application';
import {
  DirectorySnapshotSqlReader,
  EventLogUnitHistory,
  SqlDirectoryImporter,
  TypeOrmUnitRepository,
  UnitDirectorySqlReadModel,
} from '@dieu-hanh/api/organization/infrastructure';
import { MeController } from './me.controller';
import { UnitsController } from './units.controller';

/** Bounded context: organization (the unit directory). Binds application ports to SQL adapters. */
@Module({
  imports: [CqrsModule],
  controllers: [UnitsController, MeController],
  providers: [
    ...ORGANIZATION_COMMAND_HANDLERS,
    ...ORGANIZATION_QUERY_HANDLERS,
    { provide: UnitRepository, useClass: TypeOrmUnitRepository },
    { provide: UnitDirectoryReadModel, useClass: UnitDirectorySqlReadModel },
    { provide: DirectoryImporter, useClass: SqlDirectoryImporter },
    { provide: UnitHistory, useClass: EventLogUnitHistory },
    { provide: DirectorySnapshotReader, useClass: DirectorySnapshotSqlReader },
  ],
})
export class OrganizationModule {}

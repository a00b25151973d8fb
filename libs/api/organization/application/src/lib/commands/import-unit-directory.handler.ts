import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { directoryImported, unitRegistered, unitRenamed } from '@dieu-hanh/api/organization/contracts';
import { UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { DirectoryImporter } from '../ports/directory-importer';
import { ImportUnitDirectoryCommand, type ImportUnitDirectoryResult } from './import-unit-directory.command';

@CommandHandler(ImportUnitDirectoryCommand)
export class ImportUnitDirectoryHandler implements ICommandHandler<ImportUnitDirectoryCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly importer: DirectoryImporter,
  ) {}

  async execute({ data, scope, metadata }: ImportUnitDirectoryCommand): Promise<ImportUnitDirectoryResult> {
    return this.uow.run(metadata, async (tx) => {
      const result = await this.importer.import(data);
      const byCode = new Map(data.units.map((u) => [u.code, u]));
      // Each created or changed unit gets its own event, so a unit's history starts at the seed.
      for (const code of result.unitsCreated) {
        const u = byCode.get(code);
        if (u) tx.record(unitRegistered({ ...u, kind: u.kind as never }));
      }
      for (const code of result.unitsUpdated) {
        const u = byCode.get(code);
        if (u) tx.record(unitRenamed(code, { officialName: u.officialName, shortName: u.shortName, aliases: u.aliases }));
      }
      const changed = result.unitsCreated.length + result.unitsUpdated.length;
      if (changed > 0) {
        tx.record(
          directoryImported({
            scope,
            provinces: result.provinces,
            unitsCreated: result.unitsCreated.length,
            unitsUpdated: result.unitsUpdated.length,
            groups: result.groups,
            successions: result.successions,
          }),
        );
      }
      return {
        provinces: result.provinces,
        unitsCreated: result.unitsCreated.length,
        unitsUpdated: result.unitsUpdated.length,
        groups: result.groups,
        successions: result.successions,
      };
    });
  }
}

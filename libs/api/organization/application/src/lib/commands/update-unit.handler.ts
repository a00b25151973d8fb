import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { unitNotFound } from '@dieu-hanh/api/organization/domain';
import { assertCanManageDirectory, canSeeUnit } from '../access/directory-access.policy';
import { UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { UnitRepository } from '../ports/unit.repository';
import { requirePerson } from './require-person';
import { UpdateUnitCommand } from './update-unit.command';

@CommandHandler(UpdateUnitCommand)
export class UpdateUnitHandler implements ICommandHandler<UpdateUnitCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly units: UnitRepository,
  ) {}

  async execute({ code, changes, metadata }: UpdateUnitCommand): Promise<{ code: string }> {
    const actor = requirePerson(metadata);
    return this.uow.run(metadata, async (tx) => {
      // Outside the caller's view the unit does not exist (404, not 403: existence is not revealed).
      const facts = await this.units.facts(code);
      if (!facts || !canSeeUnit(actor, { ...facts, communeCode: facts.communeCode ?? null })) throw unitNotFound(code);
      assertCanManageDirectory(actor, facts.provinceCode);
      const unit = await this.units.findByCode(code, { lock: true });
      if (!unit) throw unitNotFound(code);
      unit.rename({ officialName: changes.officialName?.trim(), shortName: changes.shortName?.trim(), aliases: changes.aliases });
      const events = unit.pullEvents();
      if (events.length) {
        await this.units.update(unit);
        tx.record(...events);
      }
      return { code };
    });
  }
}

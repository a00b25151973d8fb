import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Unit, unitCodeTaken, unitParentInvalid } from '@dieu-hanh/api/organization/domain';
import { assertCanManageDirectory } from '../access/directory-access.policy';
import { UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { UnitRepository } from '../ports/unit.repository';
import { RegisterUnitCommand } from './register-unit.command';
import { requirePerson } from './require-person';

@CommandHandler(RegisterUnitCommand)
export class RegisterUnitHandler implements ICommandHandler<RegisterUnitCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly units: UnitRepository,
  ) {}

  async execute({ data, metadata }: RegisterUnitCommand): Promise<{ code: string }> {
    const actor = requirePerson(metadata);
    // Units are registered in the administrator's own province only.
    assertCanManageDirectory(actor, actor.provinceCode);
    return this.uow.run(metadata, async (tx) => {
      if (await this.units.facts(data.code)) throw unitCodeTaken(data.code);
      const parent = data.parentCode ? await this.units.facts(data.parentCode) : null;
      if (data.parentCode && !parent) {
        throw unitParentInvalid(`Không tìm thấy đơn vị cấp trên ${data.parentCode}.`, `Parent unit ${data.parentCode} was not found.`);
      }
      const unit = Unit.register(
        {
          code: data.code,
          officialName: data.officialName.trim(),
          shortName: data.shortName.trim(),
          kind: data.kind,
          tier: data.tier,
          parentCode: data.parentCode,
          provinceCode: actor.provinceCode,
          validFrom: data.validFrom,
          validTo: null,
          aliases: data.aliases ?? [],
        },
        parent,
      );
      await this.units.insert(unit);
      tx.record(...unit.pullEvents());
      return { code: unit.code };
    });
  }
}

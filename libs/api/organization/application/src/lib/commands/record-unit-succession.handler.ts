import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { successionInvalid, unitNotFound } from '@dieu-hanh/api/organization/domain';
import { assertCanManageDirectory, canSeeUnit } from '../access/directory-access.policy';
import { UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { UnitRepository } from '../ports/unit.repository';
import { RecordUnitSuccessionCommand } from './record-unit-succession.command';
import { requirePerson } from './require-person';

/** Records "merged into / replaced by" (e.g. Sở TT&TT → Sở KH&CN) and closes the predecessor. */
@CommandHandler(RecordUnitSuccessionCommand)
export class RecordUnitSuccessionHandler implements ICommandHandler<RecordUnitSuccessionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly units: UnitRepository,
  ) {}

  async execute({ predecessorCode, data, metadata }: RecordUnitSuccessionCommand) {
    const actor = requirePerson(metadata);
    return this.uow.run(metadata, async (tx) => {
      // Outside the caller's view the unit does not exist (404, not 403: existence is not revealed).
      const facts = await this.units.facts(predecessorCode);
      if (!facts || !canSeeUnit(actor, { ...facts, communeCode: facts.communeCode ?? null })) throw unitNotFound(predecessorCode);
      assertCanManageDirectory(actor, facts.provinceCode);
      const unit = await this.units.findByCode(predecessorCode, { lock: true });
      if (!unit) throw unitNotFound(predecessorCode);
      const successor = await this.units.facts(data.successorCode);
      if (!successor) {
        throw successionInvalid(
          'body.successorCode',
          `Không tìm thấy đơn vị kế thừa ${data.successorCode}.`,
          `Successor unit ${data.successorCode} was not found.`,
        );
      }
      unit.succeededBy(successor, data.kind, data.effectiveDate, data.note?.trim() || null);
      await this.units.update(unit);
      await this.units.saveSuccession({
        predecessorCode,
        successorCode: successor.code,
        kind: data.kind,
        effectiveDate: data.effectiveDate,
        note: data.note?.trim() || null,
      });
      tx.record(...unit.pullEvents());
      return { predecessorCode, successorCode: successor.code };
    });
  }
}

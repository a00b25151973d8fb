import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { ReportingPeriod, reportingInvalid } from '@dieu-hanh/api/reporting/domain';
import { actsForFocalUnit } from '../access/report-access.policy';
import { ReportingStore } from '../ports/reporting.store';
import { UrgeReportsCommand } from './reporting.commands';
import { ReportingViews, personOf, refuse } from './reporting.views';

/** The focal unit urges the units that have not submitted (all of them, or those it names): one action. */
@CommandHandler(UrgeReportsCommand)
export class UrgeReportsHandler implements ICommandHandler<UrgeReportsCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ periodId, body, metadata }: UrgeReportsCommand): Promise<{ urged: number }> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const { period, plan } = await this.views.periodInSight(scope, periodId, { lock: true });
      if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối mới đôn đốc được các đơn vị.', 'Only the focal unit may urge the units.');
      const missing = await this.store.missingUnits(periodId);
      let units = missing;
      if (body.unitCodes) {
        const late = new Set(missing);
        const notLate = body.unitCodes.filter((u) => !late.has(u));
        if (notLate.length)
          throw reportingInvalid('body.unitCodes', `Các đơn vị sau không thuộc diện cần đôn đốc: ${notLate.join(', ')}.`, `These units have nothing to be urged for: ${notLate.join(', ')}.`);
        units = [...new Set(body.unitCodes)];
      }
      if (!units.length) return { urged: 0 };
      const p = ReportingPeriod.restore(period);
      p.urge(units, body.message?.trim() ? body.message.trim() : null);
      await this.store.recordUrges(periodId, units, this.clock.now(), scope.username);
      tx.record(...p.pullEvents());
      return { urged: units.length };
    });
  }
}

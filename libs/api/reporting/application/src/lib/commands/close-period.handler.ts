import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { ReportingPeriod } from '@dieu-hanh/api/reporting/domain';
import type { ReportingPeriodDto } from '@dieu-hanh/shared/contracts';
import { actsForFocalUnit } from '../access/report-access.policy';
import { ReportingReadModel } from '../ports/reporting.read-model';
import { completenessIn } from '../ports/reporting.read-model';
import { ReportingStore } from '../ports/reporting.store';
import { ClosePeriodCommand } from './reporting.commands';
import { ReportingViews, personOf, refuse } from './reporting.views';

/** The focal unit closes a period: from now on a unit's figures change only by reopening its report. */
@CommandHandler(ClosePeriodCommand)
export class ClosePeriodHandler implements ICommandHandler<ClosePeriodCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly read: ReportingReadModel, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ periodId, metadata }: ClosePeriodCommand): Promise<ReportingPeriodDto> {
    const scope = personOf(metadata);
    await this.uow.run(metadata, async (tx) => {
      const { period, plan } = await this.views.periodInSight(scope, periodId, { lock: true });
      if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối mới đóng được kỳ báo cáo.', 'Only the focal unit may close a reporting period.');
      const c = completenessIn(await this.read.completeness([periodId]), periodId);
      const p = ReportingPeriod.restore(period);
      p.close({ submitted: c.submitted, expected: c.expected }, this.clock.now());
      await this.store.updatePeriod(p.snapshot());
      tx.record(...p.pullEvents());
    });
    return this.views.periodDto(scope, periodId);
  }
}

import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { UnitReport } from '@dieu-hanh/api/reporting/domain';
import type { UnitReportDto } from '@dieu-hanh/shared/contracts';
import { mayWriteUnitReport, reportingUnitOf } from '../access/report-access.policy';
import { ReportingStore } from '../ports/reporting.store';
import { StartUnitReportCommand } from './reporting.commands';
import { ReportingViews, personOf, refuse } from './reporting.views';

/**
 * Starts the caller unit's report for a period, pre-filled from its assignments' work and its indicators,
 * or returns the one it already has (idempotent: two taps never make two reports).
 */
@CommandHandler(StartUnitReportCommand)
export class StartUnitReportHandler implements ICommandHandler<StartUnitReportCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ periodId, metadata }: StartUnitReportCommand): Promise<UnitReportDto> {
    const scope = personOf(metadata);
    const unitCode = reportingUnitOf(scope);
    const reportId = await this.uow.run(metadata, async (tx) => {
      const { period, plan, callerExpected } = await this.views.periodInSight(scope, periodId, { lock: true });
      const existing = await this.store.unitReportOf(periodId, unitCode);
      if (existing) return existing.id;
      const unit = await this.store.unit(unitCode);
      if (!mayWriteUnitReport(scope, unitCode, unit?.communeCode ?? null)) refuse('Tài khoản này không viết báo cáo cho đơn vị.', 'This account does not write reports for its unit.');
      if (!callerExpected) {
        // A unit given work after the period opened may still report: it joins the expected units.
        if (!(await this.store.expectedUnits(plan.planId)).includes(unitCode))
          refuse('Đơn vị không có nhiệm vụ hay chỉ tiêu nào phải báo cáo trong kế hoạch này.', 'Your unit has no task or indicator to report on in this plan.');
        await this.store.addExpected(periodId, [unitCode]);
      }
      const r = UnitReport.start({ id: randomUUID(), provinceCode: plan.provinceCode, unitCode, values: [] }, this.views.periodContext(period), scope.username, this.clock.now());
      await this.store.saveUnitReport(r.snapshot(), true);
      tx.record(...r.pullEvents());
      return r.snapshot().id;
    });
    const { report, period, plan, unit } = await this.views.unitReportInSight(scope, reportId);
    return this.views.unitReportDto(scope, report, period, plan, unit);
  }
}

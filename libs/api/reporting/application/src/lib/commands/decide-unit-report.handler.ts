import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { UnitReport } from '@dieu-hanh/api/reporting/domain';
import type { UnitReportDto } from '@dieu-hanh/shared/contracts';
import { actsForFocalUnit, mayApproveForUnit, mayWriteUnitReport } from '../access/report-access.policy';
import { ReportingStore } from '../ports/reporting.store';
import { DecideUnitReportCommand } from './reporting.commands';
import { ReportingViews, personOf, refuse } from './reporting.views';

/**
 * A unit report moves along its one approval chain: submit (the unit), approve (its leader, when the period
 * asks), accept or return (the focal unit; a report waiting for its leader is returned by that leader),
 * reopen (the focal unit, with a reason: the accepted revision is archived as it was).
 */
@CommandHandler(DecideUnitReportCommand)
export class DecideUnitReportHandler implements ICommandHandler<DecideUnitReportCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ reportId, decision, body, metadata }: DecideUnitReportCommand): Promise<UnitReportDto> {
    const scope = personOf(metadata);
    await this.uow.run(metadata, async (tx) => {
      const { report, period, plan, unit } = await this.views.unitReportInSight(scope, reportId, { lock: true });
      const r = UnitReport.restore(report, this.views.periodContext(period));
      const now = this.clock.now();
      switch (decision) {
        case 'submit':
          if (!mayWriteUnitReport(scope, report.unitCode, unit.communeCode)) refuse('Chỉ cán bộ của đơn vị mới gửi được báo cáo.', 'Only officers of the unit may submit its report.');
          r.submit(body.version, await this.views.liveEntries(report), scope.username, now);
          break;
        case 'approve':
          if (!mayApproveForUnit(scope, report.unitCode, unit.communeCode)) refuse('Chỉ lãnh đạo đơn vị mới duyệt được báo cáo.', 'Only the unit’s leader may approve its report.');
          r.approve(body.version, scope.username, now);
          break;
        case 'accept':
          if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối mới tiếp nhận được báo cáo.', 'Only the focal unit may accept a report.');
          r.accept(body.version, scope.username, now);
          break;
        case 'return': {
          const leaderStep = report.status === 'awaiting-approval';
          if (leaderStep ? !mayApproveForUnit(scope, report.unitCode, unit.communeCode) : !actsForFocalUnit(scope, plan))
            refuse('Tài khoản này không trả lại được báo cáo ở bước này.', 'This account may not return the report at this step.');
          r.returnWith(body.version, body.reason, scope.username, now);
          break;
        }
        case 'reopen': {
          if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối mới mở lại được báo cáo đã tiếp nhận.', 'Only the focal unit may reopen an accepted report.');
          const archived = r.reopen(body.version, body.reason, scope.username, now);
          await this.store.archiveRevision(report.id, 'unit', archived.revision, archived, now);
          break;
        }
      }
      await this.store.saveUnitReport(r.snapshot(), false);
      tx.record(...r.pullEvents());
    });
    const { report, period, plan, unit } = await this.views.unitReportInSight(scope, reportId);
    return this.views.unitReportDto(scope, report, period, plan, unit);
  }
}

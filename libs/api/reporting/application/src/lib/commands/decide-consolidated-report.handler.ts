import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { ConsolidatedReport } from '@dieu-hanh/api/reporting/domain';
import type { ConsolidatedReportDto } from '@dieu-hanh/shared/contracts';
import { actsForFocalUnit, leadsIssuer } from '../access/report-access.policy';
import { ReportingStore } from '../ports/reporting.store';
import { DecideConsolidatedReportCommand } from './reporting.commands';
import { ReportingViews, personOf, refuse } from './reporting.views';

/**
 * The consolidated report's chain: the focal unit submits it to the leader with the figures composed at that
 * moment (frozen: the leader approves exactly what was sent); the issuing body's leader approves or returns;
 * the leader or the focal unit reopens an approved one with a reason (the approved revision is archived).
 */
@CommandHandler(DecideConsolidatedReportCommand)
export class DecideConsolidatedReportHandler implements ICommandHandler<DecideConsolidatedReportCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ reportId, decision, body, metadata }: DecideConsolidatedReportCommand): Promise<ConsolidatedReportDto> {
    const scope = personOf(metadata);
    await this.uow.run(metadata, async (tx) => {
      const { report, period, plan } = await this.views.consolidatedInSight(scope, reportId, { lock: true });
      const r = ConsolidatedReport.restore(report, this.views.consolidationContext(period, plan));
      const now = this.clock.now();
      switch (decision) {
        case 'submit':
          if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối mới trình được báo cáo tổng hợp.', 'Only the focal unit may submit the consolidated report.');
          r.submit(body.version, await this.views.compose(period, plan), scope.username, now);
          break;
        case 'approve':
          if (!leadsIssuer(scope, plan)) refuse('Chỉ lãnh đạo cơ quan ban hành kế hoạch mới phê duyệt được báo cáo tổng hợp.', 'Only the issuing body’s leaders may approve the consolidated report.');
          r.approve(body.version, scope.username, now);
          break;
        case 'return':
          if (!leadsIssuer(scope, plan)) refuse('Chỉ lãnh đạo cơ quan ban hành kế hoạch mới trả lại được báo cáo tổng hợp.', 'Only the issuing body’s leaders may return the consolidated report.');
          r.returnWith(body.version, body.reason, scope.username, now);
          break;
        case 'reopen': {
          if (!leadsIssuer(scope, plan) && !actsForFocalUnit(scope, plan))
            refuse('Chỉ lãnh đạo hoặc cơ quan đầu mối mới mở lại được báo cáo đã phê duyệt.', 'Only the leaders or the focal unit may reopen an approved report.');
          const archived = r.reopen(body.version, body.reason, scope.username, now);
          await this.store.archiveRevision(report.id, 'consolidated', archived.revision, archived, now);
          break;
        }
      }
      await this.store.saveConsolidated(r.snapshot(), false);
      tx.record(...r.pullEvents());
    });
    const { report, period, plan } = await this.views.consolidatedInSight(scope, reportId);
    return this.views.consolidatedDto(scope, report, period, plan);
  }
}

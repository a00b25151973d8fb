import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { ConsolidatedReport } from '@dieu-hanh/api/reporting/domain';
import type { ConsolidatedReportDto } from '@dieu-hanh/shared/contracts';
import { actsForFocalUnit } from '../access/report-access.policy';
import { SaveConsolidatedReportCommand } from './reporting.commands';
import { ReportingStore } from '../ports/reporting.store';
import { ReportingViews, personOf, refuse } from './reporting.views';

/** The focal unit edits the consolidated report's narrative and document fields while it is a draft or returned. */
@CommandHandler(SaveConsolidatedReportCommand)
export class SaveConsolidatedReportHandler implements ICommandHandler<SaveConsolidatedReportCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ reportId, body, metadata }: SaveConsolidatedReportCommand): Promise<ConsolidatedReportDto> {
    const scope = personOf(metadata);
    await this.uow.run(metadata, async (tx) => {
      const { report, period, plan } = await this.views.consolidatedInSight(scope, reportId, { lock: true });
      if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối mới sửa được báo cáo tổng hợp.', 'Only the focal unit may edit the consolidated report.');
      const { version, sections, ...fields } = body;
      // Only the fields sent: an absent one keeps its value (class instances carry undefined properties).
      const document = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const r = ConsolidatedReport.restore(report, this.views.consolidationContext(period, plan));
      r.revise({ version, sections, document: Object.keys(document).length ? document : undefined }, scope.username, this.clock.now());
      await this.store.saveConsolidated(r.snapshot(), false);
      tx.record(...r.pullEvents());
    });
    const { report, period, plan } = await this.views.consolidatedInSight(scope, reportId);
    return this.views.consolidatedDto(scope, report, period, plan);
  }
}

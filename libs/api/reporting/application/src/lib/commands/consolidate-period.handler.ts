import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { ConsolidatedReport } from '@dieu-hanh/api/reporting/domain';
import type { ConsolidatedReportDto } from '@dieu-hanh/shared/contracts';
import { actsForFocalUnit } from '../access/report-access.policy';
import { ReportingStore } from '../ports/reporting.store';
import { ConsolidatePeriodCommand } from './reporting.commands';
import { ReportingViews, personOf, refuse } from './reporting.views';

/**
 * The focal unit composes the period's consolidated report (or gets the one it has): the narrative starts from
 * the unit reports' own sections, unit by unit, so nothing sent is retyped; the figures come from the read models.
 */
@CommandHandler(ConsolidatePeriodCommand)
export class ConsolidatePeriodHandler implements ICommandHandler<ConsolidatePeriodCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ periodId, metadata }: ConsolidatePeriodCommand): Promise<ConsolidatedReportDto> {
    const scope = personOf(metadata);
    const id = await this.uow.run(metadata, async (tx) => {
      const { period, plan } = await this.views.periodInSight(scope, periodId, { lock: true });
      if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối mới tổng hợp được báo cáo.', 'Only the focal unit may consolidate the reports.');
      const existing = await this.store.consolidatedOf(periodId);
      if (existing) return existing.id;
      // One after the other: they share the transaction's connection.
      const focal = await this.store.unit(period.focalUnitCode);
      const issuer = await this.store.unit(plan.issuerUnitCode);
      const sections = await this.views.sectionsFromUnitReports(periodId);
      const r = ConsolidatedReport.compose(
        {
          id: randomUUID(),
          provinceCode: plan.provinceCode,
          sections,
          document: {
            documentNumber: null,
            place: placeOf(issuer?.officialName ?? ''),
            documentDate: null,
            recipients: [`${issuer?.unitName ?? plan.issuerUnitCode} (để báo cáo)`, 'Lưu: VT.'],
            signerTitle: focal ? `Thủ trưởng ${focal.unitName}` : null,
            signerName: null,
          },
        },
        this.views.consolidationContext(period, plan),
        scope.username,
        this.clock.now(),
      );
      await this.store.saveConsolidated(r.snapshot(), true);
      tx.record(...r.pullEvents());
      return r.snapshot().id;
    });
    const { report, period, plan } = await this.views.consolidatedInSight(scope, id);
    return this.views.consolidatedDto(scope, report, period, plan);
  }
}

/** "UBND Thành phố Hà Nội" → "Hà Nội": the place line of the document (địa danh). */
export function placeOf(issuerName: string): string {
  const m = /(?:thành phố|tỉnh|xã|phường|đặc khu)\s+(.+)$/iu.exec(issuerName);
  return (m ? m[1] : issuerName).trim() || 'Hà Nội';
}

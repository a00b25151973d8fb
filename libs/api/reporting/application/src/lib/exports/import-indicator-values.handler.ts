import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { ReportingEventType, reportingEvent } from '@dieu-hanh/api/reporting/contracts';
import { UnitReport, reportingInvalid, validateIndicatorValue } from '@dieu-hanh/api/reporting/domain';
import type { IndicatorImportResultDto } from '@dieu-hanh/shared/contracts';
import { actsForFocalUnit } from '../access/report-access.policy';
import { ImportIndicatorValuesCommand } from '../commands/reporting.commands';
import { ReportingViews, personOf, refuse } from '../commands/reporting.views';
import { IndicatorValuesSheetReader, SpreadsheetFormatError } from '../documents/report-document.renderer';
import { ReportingReadModel } from '../ports/reporting.read-model';
import { ReportingStore } from '../ports/reporting.store';

const MAX_BYTES = 5 * 1024 * 1024;
type Rejected = IndicatorImportResultDto['rejected'][number];

/**
 * The focal unit loads a period's indicator values for many units from an XLSX in the export's layout. Every
 * row is checked like a unit's own entry; refused rows are listed with their row and field and the rest is
 * applied, all in one transaction, each unit's report revised through its own rules (a submitted report only
 * with the reason given; an accepted one not at all: it must be reopened first).
 */
@CommandHandler(ImportIndicatorValuesCommand)
export class ImportIndicatorValuesHandler implements ICommandHandler<ImportIndicatorValuesCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: ReportingStore,
    private readonly read: ReportingReadModel,
    private readonly views: ReportingViews,
    private readonly reader: IndicatorValuesSheetReader,
    private readonly clock: Clock,
  ) {}

  async execute({ periodId, file, reason, metadata }: ImportIndicatorValuesCommand): Promise<IndicatorImportResultDto> {
    const scope = personOf(metadata);
    if (file.content.length > MAX_BYTES) throw reportingInvalid('body.file', 'Tệp quá lớn (tối đa 5 MB).', 'The file is too large (5 MB at most).');
    return this.uow.run(metadata, async (tx) => {
      const { period, plan } = await this.views.periodInSight(scope, periodId, { lock: true });
      if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối mới nhập được số liệu chỉ tiêu từ tệp.', 'Only the focal unit may load indicator values from a file.');
      let sheet;
      try {
        sheet = await this.reader.read(file.content);
      } catch (e) {
        if (e instanceof SpreadsheetFormatError) throw reportingInvalid('body.file', e.vi, e.en);
        throw reportingInvalid('body.file', 'Không đọc được tệp XLSX.', 'The XLSX file could not be read.');
      }
      const rejected: Rejected[] = sheet.errors.map((e) => ({ row: e.row, unitCode: null, field: e.field, message: { vi: e.vi, en: e.en } }));
      const year = Number(period.endDate.slice(0, 4));
      const indicators = await this.store.indicatorsOf(plan.planId, year);
      const pairs = await this.read.indicatorUnits(plan.planId);
      const expected = await this.store.expectedOf(periodId);
      const expectedUnits = new Set(expected);
      const kinds = new Map(indicators.map((i) => [i.indicatorId, i.kind]));
      const implemented = new Set(pairs.map((p) => `${p.unitCode}|${p.indicatorId}`));
      const byUnit = new Map<string, { row: number; indicatorId: string; value: ReturnType<typeof validateIndicatorValue> }[]>();
      for (const row of sheet.rows) {
        if (!implemented.has(`${row.unitCode}|${row.indicatorId}`) || !expectedUnits.has(row.unitCode)) {
          rejected.push({ row: row.row, unitCode: row.unitCode, field: 'indicatorId', message: { vi: 'Đơn vị không thực hiện chỉ tiêu này trong kỳ.', en: 'The unit does not implement this indicator in the period.' } });
          continue;
        }
        const value = validateIndicatorValue(kinds.get(row.indicatorId) ?? 'value', row);
        if (!value.ok) {
          for (const e of value.errors) rejected.push({ row: row.row, unitCode: row.unitCode, field: e.field, message: { vi: e.vi, en: e.en } });
          continue;
        }
        byUnit.set(row.unitCode, [...(byUnit.get(row.unitCode) ?? []), { row: row.row, indicatorId: row.indicatorId, value }]);
      }
      let applied = 0;
      let unchanged = 0;
      const appliedRefs: { reportId: string; unitCode: string; indicatorId: string }[] = [];
      const now = this.clock.now();
      const ctx = this.views.periodContext(period);
      for (const [unitCode, rows] of byUnit) {
        const existing = await this.store.unitReportOf(periodId, unitCode, { lock: true });
        const report = existing ? UnitReport.restore(existing, ctx) : UnitReport.start({ id: randomUUID(), provinceCode: plan.provinceCode, unitCode, values: [] }, ctx, scope.username, now);
        if (report.status === 'accepted') {
          for (const r of rows) rejected.push({ row: r.row, unitCode, field: 'unitCode', message: { vi: 'Báo cáo của đơn vị đã được tiếp nhận; hãy mở lại trước.', en: 'The unit’s report was accepted; reopen it first.' } });
          continue;
        }
        const current = new Map((existing?.values ?? []).map((v) => [v.indicatorId, v]));
        const changed = rows.filter((r) => {
          const v = r.value.ok ? r.value.value : null;
          const c = current.get(r.indicatorId);
          return !c || !v || c.numerator !== v.numerator || c.denominator !== v.denominator || c.value !== v.value || c.rank !== v.rank || (c.evidence ?? null) !== (v.evidence ?? null);
        });
        unchanged += rows.length - changed.length;
        if (!changed.length) continue;
        const needsReason = report.status === 'submitted' || report.status === 'awaiting-approval';
        if (needsReason && !reason?.trim()) {
          for (const r of changed) rejected.push({ row: r.row, unitCode, field: 'reason', message: { vi: 'Báo cáo của đơn vị đã gửi: cần nêu lý do sửa số liệu.', en: 'The unit’s report was submitted: a reason for the change is required.' } });
          continue;
        }
        if (!existing) {
          await this.store.saveUnitReport(report.snapshot(), true);
          tx.record(...report.pullEvents());
        }
        const snap = report.snapshot();
        report.revise(
          { version: snap.version, values: changed.map((r) => ({ indicatorId: r.indicatorId, ...(r.value.ok ? r.value.value : ({} as never)) })), reason },
          needsReason ? await this.views.liveEntries(snap) : [],
          scope.username,
          now,
        );
        await this.store.saveUnitReport(report.snapshot(), false);
        tx.record(...report.pullEvents());
        applied += changed.length;
        for (const r of changed) appliedRefs.push({ reportId: snap.id, unitCode, indicatorId: r.indicatorId });
      }
      if (applied) tx.record(reportingEvent(ReportingEventType.IndicatorValuesImported, periodId, { ...ctx, fileName: file.name, applied: appliedRefs }));
      return { applied, unchanged, rejected: rejected.sort((a, b) => a.row - b.row) };
    });
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { UnitReport, reportingInvalid } from '@dieu-hanh/api/reporting/domain';
import type { UnitReportDto } from '@dieu-hanh/shared/contracts';
import { mayWriteUnitReport } from '../access/report-access.policy';
import { ReportingStore } from '../ports/reporting.store';
import { indicatorValuesFrom } from './indicator-values.input';
import { SaveUnitReportCommand } from './reporting.commands';
import { ReportingViews, personOf, refuse } from './reporting.views';

/** The unit edits its report: the free sections, its words per task, its indicator values (a submitted one: with a reason). */
@CommandHandler(SaveUnitReportCommand)
export class SaveUnitReportHandler implements ICommandHandler<SaveUnitReportCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ reportId, body, metadata }: SaveUnitReportCommand): Promise<UnitReportDto> {
    const scope = personOf(metadata);
    await this.uow.run(metadata, async (tx) => {
      const { report, period, plan, unit } = await this.views.unitReportInSight(scope, reportId, { lock: true });
      if (!mayWriteUnitReport(scope, report.unitCode, unit.communeCode)) refuse('Chỉ cán bộ của đơn vị mới sửa được báo cáo của đơn vị.', 'Only officers of the unit may edit its report.');
      const year = Number(period.endDate.slice(0, 4));
      const values = body.indicators ? indicatorValuesFrom(body.indicators, await this.store.indicatorsFor(plan.planId, report.unitCode, year)) : undefined;
      const entries = await this.views.liveEntries(report);
      let taskNotes: Record<string, string | null> | undefined;
      if (body.taskNotes) {
        const own = new Set(entries.map((e) => e.assignmentId));
        const notes: Record<string, string | null> = {};
        body.taskNotes.forEach((t, n) => {
          if (!own.has(t.assignmentId)) throw reportingInvalid(`body.taskNotes.${n}.assignmentId`, 'Nhiệm vụ không thuộc báo cáo của đơn vị.', 'Not an assignment of this unit’s report.');
          notes[t.assignmentId] = t.note?.trim() || null;
        });
        taskNotes = notes;
      }
      const r = UnitReport.restore(report, this.views.periodContext(period));
      // A change to a submitted report is a new submission: it carries the task entries as they stand now.
      r.revise({ version: body.version, sections: body.sections, taskNotes, values, reason: body.reason }, entries, scope.username, this.clock.now());
      await this.store.saveUnitReport(r.snapshot(), false);
      tx.record(...r.pullEvents());
    });
    const { report, period, plan, unit } = await this.views.unitReportInSight(scope, reportId);
    return this.views.unitReportDto(scope, report, period, plan, unit);
  }
}

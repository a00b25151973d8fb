import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork, isIsoDate } from '@dieu-hanh/api/shared/kernel';
import { ReportingPeriod, dueDateFor, dutyKinds, periodAlreadyOpen, periodFor, planNotFound, reportTransitionRefused, reportingInvalid } from '@dieu-hanh/api/reporting/domain';
import type { PeriodKind, ReportingPeriodDto } from '@dieu-hanh/shared/contracts';
import { actsForFocalUnit, mayViewPeriod } from '../access/report-access.policy';
import { ReportingStore } from '../ports/reporting.store';
import { OpenPeriodCommand } from './reporting.commands';
import { ReportingViews, personOf, refuse } from './reporting.views';

/**
 * The focal unit opens a reporting period of an issued plan: a regular one (its dates and due date from the
 * plan's reporting duties) or an ad hoc one (đột xuất) with its own title and due date. The units expected to
 * report are fixed now and told (event → notifications).
 */
@CommandHandler(OpenPeriodCommand)
export class OpenPeriodHandler implements ICommandHandler<OpenPeriodCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly views: ReportingViews, private readonly clock: Clock) {}

  async execute({ planId, body, metadata }: OpenPeriodCommand): Promise<ReportingPeriodDto> {
    const scope = personOf(metadata);
    const id = await this.uow.run(metadata, async (tx) => {
      const plan = await this.store.plan(planId);
      if (!plan || !mayViewPeriod(scope, plan, false)) throw planNotFound(planId);
      if (!actsForFocalUnit(scope, plan)) refuse('Chỉ cơ quan đầu mối của kế hoạch mới mở được kỳ báo cáo.', 'Only the plan’s focal unit may open a reporting period.');
      if (plan.planStatus !== 'issued') throw reportTransitionRefused('Chỉ mở kỳ báo cáo cho kế hoạch đã ban hành.', 'Reporting periods open only for an issued plan.', plan.planStatus);
      const now = this.clock.now();
      const id = randomUUID();
      let dates: { kind: PeriodKind; periodKey: string; label: string; startDate: string; endDate: string; dueDate: string };
      if (body.kind === 'ad-hoc') {
        if (!body.title?.trim()) throw reportingInvalid('body.title', 'Nhập tên của kỳ báo cáo đột xuất.', 'Give the ad hoc period a title.');
        const day = (f: 'startDate' | 'endDate' | 'dueDate'): string => {
          const v = body[f];
          if (!v || !isIsoDate(v)) throw reportingInvalid(`body.${f}`, 'Ngày không hợp lệ (yyyy-MM-dd).', 'Not a valid date (yyyy-MM-dd).');
          return v;
        };
        dates = { kind: 'ad-hoc', periodKey: `adhoc-${id}`, label: body.title.trim(), startDate: day('startDate'), endDate: day('endDate'), dueDate: day('dueDate') };
      } else {
        const reference = body.reference ?? this.clock.today();
        if (!isIsoDate(reference)) throw reportingInvalid('body.reference', 'Ngày tham chiếu không hợp lệ (yyyy-MM-dd).', 'The reference date is not valid (yyyy-MM-dd).');
        const period = periodFor(body.kind, reference);
        const duty = dutyKinds(plan.reportingDuties).find((d) => d.kind === body.kind) ?? null;
        const dueDate = body.dueDate ?? dueDateFor(period, duty);
        if (!isIsoDate(dueDate)) throw reportingInvalid('body.dueDate', 'Hạn nộp không hợp lệ (yyyy-MM-dd).', 'The due date is not valid (yyyy-MM-dd).');
        if (await this.store.periodByKey(planId, period.key)) throw periodAlreadyOpen(period.label);
        dates = { kind: period.kind, periodKey: period.key, label: period.label, startDate: period.startDate, endDate: period.endDate, dueDate };
      }
      const expected = await this.store.expectedUnits(planId);
      const p = ReportingPeriod.open(
        {
          id,
          planId,
          planTitle: plan.planTitle,
          provinceCode: plan.provinceCode,
          ...dates,
          requiresUnitApproval: body.requiresUnitApproval ?? false,
          focalUnitCode: plan.focalUnitCode ?? plan.issuerUnitCode,
          openedAt: now,
          openedBy: scope.username,
        },
        expected,
      );
      await this.store.insertPeriod(p.snapshot());
      await this.store.addExpected(id, expected);
      tx.record(...p.pullEvents());
      return id;
    });
    return this.views.periodDto(scope, id);
  }
}

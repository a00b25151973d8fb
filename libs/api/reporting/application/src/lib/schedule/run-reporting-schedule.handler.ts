import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork, systemActor } from '@dieu-hanh/api/shared/kernel';
import { ReportingPeriod, dutyKinds, periodsDue } from '@dieu-hanh/api/reporting/domain';
import { ReportingStore } from '../ports/reporting.store';

/** Days before the due date on which units still missing are reminded. */
export const REMINDER_DAYS = [3, 1];

export class RunReportingScheduleCommand extends Command<{ opened: number; reminded: number }> {
  constructor(readonly correlationId: string = randomUUID()) {
    super();
  }
}

/**
 * The daily schedule (job `reporting.schedule`): opens each issued plan's regular periods as they begin,
 * from its reporting duties (within the plan's year: a 2025 plan opens no 2026 quarter), and reminds the
 * units still missing 3 days and 1 day before a period's due date. Each period is its own transaction with
 * its event; running twice does nothing more (one period per plan and key, one reminder per day count).
 */
@CommandHandler(RunReportingScheduleCommand)
export class RunReportingScheduleHandler implements ICommandHandler<RunReportingScheduleCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: ReportingStore, private readonly clock: Clock) {}

  async execute({ correlationId }: RunReportingScheduleCommand): Promise<{ opened: number; reminded: number }> {
    const metadata = { actor: systemActor('reporting-schedule'), correlationId };
    const today = this.clock.today();
    let opened = 0;
    for (const plan of await this.store.plansWithDuties()) {
      for (const due of periodsDue(dutyKinds(plan.reportingDuties), today)) {
        if (due.startDate > `${plan.year}-12-31`) continue;
        opened += await this.uow.run(metadata, async (tx) => {
          if (await this.store.periodByKey(plan.planId, due.key)) return 0;
          const expected = await this.store.expectedUnits(plan.planId);
          const id = randomUUID();
          const p = ReportingPeriod.open(
            {
              id,
              planId: plan.planId,
              planTitle: plan.planTitle,
              provinceCode: plan.provinceCode,
              kind: due.kind,
              periodKey: due.key,
              label: due.label,
              startDate: due.startDate,
              endDate: due.endDate,
              dueDate: due.dueDate,
              requiresUnitApproval: false,
              focalUnitCode: plan.focalUnitCode ?? plan.issuerUnitCode,
              openedAt: this.clock.now(),
              openedBy: 'reporting-schedule',
            },
            expected,
          );
          await this.store.insertPeriod(p.snapshot());
          await this.store.addExpected(id, expected);
          tx.record(...p.pullEvents());
          return 1;
        });
      }
    }
    let reminded = 0;
    for (const { periodId, daysLeft } of await this.store.periodsToRemind(today, REMINDER_DAYS)) {
      reminded += await this.uow.run(metadata, async (tx) => {
        const period = await this.store.period(periodId, { lock: true });
        if (!period || !(await this.store.markReminded(periodId, daysLeft, this.clock.now()))) return 0;
        const missing = await this.store.missingUnits(periodId);
        if (!missing.length) return 0;
        const p = ReportingPeriod.restore(period);
        p.remindClosingSoon(missing, daysLeft);
        tx.record(...p.pullEvents());
        return 1;
      });
    }
    return { opened, reminded };
  }
}

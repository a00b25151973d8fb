import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AssignmentRepository, TransferAssignmentsCommand } from '@dieu-hanh/api/planning/application';
import { Clock, JobScheduler, type RecurringJob, VIETNAM_TIME_ZONE, systemActor } from '@dieu-hanh/api/shared/kernel';
import { type SuccessionInForce, SuccessionsInForceQuery } from '@dieu-hanh/api/organization/contracts';

/**
 * The safety net behind the SuccessionSaga (which reacts to each succession through the event feed):
 * applies successions that are in force but whose units still hold work in issued plans. Chiefly those
 * recorded with a future effective date (Sở A merges into Sở B on 01/01: nothing moves when it is
 * recorded, everything on the day), and any the saga parked after repeated failures (`feed status`).
 * Runs at start and hourly as a scheduled job (JobScheduler: once per tick across every API process,
 * never two runs at once; JOBS_RUNNER=off turns it off, `runOnce` still works). It sends the same
 * idempotent command as the saga, so the two cannot apply a succession twice: the command locks the
 * predecessor's assignments in force and moves only those still assigned, so whichever runs second (or
 * concurrently, in another process) finds nothing left to move.
 */
@Injectable()
export class SuccessionCatchUp implements RecurringJob, OnModuleInit {
  private readonly logger = new Logger('SuccessionCatchUp');
  readonly name = 'planning.succession-catch-up';
  /** Hourly, on the hour. */
  readonly cron = '0 * * * *';
  readonly timeZone = VIETNAM_TIME_ZONE;
  readonly runAtStart = true;

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly assignments: AssignmentRepository,
    private readonly clock: Clock,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  /** The scheduled run: one pass as of Vietnam's today. */
  run(): Promise<{ transferred: number; merged: number; successions: number }> {
    return this.runOnce();
  }

  /** One pass as of `asOf` (today by default); successions of successors are followed, a few steps deep. */
  async runOnce(asOf: string = this.clock.today()): Promise<{ transferred: number; merged: number; successions: number }> {
    const total = { transferred: 0, merged: 0, successions: 0 };
    for (let step = 0; step < 5; step++) {
      const holders = await this.assignments.unitsWithWorkInForce();
      const due = await this.queries.execute<SuccessionsInForceQuery, SuccessionInForce[]>(new SuccessionsInForceQuery(asOf, holders));
      if (!due.length) break;
      for (const s of due) {
        const r = await this.commands.execute(
          new TransferAssignmentsCommand(s.predecessorCode, s.successorCode, s.effectiveDate, { actor: systemActor('planning'), correlationId: randomUUID() }, asOf),
        );
        total.transferred += r.transferred;
        total.merged += r.merged;
        total.successions += 1;
      }
    }
    if (total.successions) this.logger.log(total, 'successions applied to plans in force');
    return total;
  }
}

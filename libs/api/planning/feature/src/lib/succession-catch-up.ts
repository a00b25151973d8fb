import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { PlanRepository, TransferAssignmentsCommand } from '@dieu-hanh/api/planning/application';
import { Clock, systemActor } from '@dieu-hanh/api/shared/kernel';
import { type SuccessionInForce, SuccessionsInForceQuery } from '@dieu-hanh/api/organization/contracts';

const HOUR = 60 * 60 * 1000;

/**
 * Applies successions that are in force but whose units still hold work in issued plans: those recorded
 * with a future effective date (Sở A merges into Sở B on 01/01), and any the SuccessionSaga missed
 * because the process stopped between the directory's commit and planning's command. Runs at start and
 * hourly; each transfer is planning's own command, so a repeat finds nothing left to move.
 */
@Injectable()
export class SuccessionCatchUp implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SuccessionCatchUp');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly plans: PlanRepository,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => this.runOnce().catch((error) => this.logger.error({ err: error }, 'succession catch-up failed'));
    void run();
    this.timer = setInterval(run, HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass as of `asOf` (today by default); successions of successors are followed, a few steps deep. */
  async runOnce(asOf: string = this.clock.today()): Promise<{ transferred: number; merged: number; successions: number }> {
    const total = { transferred: 0, merged: 0, successions: 0 };
    for (let step = 0; step < 5; step++) {
      const holders = await this.plans.unitsWithWorkInForce();
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

import { type AssignmentRole, assignmentChanged, assignmentCreated, assignmentWithdrawn } from '@dieu-hanh/api/planning/contracts';
import { AggregateRoot } from '@dieu-hanh/api/shared/kernel';
import type { PlannedAssignment } from './fan-out';

export type AssignmentStatus = 'assigned' | 'withdrawn';

/** One unit's share of one task of an issued plan (giao nhiệm vụ): chủ trì (lead) or phối hợp (coordinator). */
export interface AssignmentProps {
  id: string;
  planId: string;
  taskId: string;
  unitCode: string;
  role: AssignmentRole;
  /** The group the unit was reached through ("các sở, ban, ngành"), if any. */
  viaGroup: string | null;
  /** The unit whose work this one took over (a succession), if any. */
  succeeds: string | null;
  status: AssignmentStatus;
}

/** What the plan says about why an assignment changes: its title (for messages) and the amendment, if one. */
export interface PlanOccasion {
  planTitle: string;
  amendment?: number;
}

/** The key an assignment is unique by: one per unit and task. */
export const assignmentKey = (a: { taskId: string; unitCode: string }): string => `${a.taskId}:${a.unitCode}`;

/**
 * An assignment (a unit's share of a task) is its own aggregate: planning makes it when a plan is issued,
 * amended or its unit succeeded, and changes it only through the methods below, each recording one of
 * planning's published assignment events (`@dieu-hanh/api/planning/contracts`). Execution will key its
 * progress records by the id. A withdrawn assignment is kept (history); when the unit is given the task
 * again it comes back with the same id.
 */
export class Assignment extends AggregateRoot {
  /** What the repository must write: a new row, a changed row, or nothing. */
  private persistence: 'new' | 'changed' | 'saved';

  private constructor(private props: AssignmentProps, persistence: 'new' | 'saved') {
    super();
    this.persistence = persistence;
  }

  /**
   * Gives a unit its share of a task — at issue, by an amendment, or to a successor. When the unit held
   * this task before and it was withdrawn (`formerly`), that assignment is given back, keeping its id.
   */
  static make(planId: string, planned: PlannedAssignment, occasion: PlanOccasion, identity: { newId: () => string; formerly?: Assignment }): Assignment {
    const { formerly } = identity;
    let assignment: Assignment;
    if (formerly) {
      if (formerly.isActive || formerly.props.planId !== planId || assignmentKey(formerly.props) !== assignmentKey(planned)) {
        throw new Error(`Assignment ${formerly.id} cannot be given back as ${assignmentKey(planned)}.`);
      }
      formerly.props = { ...formerly.props, role: planned.role, viaGroup: planned.viaGroup, succeeds: planned.succeeds, status: 'assigned' };
      formerly.touch();
      assignment = formerly;
    } else {
      assignment = new Assignment(
        { id: identity.newId(), planId, taskId: planned.taskId, unitCode: planned.unitCode, role: planned.role, viaGroup: planned.viaGroup, succeeds: planned.succeeds, status: 'assigned' },
        'new',
      );
    }
    const p = assignment.props;
    assignment.record(
      assignmentCreated(p.id, { ...assignment.facts(occasion), role: p.role, viaGroup: p.viaGroup, succeeds: p.succeeds, ...amendmentOf(occasion) }),
    );
    return assignment;
  }

  static restore(props: AssignmentProps): Assignment {
    return new Assignment({ ...props }, 'saved');
  }

  get id(): string {
    return this.props.id;
  }
  get planId(): string {
    return this.props.planId;
  }
  get taskId(): string {
    return this.props.taskId;
  }
  get unitCode(): string {
    return this.props.unitCode;
  }
  get role(): AssignmentRole {
    return this.props.role;
  }
  get isActive(): boolean {
    return this.props.status === 'assigned';
  }

  snapshot(): Readonly<AssignmentProps> {
    return this.props;
  }

  /** The unit's role on the task changes (an amendment moved it, or it took over its predecessor's lead). */
  changeRole(to: AssignmentRole, because: PlanOccasion & { succeeds?: string }): void {
    this.assertActive('change the role of');
    const from = this.props.role;
    if (from === to) return;
    this.props = { ...this.props, role: to };
    this.touch();
    this.record(
      assignmentChanged(this.id, { ...this.facts(because), ...amendmentOf(because), role: { from, to }, ...(because.succeeds ? { succeeds: because.succeeds } : {}) }),
    );
  }

  /** The task itself was amended (what, by when, with whom): the assignment stays and its holder is told. */
  taskAmended(occasion: PlanOccasion & { amendment: number }): void {
    this.assertActive('tell about an amendment');
    this.record(assignmentChanged(this.id, { ...this.facts(occasion), amendment: occasion.amendment, taskChanged: true }));
  }

  /** The unit no longer has this task: taken off it by an amendment, or succeeded by another unit. */
  withdraw(reason: string, occasion: PlanOccasion & { successorCode?: string }): void {
    this.assertActive('withdraw');
    this.props = { ...this.props, status: 'withdrawn' };
    this.touch();
    this.record(
      assignmentWithdrawn(this.id, {
        ...this.facts(occasion),
        ...amendmentOf(occasion),
        reason,
        ...(occasion.successorCode ? { successorCode: occasion.successorCode } : {}),
      }),
    );
  }

  /**
   * The unit was succeeded (merged, renamed): its successor takes the task over and this assignment is
   * withdrawn. The successor gets the task once: if it has no share yet, it gets this one's role (a
   * withdrawn share of its own is given back); if it already holds it, the two merge and a coordinator
   * taking over a lead becomes the lead. Returns the successor's assignment and whether it merged.
   */
  handOverTo(
    successorCode: string,
    context: { planTitle: string; successorHolds?: Assignment; newId: () => string },
  ): { successor: Assignment; merged: boolean } {
    this.assertActive('hand over');
    const held = context.successorHolds;
    if (held && (held.unitCode !== successorCode || held.taskId !== this.taskId)) {
      throw new Error(`Assignment ${held.id} is not ${successorCode}'s share of task ${this.taskId}.`);
    }
    let successor: Assignment;
    let merged = false;
    if (held?.isActive) {
      merged = true;
      successor = held;
      if (this.role === 'lead' && held.role === 'coordinator') held.changeRole('lead', { planTitle: context.planTitle, succeeds: this.unitCode });
    } else {
      successor = Assignment.make(
        this.planId,
        { taskId: this.taskId, unitCode: successorCode, role: this.role, viaGroup: this.props.viaGroup, succeeds: this.unitCode },
        { planTitle: context.planTitle },
        { newId: context.newId, formerly: held },
      );
    }
    this.withdraw(`succeeded by ${successorCode}`, { planTitle: context.planTitle, successorCode });
    return { successor, merged };
  }

  /** For the repository: whether this assignment is a row to insert, a row to update, or unchanged. */
  get pendingWrite(): 'insert' | 'update' | null {
    return this.persistence === 'new' ? 'insert' : this.persistence === 'changed' ? 'update' : null;
  }

  /** For the repository, once written. */
  markSaved(): void {
    this.persistence = 'saved';
  }

  private touch(): void {
    if (this.persistence === 'saved') this.persistence = 'changed';
  }

  private assertActive(what: string): void {
    if (!this.isActive) throw new Error(`Cannot ${what} the withdrawn assignment ${this.id}.`);
  }

  private facts(occasion: PlanOccasion) {
    return { planId: this.props.planId, planTitle: occasion.planTitle, taskId: this.props.taskId, unitCode: this.props.unitCode };
  }
}

function amendmentOf(occasion: PlanOccasion): { amendment?: number } {
  return occasion.amendment === undefined ? {} : { amendment: occasion.amendment };
}

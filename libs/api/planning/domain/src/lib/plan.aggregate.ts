import { AggregateRoot, domainEvent, isIsoDate } from '@dieu-hanh/api/shared/kernel';
import type { UnitRef } from './fan-out';
import { type PlanStatus, type PlanTransition, isEditable, nextStatus } from './plan-lifecycle';
import { planInvalid, planNotEditable, planTransitionRefused, planVersionConflict } from './planning.errors';

export interface PlanTask {
  id: string;
  ordinal: number;
  section: string | null; // numbered heading it sits under, e.g. "III.2"
  content: string; // nhiệm vụ
  expectedResult: string | null; // kết quả, sản phẩm
  directingLeader: string | null; // lãnh đạo chỉ đạo
  timeframe: string | null; // as written: "Quý IV/2025", "Thường xuyên"…
  leads: UnitRef[]; // chủ trì
  coordinators: UnitRef[]; // phối hợp
}

export interface PlanDraftContent {
  title: string;
  symbol: string; // "KH-UBND"
  year: number;
  focalUnitCode: string | null; // cơ quan đầu mối
  tasks: PlanTask[];
}

export interface PlanProps extends PlanDraftContent {
  id: string;
  provinceCode: string;
  issuerUnitCode: string; // the committee that issues (UBND TP, or UBND xã for a commune plan)
  draftingUnitCode: string; // the unit that drafts it
  issuerTier: 1 | 2;
  status: PlanStatus;
  version: number;
  number: number | null;
  issueDate: string | null;
  reviewComments: { by: string; at: string; text: string; field: string | null }[];
}

/** A plan (kế hoạch): drafted, submitted, approved or returned, issued; never overwritten once issued. */
export class Plan extends AggregateRoot {
  private constructor(private props: PlanProps) {
    super();
  }

  static draft(props: Omit<PlanProps, 'status' | 'version' | 'number' | 'issueDate' | 'reviewComments'>): Plan {
    Plan.validate(props);
    const plan = new Plan({ ...props, status: 'draft', version: 1, number: null, issueDate: null, reviewComments: [] });
    plan.record(domainEvent('planning.plan-drafted', 'plan', props.id, { title: props.title, year: props.year, tasks: props.tasks.length, draftingUnitCode: props.draftingUnitCode }));
    return plan;
  }

  static restore(props: PlanProps): Plan {
    return new Plan(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): Readonly<PlanProps> {
    return this.props;
  }

  /** Optimistic concurrency: the editor names the version it started from. */
  revise(content: PlanDraftContent, expectedVersion: number): void {
    if (!isEditable(this.props.status)) throw planNotEditable(this.props.status);
    if (expectedVersion !== this.props.version) throw planVersionConflict(this.props.version);
    Plan.validate(content);
    this.props = { ...this.props, ...content, version: this.props.version + 1 };
    this.record(domainEvent('planning.plan-revised', 'plan', this.id, { version: this.props.version, tasks: content.tasks.length }));
  }

  submit(by: string): void {
    this.move('submit', by, {});
  }

  approve(by: string): void {
    this.move('approve', by, {});
  }

  returnForRevision(by: string, at: string, comments: { text: string; field: string | null }[]): void {
    if (comments.length === 0 || comments.some((c) => !c.text.trim())) {
      throw planInvalid('body.comments', 'Cần ghi ý kiến khi trả lại dự thảo.', 'Returning a draft needs comments.');
    }
    this.move('return', by, { comments });
    this.props = { ...this.props, reviewComments: comments.map((c) => ({ ...c, by, at })) };
  }

  issue(by: string, number: number, issueDate: string, assignments: number): void {
    if (!Number.isInteger(number) || number < 1) throw planInvalid('body.number', 'Số kế hoạch phải là số nguyên dương.', 'The plan number must be a positive integer.');
    if (!isIsoDate(issueDate) || Number(issueDate.slice(0, 4)) !== this.props.year) {
      throw planInvalid('body.issueDate', 'Ngày ban hành phải là ngày hợp lệ trong năm của kế hoạch.', 'The issue date must be a valid date in the plan’s year.');
    }
    this.props = { ...this.props, number, issueDate };
    this.move('issue', by, { number, symbol: `${number}/${this.props.symbol}`, issueDate, assignments });
  }

  private move(transition: PlanTransition, by: string, payload: object): void {
    const to = nextStatus(this.props.status, transition);
    if (!to) throw planTransitionRefused(this.props.status, transition);
    const from = this.props.status;
    this.props = { ...this.props, status: to, version: this.props.version + 1 };
    this.record(domainEvent(`planning.plan-${PAST[transition]}`, 'plan', this.id, { from, to, by, ...payload }));
  }

  private static validate(c: Pick<PlanDraftContent, 'title' | 'year' | 'tasks' | 'symbol'>): void {
    if (!c.title.trim() || c.title.length > 500) throw planInvalid('body.title', 'Tên kế hoạch là bắt buộc (tối đa 500 ký tự).', 'A title is required (max 500).');
    if (!Number.isInteger(c.year) || c.year < 2000 || c.year > 2100) throw planInvalid('body.year', 'Năm không hợp lệ.', 'Invalid year.');
    if (!/^[A-ZĐ0-9][A-ZĐ0-9-]{0,30}$/.test(c.symbol)) throw planInvalid('body.symbol', 'Ký hiệu dạng "KH-UBND".', 'The symbol looks like "KH-UBND".');
    c.tasks.forEach((t, i) => {
      if (!t.content.trim()) throw planInvalid(`body.tasks.${i}.content`, 'Nội dung nhiệm vụ là bắt buộc.', 'A task needs its content.');
      if (t.leads.length === 0) throw planInvalid(`body.tasks.${i}.leads`, 'Nhiệm vụ cần ít nhất một đơn vị chủ trì ("5 rõ").', 'A task needs at least one lead unit.');
    });
  }
}

const PAST: Record<PlanTransition, string> = { submit: 'submitted', approve: 'approved', return: 'returned', issue: 'issued', close: 'closed' };

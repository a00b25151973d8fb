import { isEditable, nextStatus, type PlanStatus, type PlanTransition } from './plan-lifecycle';

const ALL: PlanStatus[] = ['draft', 'submitted', 'approved', 'returned', 'issued', 'closed'];
const EXPECTED: Record<PlanTransition, Partial<Record<PlanStatus, PlanStatus>>> = {
  submit: { draft: 'submitted', returned: 'submitted' },
  approve: { submitted: 'approved' },
  return: { submitted: 'returned' },
  issue: { approved: 'issued' },
  close: { issued: 'closed' },
  amend: { issued: 'issued' },
};

describe('plan lifecycle', () => {
  // The whole table: every status × every transition, allowed or refused.
  for (const [transition, allowed] of Object.entries(EXPECTED) as [PlanTransition, Partial<Record<PlanStatus, PlanStatus>>][]) {
    it.each(ALL)(`${transition} from %s`, (from) => {
      expect(nextStatus(from, transition)).toBe(allowed[from] ?? null);
    });
  }

  it('only drafts and returned drafts are editable', () => {
    expect(ALL.filter(isEditable)).toEqual(['draft', 'returned']);
  });
});

import { isEditable, mayPerform, nextStatus, type PlanStatus, type PlanTransition } from './plan-lifecycle';

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

  it.each([
    ['approve', 1, ['leader'], true],
    ['approve', 1, ['department-officer', 'focal-officer'], false],
    ['approve', 2, ['commune-leader'], true],
    ['approve', 2, ['leader'], false],
    ['submit', 1, ['department-officer'], true],
    ['submit', 2, ['commune-officer'], true],
    ['submit', 1, ['commune-officer'], false],
    ['issue', 1, ['office-officer'], true],
    ['return', 1, ['admin'], false],
  ] as const)('%s on a tier-%s plan by %j → %s', (t, tier, roles, ok) => {
    expect(mayPerform(t, tier, roles)).toBe(ok);
  });
});

import { Plan } from '@dieu-hanh/api/planning/domain';
import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { assertMayTransition } from './plan-access';

const scope = (over: Partial<AccessScope>): AccessScope =>
  scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: ['department-officer'], realm: 'ha-noi', ...over });

const cityPlan = () =>
  Plan.draft({
    id: 'p1',
    provinceCode: '01',
    issuerUnitCode: '01-UBND',
    draftingUnitCode: '01-SKHCN',
    issuerTier: 1,
    title: 'Kế hoạch',
    symbol: 'KH-UBND',
    year: 2025,
    focalUnitCode: null,
    parentPlanId: null,
    document: { theme: null, legalBases: [], purposes: [], directingLeaders: [], reportingDuties: [], sections: [] },
    indicators: [],
    tasks: [{ id: 't', ordinal: 1, section: null, content: 'x', expectedResult: null, directingLeader: null, timeframe: null, timeframeNormalized: null, notes: null, parentTaskId: null, leads: [{ unit: '01-SKHCN' }], coordinators: [] }],
  });
const communePlan = () =>
  Plan.draft({ ...cityPlan().snapshot(), id: 'p2', issuerUnitCode: '00070', draftingUnitCode: '00070', issuerTier: 2 });

const code = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('who may act on a plan', () => {
  it.each([
    ['the drafting department edits its draft', cityPlan, scope({}), 'revise', 'ok'],
    ['another department may not edit it', cityPlan, scope({ unitCode: '01-SGDDT' }), 'revise', 'AUTH.FORBIDDEN'],
    ['the drafting department submits', cityPlan, scope({}), 'submit', 'ok'],
    ['a department may not approve', cityPlan, scope({}), 'approve', 'AUTH.FORBIDDEN'],
    ['a city leader approves', cityPlan, scope({ unitCode: '01-UBND', roles: ['leader'] }), 'approve', 'ok'],
    // Whether the plan exists for the caller is planInSight's (visibility); here the plan is in sight.
    ['a commune leader approves the commune’s plan', communePlan, scope({ tier: 2, unitCode: '00070', communeCode: '00070', roles: ['commune-leader'] }), 'approve', 'ok'],
    ['another commune’s leader does not decide it', communePlan, scope({ tier: 2, unitCode: '00004', communeCode: '00004', roles: ['commune-leader'] }), 'approve', 'AUTH.FORBIDDEN'],
    ['the committee office issues a city plan', cityPlan, scope({ unitCode: '01-VPUBND', roles: ['office-officer'] }), 'issue', 'ok'],
    ['the committee office does not approve', cityPlan, scope({ unitCode: '01-VPUBND', roles: ['office-officer'] }), 'approve', 'AUTH.FORBIDDEN'],
    ['a commune leader submits the commune’s own draft', communePlan, scope({ tier: 2, unitCode: '00070', communeCode: '00070', roles: ['commune-leader'] }), 'submit', 'ok'],
    ['a city leader does not approve a commune’s plan', communePlan, scope({ unitCode: '01-UBND', roles: ['leader'] }), 'approve', 'AUTH.FORBIDDEN'],
  ] as const)('%s', (_l, plan, who, transition, expected) => {
    expect(code(() => assertMayTransition(plan(), who, transition))).toBe(expected);
  });
});

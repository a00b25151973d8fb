import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { type PlanStanding, allowedActions, mayAssignUnit, planListActions, planVisibility } from './plan-access.policy';

const scope = (unitCode: string, roles: string[], over: Partial<AccessScope> = {}): AccessScope =>
  scopeFor({ provinceCode: '01', unitCode, tier: 1, roles, realm: 'ha-noi', ...over });
const leader = scope('01-UBND', ['leader']);
const office = scope('01-VPUBND', ['office-officer']);
const admin = scope('01-VPUBND', ['admin']);
const skhcn = scope('01-SKHCN', ['department-officer', 'focal-officer']);
const sgddt = scope('01-SGDDT', ['department-officer']);
const hkOfficer = scope('00070', ['commune-officer'], { tier: 2, communeCode: '00070' });
const hkLeader = scope('00070', ['commune-leader'], { tier: 2, communeCode: '00070' });
const bdLeader = scope('00004', ['commune-leader'], { tier: 2, communeCode: '00004' });

const city = (over: Partial<PlanStanding>): PlanStanding => ({
  status: 'draft', issuerTier: 1, issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN', myRoles: [], holdsAssignment: false, ...over,
});
const commune = (over: Partial<PlanStanding>): PlanStanding => city({ issuerTier: 2, issuerUnitCode: '00070', draftingUnitCode: '00070', ...over });

describe('allowedActions: what a caller may do with a plan now (status × role × unit)', () => {
  it.each([
    ['the drafting department on its draft', skhcn, city({ status: 'draft' }), ['revise', 'submit', 'view-history']],
    ['the drafting department on its returned draft', skhcn, city({ status: 'returned' }), ['revise', 'submit', 'view-history']],
    ['another department on the draft', sgddt, city({ status: 'draft' }), ['view-history']],
    ['the drafting department once submitted', skhcn, city({ status: 'submitted' }), ['view-history']],
    ['the city leader on a submitted plan', leader, city({ status: 'submitted', myRoles: ['issuer'] }), ['approve', 'return', 'view-history']],
    ['the committee office on a submitted plan', office, city({ status: 'submitted' }), ['view-history']],
    ['the city leader on an approved plan', leader, city({ status: 'approved', myRoles: ['issuer'] }), ['issue', 'view-history']],
    ['the committee office on an approved plan', office, city({ status: 'approved' }), ['issue', 'view-history']],
    ['the city leader on an issued plan', leader, city({ status: 'issued', myRoles: ['issuer'] }), ['close', 'amend', 'view-history', 'track-implementation']],
    ['the committee office on an issued plan', office, city({ status: 'issued' }), ['amend', 'view-history']],
    ['an administrator on an issued plan', admin, city({ status: 'issued' }), ['view-history']],
    ['the focal department on an issued plan', skhcn, city({ status: 'issued', myRoles: ['drafting', 'focal'] }), ['view-history', 'track-implementation']],
    ['a department holding work in an issued plan', sgddt, city({ status: 'issued', myRoles: ['lead'], holdsAssignment: true }), ['implement', 'view-history']],
    ['a commune holding work in an issued city plan', hkOfficer, city({ status: 'issued', myRoles: ['lead'], holdsAssignment: true }), ['implement', 'view-history']],
    ['a commune whose offices only hold work', hkOfficer, city({ status: 'issued', myRoles: ['lead'], holdsAssignment: false }), ['view-history']],
    ['a commune leader on an issued city plan it holds work in', hkLeader, city({ status: 'issued', holdsAssignment: true }), ['implement', 'view-history']],
    ['a commune on a closed plan it held work in', hkOfficer, city({ status: 'closed', holdsAssignment: true }), ['view-history']],
    ['the city leader never decides a commune’s plan', leader, commune({ status: 'submitted' }), ['view-history']],
    ['the commune leader on its commune’s submitted plan', hkLeader, commune({ status: 'submitted', myRoles: ['issuer'] }), ['approve', 'return', 'view-history']],
    ['the commune leader drafting its own plan', hkLeader, commune({ status: 'draft', myRoles: ['drafting', 'issuer'] }), ['revise', 'submit', 'view-history']],
    ['the commune leader on its issued plan', hkLeader, commune({ status: 'issued' }), ['close', 'amend', 'view-history']],
    ['another commune’s leader', bdLeader, commune({ status: 'submitted' }), ['view-history']],
    ['the commune officer on its approved plan', hkOfficer, commune({ status: 'approved' }), ['view-history']],
  ] as const)('%s', (_l, who, plan, expected) => {
    expect(allowedActions(who, plan)).toEqual(expected);
  });
});

describe('the collection', () => {
  it.each([
    ['a city leader reviews', leader, ['review']],
    ['a department drafts', skhcn, ['draft']],
    ['the committee office drafts', office, ['draft']],
    ['an administrator does neither', admin, []],
    ['a commune officer drafts and has its unit’s work', hkOfficer, ['draft', 'my-work']],
    ['a commune leader drafts, reviews and has its unit’s work', hkLeader, ['draft', 'review', 'my-work']],
    ['a tier-2 account without a commune does not draft', scope('00070', ['commune-officer'], { tier: 2, communeCode: null }), ['my-work']],
  ] as const)('%s', (_l, who, expected) => {
    expect(planListActions(who)).toEqual(expected);
  });
});

describe('visibility parameters', () => {
  it('a commune implements for itself and its offices; a department for itself', () => {
    expect(planVisibility(scope('00070-VHXH', ['commune-officer'], { tier: 2, communeCode: '00070' }))).toMatchObject({ communeCode: '00070', holderCode: '00070', seesWholeProvince: false });
    expect(planVisibility(sgddt)).toMatchObject({ communeCode: null, holderCode: '01-SGDDT', seesWholeProvince: false });
    expect(planVisibility(leader).seesWholeProvince).toBe(true);
    expect(planVisibility(office).seesWholeProvince).toBe(true);
  });
});

describe('write scope', () => {
  const dept = { tier: 1 as const, communeCode: null };
  const hoanKiem = { tier: 2 as const, communeCode: '00070' };
  const baDinh = { tier: 2 as const, communeCode: '00004' };
  it.each([
    ['a city plan assigns a department', { tier: 1 as const }, dept, true],
    ['a city plan assigns any commune', { tier: 1 as const }, baDinh, true],
    ['a commune plan assigns the commune itself and its offices', { tier: 2 as const, communeCode: '00070' }, hoanKiem, true],
    ['a commune plan never assigns another commune', { tier: 2 as const, communeCode: '00070' }, baDinh, false],
    ['a commune plan never assigns a department', { tier: 2 as const, communeCode: '00070' }, dept, false],
  ])('%s', (_l, issuer, unit, expected) => {
    expect(mayAssignUnit(issuer, unit)).toBe(expected);
  });
});

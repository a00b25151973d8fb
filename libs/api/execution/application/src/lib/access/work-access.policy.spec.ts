import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import {
  NOT_STARTED,
  type WorkFacts,
  type WorkStanding,
  mayViewWork,
  obstacleHandlerOf,
  verifierOf,
  workActions,
  workVisibility,
} from './work-access.policy';

const scope = (unitCode: string, roles: string[], over: Partial<AccessScope> = {}): AccessScope =>
  scopeFor({ provinceCode: '01', unitCode, tier: 1, roles, realm: 'ha-noi', ...over });
const t2 = (unitCode: string, roles: string[], communeCode: string | null) => scope(unitCode, roles, { tier: 2, communeCode });

const leader = scope('01-UBND', ['leader']);
const office = scope('01-VPUBND', ['office-officer']);
const admin = scope('01-VPUBND', ['admin']);
const skhcn = scope('01-SKHCN', ['department-officer', 'focal-officer']); // the plan's focal and drafting unit
const sgddt = scope('01-SGDDT', ['department-officer']); // leads task 1
const sxd = scope('01-SXD', ['department-officer']); // takes no part
const hk = t2('00070', ['commune-officer'], '00070');
const hkLeader = t2('00070', ['commune-leader'], '00070');
const hkOffice = t2('00070-VHXH', ['commune-officer'], '00070');
const bd = t2('00004', ['commune-officer'], '00004');
const bdLeader = t2('00004', ['commune-leader'], '00004');
const otherProvince = scope('31-UBND', ['leader'], { provinceCode: '31' });
const noCommune = t2('00070', ['commune-officer'], null);

/** Task 1 of a city plan: 01-SGDDT leads, the commune 00070 coordinates; 01-SKHCN drafts and is focal. */
const city = (over: Partial<WorkFacts> = {}): WorkFacts => ({
  provinceCode: '01',
  unitCode: '00070',
  unitCommuneCode: '00070',
  role: 'coordinator',
  assignmentStatus: 'assigned',
  planStatus: 'issued',
  taskRemoved: false,
  issuerTier: 1,
  issuerUnitCode: '01-UBND',
  draftingUnitCode: '01-SKHCN',
  focalUnitCode: '01-SKHCN',
  taskLeads: [{ unitCode: '01-SGDDT', communeCode: null }],
  ...over,
});
/** The commune 00070 leads a task of the city plan (no lead above it). */
const communeLeads = (over: Partial<WorkFacts> = {}) => city({ role: 'lead', taskLeads: [{ unitCode: '00070', communeCode: '00070' }], ...over });
/** A commune's own plan: 00070 issues, its office drafts and leads. */
const communePlan = (over: Partial<WorkFacts> = {}) =>
  city({
    unitCode: '00070-VHXH', role: 'lead', issuerTier: 2, issuerUnitCode: '00070', draftingUnitCode: '00070-VHXH', focalUnitCode: null,
    taskLeads: [{ unitCode: '00070-VHXH', communeCode: '00070' }], ...over,
  });
const state = (over: Partial<WorkStanding>): WorkStanding => ({ ...NOT_STARTED, ...over });

describe('mayViewWork: who sees an assignment', () => {
  it.each([
    ['the city leader', leader, city(), true],
    ['the committee office', office, city(), true],
    ['an administrator of the office (no office-officer role) only by unit', admin, city(), false],
    ['the focal and drafting department', skhcn, city(), true],
    ['the task’s lead department', sgddt, city(), true],
    ['a department with no part', sxd, city(), false],
    ['the assignee commune', hk, city(), true],
    ['the assignee commune’s office, for the commune’s work', hkOffice, city(), true],
    ['the commune, for its office’s work', hk, city({ unitCode: '00070-VHXH' }), true],
    ['another commune', bd, city(), false],
    ['another commune’s leader', bdLeader, city(), false],
    ['another commune, even leading the task', bd, city({ taskLeads: [{ unitCode: '00004', communeCode: '00004' }] }), false],
    ['a commune never sees a department’s assignment', hk, city({ unitCode: '01-SGDDT', unitCommuneCode: null, role: 'lead' }), false],
    ['another province’s leader', otherProvince, city(), false],
    ['a tier-2 account without a known commune: its own unit', noCommune, city(), true],
    ['a tier-2 account without a known commune: not its offices', noCommune, city({ unitCode: '00070-VHXH' }), false],
    ['a withdrawn assignment stays visible to its holder', hk, city({ assignmentStatus: 'withdrawn' }), true],
  ] as const)('%s → %s', (_l, who, facts, expected) => {
    expect(mayViewWork(workVisibility(who), facts)).toBe(expected);
  });
});

describe('verifierOf: who verifies follows who asked', () => {
  it('a coordinator’s contribution: the task’s lead unit', () => {
    expect(verifierOf(city())).toEqual({ kind: 'lead', units: [{ unitCode: '01-SGDDT', communeCode: null }] });
  });
  it('a lead’s completion: the plan’s focal unit', () => {
    expect(verifierOf(communeLeads())).toEqual({ kind: 'focal', units: [{ unitCode: '01-SKHCN', communeCode: null }] });
  });
  it('without a focal unit: the issuing committee', () => {
    expect(verifierOf(communeLeads({ focalUnitCode: null }))).toEqual({ kind: 'issuer', units: [{ unitCode: '01-UBND', communeCode: null }] });
  });
  it('the focal unit never verifies its own work: the issuing committee does', () => {
    expect(verifierOf(city({ unitCode: '01-SKHCN', unitCommuneCode: null, role: 'lead', taskLeads: [{ unitCode: '01-SKHCN', communeCode: null }] })).kind).toBe('issuer');
  });
  it('a coordinator whose lead is another commune: not that commune, the focal unit', () => {
    expect(verifierOf(city({ taskLeads: [{ unitCode: '00004', communeCode: '00004' }] })).kind).toBe('focal');
  });
  it('inside a commune’s own plan: the commune’s leaders', () => {
    expect(verifierOf(communePlan())).toEqual({ kind: 'commune', units: [{ unitCode: '00070', communeCode: '00070' }] });
    expect(verifierOf(communePlan({ role: 'coordinator', unitCode: '00070' })).kind).toBe('commune');
  });
});

describe('obstacleHandlerOf', () => {
  it('the focal unit, else the issuing committee', () => {
    expect(obstacleHandlerOf(city())).toEqual({ kind: 'focal', unitCode: '01-SKHCN' });
    expect(obstacleHandlerOf(city({ focalUnitCode: null }))).toEqual({ kind: 'issuer', unitCode: '01-UBND' });
    expect(obstacleHandlerOf(communePlan())).toEqual({ kind: 'issuer', unitCode: '00070' });
  });
});

const ASSIGNEE = ['update-progress', 'upload-evidence', 'raise-obstacle', 'request-extension'];

describe('workActions: what a caller may do now (role × state × unit)', () => {
  it.each([
    // The assignee writes; nobody else does.
    ['the assignee commune officer, not started', hk, city(), NOT_STARTED, ASSIGNEE],
    ['the assignee commune leader', hkLeader, city(), NOT_STARTED, ASSIGNEE],
    ['the commune acts for its office', hk, city({ unitCode: '00070-VHXH' }), NOT_STARTED, ASSIGNEE],
    ['the office does not act for the commune', hkOffice, city(), NOT_STARTED, []],
    ['a tier-2 account without a known commune: its own unit still', noCommune, city(), NOT_STARTED, ASSIGNEE],
    ['another commune does nothing', bd, city(), NOT_STARTED, []],
    ['a department officer writes for its own assignment', sgddt, city({ unitCode: '01-SGDDT', unitCommuneCode: null, role: 'lead' }), NOT_STARTED, ASSIGNEE],
    ['an administrator writes nothing', admin, city({ unitCode: '01-VPUBND', unitCommuneCode: null }), NOT_STARTED, []],
    // Urging.
    ['the lead department urges its coordinator', sgddt, city(), NOT_STARTED, ['urge']],
    ['the focal department urges', skhcn, city(), NOT_STARTED, ['urge']],
    ['the city leader urges', leader, city(), NOT_STARTED, ['urge']],
    ['the committee office urges', office, city(), NOT_STARTED, ['urge']],
    ['a department with no part does not urge', sxd, city(), NOT_STARTED, []],
    ['nobody urges verified work', leader, city(), state({ status: 'done', verification: 'verified' }), []],
    // Verification.
    ['the lead verifies its coordinator’s pending work', sgddt, city(), state({ status: 'done', verification: 'pending' }), ['verify', 'return', 'urge']],
    ['the focal unit does not verify a coordinator with a lead', skhcn, city(), state({ status: 'done', verification: 'pending' }), ['urge']],
    ['the focal unit verifies the lead commune', skhcn, communeLeads(), state({ status: 'done', verification: 'pending' }), ['verify', 'return', 'urge']],
    ['the lead commune cannot verify itself', hk, communeLeads(), state({ status: 'done', verification: 'pending' }), ASSIGNEE],
    ['the committee office verifies where no focal unit is named', office, communeLeads({ focalUnitCode: null }), state({ status: 'unable', verification: 'pending' }), ['verify', 'return', 'urge']],
    ['the leader verifies where no focal unit is named', leader, communeLeads({ focalUnitCode: null }), state({ status: 'done', verification: 'pending' }), ['verify', 'return', 'urge']],
    ['nothing to verify before a report', sgddt, city(), state({ status: 'in-progress', verification: 'none' }), ['urge']],
    ['returned work waits for the assignee', sgddt, city(), state({ status: 'done', verification: 'returned' }), ['urge']],
    ['verified work is closed to the assignee', hk, city(), state({ status: 'done', verification: 'verified' }), []],
    // A commune's own plan.
    ['the commune leader verifies its office', hkLeader, communePlan(), state({ status: 'done', verification: 'pending' }), [...ASSIGNEE, 'verify', 'return']],
    ['the commune officer does not verify', hk, communePlan(), state({ status: 'done', verification: 'pending' }), ASSIGNEE],
    ['the city leader has no part in a commune’s plan', leader, communePlan(), state({ status: 'done', verification: 'pending' }), []],
    ['another commune’s leader has none either', bdLeader, communePlan(), state({ status: 'done', verification: 'pending' }), []],
    // Obstacles and directives.
    ['the focal unit answers or escalates an open obstacle', skhcn, city(), state({ openObstacles: 1 }), ['urge', 'answer-obstacle', 'escalate-obstacle']],
    ['the lead does not handle obstacles', sgddt, city(), state({ openObstacles: 1 }), ['urge']],
    ['the office handles obstacles where no focal unit is named', office, city({ focalUnitCode: null }), state({ openObstacles: 1 }), ['urge', 'answer-obstacle', 'escalate-obstacle']],
    ['the leader gives a directive on an escalated obstacle', leader, city(), state({ escalatedObstacles: 1 }), ['urge', 'give-directive']],
    ['the office does not give directives', office, city(), state({ escalatedObstacles: 1 }), ['urge']],
    ['the commune leader directs in its own plan (it acts for its office too, so it does not urge itself)', hkLeader, communePlan(), state({ escalatedObstacles: 1, openObstacles: 1 }), [...ASSIGNEE, 'answer-obstacle', 'escalate-obstacle', 'give-directive']],
    // Extensions.
    ['one extension request at a time', hk, city(), state({ pendingExtension: true }), ['update-progress', 'upload-evidence', 'raise-obstacle']],
    ['the verifier decides the extension', sgddt, city(), state({ pendingExtension: true }), ['urge', 'decide-extension']],
    ['the focal unit does not decide a coordinator’s extension', skhcn, city(), state({ pendingExtension: true }), ['urge']],
    // Only in force, in an issued plan, on a live task.
    ['a withdrawn assignment: nothing', hk, city({ assignmentStatus: 'withdrawn' }), NOT_STARTED, []],
    ['a closed plan: nothing', hk, city({ planStatus: 'closed' }), NOT_STARTED, []],
    ['a removed task: nothing', hk, city({ taskRemoved: true }), NOT_STARTED, []],
    ['another province: nothing', otherProvince, city(), state({ verification: 'pending', escalatedObstacles: 1 }), []],
  ] as const)('%s', (_l, who, facts, st, expected) => {
    expect(workActions(who, facts, st)).toEqual(expected);
  });
});

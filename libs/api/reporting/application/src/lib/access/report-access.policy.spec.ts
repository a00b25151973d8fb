import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import type { ConsolidatedReportAction, ConsolidatedReportStatus, PeriodAction, UnitReportAction, UnitReportStatus } from '@dieu-hanh/shared/contracts';
import {
  type PlanAccessFacts,
  actsForFocalUnit,
  consolidatedActions,
  isOwnUnit,
  leadsIssuer,
  mayApproveForUnit,
  mayViewConsolidated,
  mayViewPeriod,
  mayViewUnitReport,
  mayWriteUnitReport,
  periodActions,
  reportingUnitOf,
  seesWholePlan,
  unitReportActions,
} from './report-access.policy';

/**
 * Reporting's access policy as a table: every scope below × a city plan of Hà Nội (focal unit Sở KH&CN) and
 * Phường Hoàn Kiếm's own plan. Each row is written out by hand from the rules in docs/reporting.md ("Access"),
 * so a rule changed in the policy alone fails here.
 */

type Who = 'leader' | 'office' | 'focal' | 'otherDept' | 'hkOfficer' | 'hkLeader' | 'badinh' | 'haiphong';
const SCOPES: Record<Who, AccessScope> = {
  leader: scopeFor({ provinceCode: '01', unitCode: '01-UBND', tier: 1, roles: ['leader'], username: 'lanhdao' }),
  office: scopeFor({ provinceCode: '01', unitCode: '01-VPUBND', tier: 1, roles: ['office-officer'], username: 'vpubnd.chuyenvien' }),
  focal: scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: ['department-officer'], username: 'skhcn.canbo' }),
  otherDept: scopeFor({ provinceCode: '01', unitCode: '01-SGDDT', tier: 1, roles: ['department-officer'], username: 'sgddt.canbo' }),
  hkOfficer: scopeFor({ provinceCode: '01', unitCode: '00070', tier: 2, communeCode: '00070', roles: ['commune-officer'], username: 'hoankiem.canbo' }),
  hkLeader: scopeFor({ provinceCode: '01', unitCode: '00070', tier: 2, communeCode: '00070', roles: ['commune-leader'], username: 'hoankiem.lanhdao' }),
  badinh: scopeFor({ provinceCode: '01', unitCode: '00004', tier: 2, communeCode: '00004', roles: ['commune-officer'], username: 'badinh.canbo' }),
  haiphong: scopeFor({ provinceCode: '31', unitCode: '11413', tier: 2, communeCode: '11413', roles: ['commune-officer'], username: 'haian.canbo' }),
};
const WHO = Object.keys(SCOPES) as Who[];

const CITY: PlanAccessFacts = { provinceCode: '01', issuerUnitCode: '01-UBND', issuerTier: 1, draftingUnitCode: '01-SKHCN', focalUnitCode: '01-SKHCN' };
const COMMUNE: PlanAccessFacts = { provinceCode: '01', issuerUnitCode: '00070', issuerTier: 2, draftingUnitCode: '00070', focalUnitCode: null };
/** A city plan without a focal unit, drafted by Sở GD&ĐT. */
const CITY_NO_FOCAL: PlanAccessFacts = { provinceCode: '01', issuerUnitCode: '01-UBND', issuerTier: 1, draftingUnitCode: '01-SGDDT', focalUnitCode: null };
const HAI_PHONG: PlanAccessFacts = { provinceCode: '31', issuerUnitCode: '31-UBND', issuerTier: 1, draftingUnitCode: '31-SXD', focalUnitCode: '31-SXD' };

/** Hoàn Kiếm's report, one of its offices', Ba Đình's and a department's. */
const HK = { unitCode: '00070', unitCommuneCode: '00070' };
const HK_OFFICE = { unitCode: '00070-VHXH', unitCommuneCode: '00070' };
const BD = { unitCode: '00004', unitCommuneCode: '00004' };
const SGDDT = { unitCode: '01-SGDDT', unitCommuneCode: null };

/** Runs `f` for every scope and compares with the expected row (one assertion per table, so a diff names the scope). */
function row<T>(f: (s: AccessScope) => T): Record<Who, T> {
  return Object.fromEntries(WHO.map((w) => [w, f(SCOPES[w])])) as Record<Who, T>;
}

describe('who sees the whole plan', () => {
  it('seesWholePlan', () => {
    expect(row((s) => [seesWholePlan(s, CITY), seesWholePlan(s, COMMUNE), seesWholePlan(s, CITY_NO_FOCAL)])).toEqual({
      leader: [true, false, true],
      office: [true, false, true],
      focal: [true, false, false],
      otherDept: [false, false, true], // drafts CITY_NO_FOCAL
      hkOfficer: [false, true, false],
      hkLeader: [false, true, false],
      badinh: [false, false, false],
      haiphong: [false, false, false],
    });
  });
});

describe('mayViewPeriod', () => {
  it('a city plan: every tier-1 unit of the province; a commune only when expected', () => {
    expect(row((s) => [mayViewPeriod(s, CITY, false), mayViewPeriod(s, CITY, true)])).toEqual({
      leader: [true, true],
      office: [true, true],
      focal: [true, true],
      otherDept: [true, true],
      hkOfficer: [false, true],
      hkLeader: [false, true],
      badinh: [false, true],
      haiphong: [false, false], // another province: not even when "expected"
    });
  });

  it('a commune’s own plan: that commune only (and a unit expected in it)', () => {
    expect(row((s) => [mayViewPeriod(s, COMMUNE, false), mayViewPeriod(s, COMMUNE, true)])).toEqual({
      leader: [false, true],
      office: [false, true],
      focal: [false, true],
      otherDept: [false, true],
      hkOfficer: [true, true],
      hkLeader: [true, true],
      badinh: [false, true],
      haiphong: [false, false],
    });
  });
});

describe('mayViewUnitReport', () => {
  it('Hoàn Kiếm’s report: the whole plan’s viewers and Hoàn Kiếm itself', () => {
    expect(row((s) => [mayViewUnitReport(s, CITY, HK.unitCode, HK.unitCommuneCode), mayViewUnitReport(s, COMMUNE, HK.unitCode, HK.unitCommuneCode)])).toEqual({
      leader: [true, false],
      office: [true, false],
      focal: [true, false],
      otherDept: [false, false],
      hkOfficer: [true, true],
      hkLeader: [true, true],
      badinh: [false, false],
      haiphong: [false, false],
    });
  });

  it('an office of Hoàn Kiếm: the commune sees it, Ba Đình does not', () => {
    expect(row((s) => mayViewUnitReport(s, CITY, HK_OFFICE.unitCode, HK_OFFICE.unitCommuneCode))).toEqual({
      leader: true, office: true, focal: true, otherDept: false, hkOfficer: true, hkLeader: true, badinh: false, haiphong: false,
    });
  });

  it('a department’s report: the department and the whole plan’s viewers, no commune', () => {
    expect(row((s) => mayViewUnitReport(s, CITY, SGDDT.unitCode, SGDDT.unitCommuneCode))).toEqual({
      leader: true, office: true, focal: true, otherDept: true, hkOfficer: false, hkLeader: false, badinh: false, haiphong: false,
    });
  });
});

describe('who acts and decides', () => {
  it('actsForFocalUnit: the focal unit’s officers; for a commune plan its leader', () => {
    expect(row((s) => [actsForFocalUnit(s, CITY), actsForFocalUnit(s, COMMUNE), actsForFocalUnit(s, HAI_PHONG)])).toEqual({
      leader: [false, false, false],
      office: [false, false, false],
      focal: [true, false, false],
      otherDept: [false, false, false],
      hkOfficer: [false, false, false],
      hkLeader: [false, true, false],
      badinh: [false, false, false],
      haiphong: [false, false, false],
    });
    // At the focal unit a focal-officer role alone is enough; an administrator's is not.
    expect(actsForFocalUnit(scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: ['focal-officer'] }), CITY)).toBe(true);
    expect(actsForFocalUnit(scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: ['admin'] }), CITY)).toBe(false);
  });

  it('leadsIssuer: the province’s leaders for a city plan, the commune’s leader for its own', () => {
    expect(row((s) => [leadsIssuer(s, CITY), leadsIssuer(s, COMMUNE), leadsIssuer(s, HAI_PHONG)])).toEqual({
      leader: [true, false, false],
      office: [false, false, false],
      focal: [false, false, false],
      otherDept: [false, false, false],
      hkOfficer: [false, false, false],
      hkLeader: [false, true, false],
      badinh: [false, false, false],
      haiphong: [false, false, false],
    });
  });

  it('mayWriteUnitReport: only the unit’s own accounts (a commune for itself and its offices)', () => {
    expect(row((s) => [HK, HK_OFFICE, BD, SGDDT].map((u) => mayWriteUnitReport(s, u.unitCode, u.unitCommuneCode)))).toEqual({
      leader: [false, false, false, false],
      office: [false, false, false, false],
      focal: [false, false, false, false],
      otherDept: [false, false, false, true],
      hkOfficer: [true, true, false, false],
      hkLeader: [true, true, false, false],
      badinh: [false, false, true, false],
      haiphong: [false, false, false, false],
    });
    // An account with no officer role (an administrator) writes nothing, even for its own unit.
    expect(mayWriteUnitReport(scopeFor({ provinceCode: '01', unitCode: '01-SGDDT', tier: 1, roles: ['admin'] }), '01-SGDDT', null)).toBe(false);
  });

  it('mayApproveForUnit: the unit’s leader only', () => {
    expect(row((s) => [HK, HK_OFFICE, BD, SGDDT].map((u) => mayApproveForUnit(s, u.unitCode, u.unitCommuneCode)))).toEqual({
      leader: [false, false, false, false],
      office: [false, false, false, false],
      focal: [false, false, false, false],
      otherDept: [false, false, false, false],
      hkOfficer: [false, false, false, false],
      hkLeader: [true, true, false, false],
      badinh: [false, false, false, false],
      haiphong: [false, false, false, false],
    });
    // A tier-1 unit's own leader account approves that unit's report.
    expect(mayApproveForUnit(scopeFor({ provinceCode: '01', unitCode: '01-SGDDT', tier: 1, roles: ['leader'] }), '01-SGDDT', null)).toBe(true);
  });

  it('the reporting unit: a commune account reports for its commune', () => {
    expect(row(reportingUnitOf)).toEqual({
      leader: '01-UBND', office: '01-VPUBND', focal: '01-SKHCN', otherDept: '01-SGDDT', hkOfficer: '00070', hkLeader: '00070', badinh: '00004', haiphong: '11413',
    });
    const office = scopeFor({ provinceCode: '01', unitCode: '00070-VHXH', tier: 2, communeCode: '00070', roles: ['commune-officer'] });
    expect(reportingUnitOf(office)).toBe('00070');
    expect([isOwnUnit(office, '00070', '00070'), isOwnUnit(office, '00070-KT', '00070'), isOwnUnit(office, '00004', '00004')]).toEqual([true, true, false]);
  });
});

describe('allowedActions', () => {
  it('periodActions on the city plan (open and not expected / open and expected / closed and expected)', () => {
    const acts = (s: AccessScope): PeriodAction[][] => [
      periodActions(s, CITY, { status: 'open', callerExpected: false }),
      periodActions(s, CITY, { status: 'open', callerExpected: true }),
      periodActions(s, CITY, { status: 'closed', callerExpected: true }),
    ];
    expect(row(acts)).toEqual({
      leader: [['track'], ['write-report', 'track'], ['track']],
      office: [['track'], ['write-report', 'track'], ['track']],
      focal: [['track', 'urge', 'consolidate', 'close'], ['write-report', 'track', 'urge', 'consolidate', 'close'], ['track', 'consolidate']],
      otherDept: [[], ['write-report'], []],
      hkOfficer: [[], ['write-report'], []],
      hkLeader: [[], ['write-report'], []],
      badinh: [[], ['write-report'], []],
      haiphong: [[], ['write-report'], []],
    });
  });

  it('periodActions on Hoàn Kiếm’s own plan (open / closed, expected)', () => {
    const acts = (s: AccessScope): PeriodAction[][] => [
      periodActions(s, COMMUNE, { status: 'open', callerExpected: s.communeCode === '00070' }),
      periodActions(s, COMMUNE, { status: 'closed', callerExpected: s.communeCode === '00070' }),
    ];
    expect(row(acts)).toEqual({
      leader: [[], []],
      office: [[], []],
      focal: [[], []],
      otherDept: [[], []],
      hkOfficer: [['write-report', 'track'], ['track']],
      hkLeader: [['write-report', 'track', 'urge', 'consolidate', 'close'], ['track', 'consolidate']],
      badinh: [[], []],
      haiphong: [[], []],
    });
  });

  const STATUSES: UnitReportStatus[] = ['draft', 'awaiting-approval', 'submitted', 'accepted', 'returned'];
  const byStatus = (f: (status: UnitReportStatus) => UnitReportAction[]) => Object.fromEntries(STATUSES.map((st) => [st, f(st)]));
  const X: UnitReportAction[] = ['export'];
  const ONLY_EXPORT = { draft: X, 'awaiting-approval': X, submitted: X, accepted: X, returned: X };
  const HK_WRITES = { draft: ['edit', 'submit', 'export'], 'awaiting-approval': ['edit', 'export'], submitted: ['edit', 'export'], accepted: X, returned: ['edit', 'submit', 'export'] };

  it('unitReportActions on Hoàn Kiếm’s report of the city plan, in each status (period open)', () => {
    expect(row((s) => byStatus((status) => unitReportActions(s, CITY, { ...HK, status, periodOpen: true })))).toEqual({
      leader: ONLY_EXPORT,
      office: ONLY_EXPORT,
      focal: { ...ONLY_EXPORT, submitted: ['accept', 'return', 'export'], accepted: ['reopen', 'export'] },
      otherDept: ONLY_EXPORT,
      hkOfficer: HK_WRITES,
      hkLeader: { ...HK_WRITES, 'awaiting-approval': ['edit', 'approve', 'return', 'export'] },
      badinh: ONLY_EXPORT,
      haiphong: ONLY_EXPORT,
    });
  });

  it('unitReportActions on Hoàn Kiếm’s report of its own plan: its leader acts for the focal unit', () => {
    expect(row((s) => byStatus((status) => unitReportActions(s, COMMUNE, { ...HK, status, periodOpen: true })))).toEqual({
      leader: ONLY_EXPORT,
      office: ONLY_EXPORT,
      focal: ONLY_EXPORT,
      otherDept: ONLY_EXPORT,
      hkOfficer: HK_WRITES,
      hkLeader: { ...HK_WRITES, 'awaiting-approval': ['edit', 'approve', 'return', 'export'], submitted: ['edit', 'accept', 'return', 'export'], accepted: ['reopen', 'export'] },
      badinh: ONLY_EXPORT,
      haiphong: ONLY_EXPORT,
    });
  });

  it('a closed period: the unit no longer edits or submits; the focal unit still decides', () => {
    expect(row((s) => byStatus((status) => unitReportActions(s, CITY, { ...HK, status, periodOpen: false })))).toEqual({
      leader: ONLY_EXPORT,
      office: ONLY_EXPORT,
      focal: { ...ONLY_EXPORT, submitted: ['accept', 'return', 'export'], accepted: ['reopen', 'export'] },
      otherDept: ONLY_EXPORT,
      hkOfficer: ONLY_EXPORT,
      hkLeader: { ...ONLY_EXPORT, 'awaiting-approval': ['approve', 'return', 'export'] },
      badinh: ONLY_EXPORT,
      haiphong: ONLY_EXPORT,
    });
  });

  const C_STATUSES: ConsolidatedReportStatus[] = ['draft', 'submitted', 'approved', 'returned'];
  const cByStatus = (f: (status: ConsolidatedReportStatus) => ConsolidatedReportAction[]) => Object.fromEntries(C_STATUSES.map((st) => [st, f(st)]));
  const CX: ConsolidatedReportAction[] = ['export'];
  const C_ONLY_EXPORT = { draft: CX, submitted: CX, approved: CX, returned: CX };
  const COMPOSER = { draft: ['edit', 'submit', 'export'], submitted: CX, approved: ['reopen', 'export'], returned: ['edit', 'submit', 'export'] };
  const DECIDER = { draft: CX, submitted: ['approve', 'return', 'export'], approved: ['reopen', 'export'], returned: CX };

  it('consolidatedActions on the city plan, in each status', () => {
    expect(row((s) => cByStatus((status) => consolidatedActions(s, CITY, status)))).toEqual({
      leader: DECIDER,
      office: C_ONLY_EXPORT,
      focal: COMPOSER,
      otherDept: C_ONLY_EXPORT,
      hkOfficer: C_ONLY_EXPORT,
      hkLeader: C_ONLY_EXPORT,
      badinh: C_ONLY_EXPORT,
      haiphong: C_ONLY_EXPORT,
    });
  });

  it('consolidatedActions on Hoàn Kiếm’s own plan: its leader composes and decides', () => {
    expect(row((s) => cByStatus((status) => consolidatedActions(s, COMMUNE, status)))).toEqual({
      leader: C_ONLY_EXPORT,
      office: C_ONLY_EXPORT,
      focal: C_ONLY_EXPORT,
      otherDept: C_ONLY_EXPORT,
      hkOfficer: C_ONLY_EXPORT,
      hkLeader: { draft: ['edit', 'submit', 'export'], submitted: ['approve', 'return', 'export'], approved: ['reopen', 'export'], returned: ['edit', 'submit', 'export'] },
      badinh: C_ONLY_EXPORT,
      haiphong: C_ONLY_EXPORT,
    });
  });

  it('mayViewConsolidated: the whole plan’s viewers; an approved city report for every tier-1 unit', () => {
    expect(row((s) => cByStatus((status) => [mayViewConsolidated(s, CITY, status), mayViewConsolidated(s, COMMUNE, status)] as never))).toEqual({
      leader: { draft: [true, false], submitted: [true, false], approved: [true, false], returned: [true, false] },
      office: { draft: [true, false], submitted: [true, false], approved: [true, false], returned: [true, false] },
      focal: { draft: [true, false], submitted: [true, false], approved: [true, false], returned: [true, false] },
      otherDept: { draft: [false, false], submitted: [false, false], approved: [true, false], returned: [false, false] },
      hkOfficer: { draft: [false, true], submitted: [false, true], approved: [false, true], returned: [false, true] },
      hkLeader: { draft: [false, true], submitted: [false, true], approved: [false, true], returned: [false, true] },
      badinh: { draft: [false, false], submitted: [false, false], approved: [false, false], returned: [false, false] },
      haiphong: { draft: [false, false], submitted: [false, false], approved: [false, false], returned: [false, false] },
    });
  });
});

describe('isolation', () => {
  const tier2 = WHO.filter((w) => SCOPES[w].tier === 2);
  const BD_OFFICE = { unitCode: '00004-VHXH', unitCommuneCode: '00004' };
  const HA_AN = { unitCode: '11413', unitCommuneCode: '11413' };
  /** The reports each plan can hold: a city plan any unit of its province, a commune's plan only the commune's own units (planning's mayAssignUnit). */
  const REPORTS_IN: [string, PlanAccessFacts, { unitCode: string; unitCommuneCode: string | null }[]][] = [
    ['CITY', CITY, [HK, HK_OFFICE, BD, BD_OFFICE, SGDDT]],
    ['CITY_NO_FOCAL', CITY_NO_FOCAL, [HK, HK_OFFICE, BD, BD_OFFICE, SGDDT]],
    ['COMMUNE', COMMUNE, [HK, HK_OFFICE]],
    ['HAI_PHONG', HAI_PHONG, [HA_AN]],
  ];

  it('a commune never sees another commune’s report, whatever the plan', () => {
    const leaks = tier2.flatMap((w) =>
      REPORTS_IN.flatMap(([plan, facts, reports]) =>
        reports
          .filter((r) => r.unitCommuneCode !== SCOPES[w].communeCode)
          .filter((r) => mayViewUnitReport(SCOPES[w], facts, r.unitCode, r.unitCommuneCode) || mayWriteUnitReport(SCOPES[w], r.unitCode, r.unitCommuneCode))
          .map((r) => `${w} sees ${r.unitCode} in ${plan}`),
      ),
    );
    expect(leaks).toEqual([]);
    // …while each commune does see its own (the check above is not vacuous).
    expect(mayViewUnitReport(SCOPES.badinh, CITY, BD.unitCode, BD.unitCommuneCode)).toBe(true);
    expect(mayViewUnitReport(SCOPES.haiphong, HAI_PHONG, '11413', '11413')).toBe(true);
  });

  it('a commune does not see another commune’s own plan', () => {
    expect([seesWholePlan(SCOPES.badinh, COMMUNE), mayViewPeriod(SCOPES.badinh, COMMUNE, false), mayViewConsolidated(SCOPES.badinh, COMMUNE, 'approved')]).toEqual([false, false, false]);
  });

  it('Hải Phòng sees nothing of Hà Nội, and Hà Nội nothing of Hải Phòng', () => {
    const hp = SCOPES.haiphong;
    const hanoi = [CITY, COMMUNE, CITY_NO_FOCAL];
    const seen = hanoi.flatMap((p) => [
      seesWholePlan(hp, p),
      mayViewPeriod(hp, p, true),
      mayViewPeriod(hp, p, false),
      mayViewUnitReport(hp, p, HK.unitCode, HK.unitCommuneCode),
      mayViewUnitReport(hp, p, '11413', '11413'),
      actsForFocalUnit(hp, p),
      leadsIssuer(hp, p),
      mayViewConsolidated(hp, p, 'approved'),
    ]);
    expect(seen.filter(Boolean)).toEqual([]);
    const hanoiScopes = WHO.filter((w) => w !== 'haiphong');
    const seenOfHp = hanoiScopes.flatMap((w) => {
      const s = SCOPES[w];
      return [
        seesWholePlan(s, HAI_PHONG), mayViewPeriod(s, HAI_PHONG, true), mayViewUnitReport(s, HAI_PHONG, reportingUnitOf(s), s.communeCode),
        actsForFocalUnit(s, HAI_PHONG), leadsIssuer(s, HAI_PHONG), mayViewConsolidated(s, HAI_PHONG, 'approved'),
      ].map((x, i) => (x ? `${w}#${i}` : null));
    });
    expect(seenOfHp.filter(Boolean)).toEqual([]);
    // A Hải Phòng leader sees its own province's plan.
    expect(seesWholePlan(scopeFor({ provinceCode: '31', unitCode: '31-UBND', tier: 1, roles: ['leader'] }), HAI_PHONG)).toBe(true);
  });

  it('a city plan without a focal unit: the committee office acts for it, and nobody else does', () => {
    const acting = (Object.keys(SCOPES) as Who[]).filter((w) => actsForFocalUnit(SCOPES[w], CITY_NO_FOCAL));
    expect(acting).toEqual(['office']);
  });
});

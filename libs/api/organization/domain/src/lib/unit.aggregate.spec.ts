import { DomainError } from '@dieu-hanh/api/shared/kernel';
import { Unit, type ParentFacts, type UnitProps } from './unit.aggregate';
import { followSuccessors } from './successor-chain';

const city: ParentFacts = { code: '01-UBND', kind: 'people-committee', tier: 1, provinceCode: '01', validTo: null };
const commune: ParentFacts = { code: '00070', kind: 'commune', tier: 2, provinceCode: '01', validTo: null };

const dept = (over: Partial<UnitProps> = {}): UnitProps => ({
  code: '01-SXD',
  officialName: 'Sở Xây dựng thành phố Hà Nội',
  shortName: 'Sở Xây dựng',
  kind: 'department',
  tier: 1,
  parentCode: '01-UBND',
  provinceCode: '01',
  validFrom: '2025-03-01',
  validTo: null,
  aliases: ['Sở XD', 'Sở XD'],
  ...over,
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code + ':' + (e as DomainError).fields.map((f) => f.field).join(',');
  }
  return 'no error';
}

describe('Unit.register', () => {
  it('records a registered event and dedupes aliases', () => {
    const u = Unit.register(dept(), city);
    expect(u.snapshot().aliases).toEqual(['Sở XD']);
    const events = u.pullEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'organization.unit-registered', aggregateId: '01-SXD' });
  });

  it.each([
    ['lower-case code', dept({ code: '01-sxd' }), city, 'ORGANIZATION.UNIT_INVALID:body.code'],
    ['empty name', dept({ officialName: ' ' }), city, 'ORGANIZATION.UNIT_INVALID:body.officialName'],
    ['department on tier 2', dept({ tier: 2 }), city, 'ORGANIZATION.UNIT_INVALID:body.tier'],
    ['bad date', dept({ validFrom: '2025-02-30' }), city, 'ORGANIZATION.UNIT_INVALID:body.validFrom'],
    ['no parent', dept(), null, 'ORGANIZATION.UNIT_PARENT_INVALID:body.parentCode'],
    ['parent in other province', dept(), { ...city, provinceCode: '31' }, 'ORGANIZATION.UNIT_PARENT_INVALID:body.parentCode'],
    ['closed parent', dept(), { ...city, validTo: '2025-06-30' }, 'ORGANIZATION.UNIT_PARENT_INVALID:body.parentCode'],
    [
      'office under a department',
      dept({ code: '00070-VHXH', kind: 'commune-office', tier: 2 }),
      { ...city, kind: 'department' as const },
      'ORGANIZATION.UNIT_PARENT_INVALID:body.parentCode',
    ],
  ])('rejects %s', (_label, props, parent, expected) => {
    expect(codeOf(() => Unit.register(props, parent))).toBe(expected);
  });

  it('accepts a commune office under its commune', () => {
    expect(() =>
      Unit.register(dept({ code: '00070-VHXH', kind: 'commune-office', tier: 2, parentCode: '00070' }), commune),
    ).not.toThrow();
  });
});

describe('Unit.succeededBy', () => {
  it('closes the unit the day before and records the link', () => {
    const u = Unit.restore(dept({ code: '01-STTTT', validFrom: '2008-01-01' }));
    u.succeededBy({ ...city, code: '01-SKHCN', kind: 'department' }, 'merged-into', '2025-03-01', null);
    expect(u.snapshot().validTo).toBe('2025-02-28');
    expect(u.pullEvents().map((e) => e.type)).toEqual([
      'organization.unit-closed',
      'organization.unit-succession-recorded',
    ]);
  });

  it('refuses a successor in another province and itself', () => {
    const u = Unit.restore(dept({ code: '01-STTTT', validFrom: '2008-01-01' }));
    expect(codeOf(() => u.succeededBy({ ...city, code: '31-SKHCN', provinceCode: '31' }, 'merged-into', '2025-03-01', null))).toBe(
      'ORGANIZATION.SUCCESSION_INVALID:body.successorCode',
    );
    expect(codeOf(() => u.succeededBy({ ...city, code: '01-STTTT' }, 'merged-into', '2025-03-01', null))).toBe(
      'ORGANIZATION.SUCCESSION_INVALID:body.successorCode',
    );
  });
});

describe('followSuccessors', () => {
  const links = new Map([
    ['A', { predecessorCode: 'A', successorCode: 'B', kind: 'merged-into', effectiveDate: '2024-01-01', note: null }],
    ['B', { predecessorCode: 'B', successorCode: 'C', kind: 'merged-into', effectiveDate: '2025-01-01', note: null }],
  ]);
  it('walks to the current unit', () => {
    expect(followSuccessors('A', (c) => links.get(c)).map((l) => l.successorCode)).toEqual(['B', 'C']);
  });
  it('stops on a cycle', () => {
    const cyc = new Map(links);
    cyc.set('C', { predecessorCode: 'C', successorCode: 'A', kind: 'merged-into', effectiveDate: '2026-01-01', note: null });
    expect(followSuccessors('A', (c) => cyc.get(c)).map((l) => l.successorCode)).toEqual(['B', 'C']);
  });
});

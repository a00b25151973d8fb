import type { ParentFacts, SuccessionLink, Unit } from '@dieu-hanh/api/organization/domain';
import { type AccessScope, type CommandMetadata, type DomainEvent, UnitOfWork, systemActor } from '@dieu-hanh/api/shared/kernel';
import { UnitRepository } from '../ports/unit.repository';
import { RegisterUnitCommand } from './register-unit.command';
import { RegisterUnitHandler } from './register-unit.handler';

class FakeUow extends UnitOfWork {
  readonly recorded: DomainEvent[] = [];
  async run<T>(_m: CommandMetadata, work: (tx: { record(...e: DomainEvent[]): void }) => Promise<T>): Promise<T> {
    const pending: DomainEvent[] = [];
    const result = await work({ record: (...e) => pending.push(...e) });
    this.recorded.push(...pending); // committed only when the work succeeded
    return result;
  }
}

class MemoryUnits extends UnitRepository {
  readonly saved = new Map<string, Unit>();
  constructor(private readonly known: Record<string, ParentFacts>) {
    super();
  }
  async findByCode(code: string) {
    return this.saved.get(code) ?? null;
  }
  async facts(code: string) {
    return this.known[code] ?? (this.saved.has(code) ? ({ code } as ParentFacts) : null);
  }
  async insert(unit: Unit) {
    this.saved.set(unit.code, unit);
  }
  async update(unit: Unit) {
    this.saved.set(unit.code, unit);
  }
  readonly links: SuccessionLink[] = [];
  async saveSuccession(link: SuccessionLink) {
    this.links.push(link);
  }
}

const admin: AccessScope = {
  subject: 's',
  username: 'quantri',
  name: 'Q',
  email: null,
  realm: 'ha-noi',
  provinceCode: '01',
  unitCode: '01-VPUBND',
  tier: 1,
  roles: ['admin'],
  communeCode: null,
};
const city: ParentFacts = { code: '01-UBND', kind: 'people-committee', tier: 1, provinceCode: '01', validTo: null };
const data = { code: '01-SVHTT', officialName: 'Sở Văn hóa và Thể thao', shortName: 'Sở VHTT', kind: 'department' as const, tier: 1 as const, parentCode: '01-UBND', validFrom: '2025-03-01' };

describe('RegisterUnitHandler', () => {
  it('registers in the administrator’s province and records one event', async () => {
    const uow = new FakeUow();
    const units = new MemoryUnits({ '01-UBND': city });
    await new RegisterUnitHandler(uow, units).execute(new RegisterUnitCommand(data, { actor: admin, correlationId: 'c' }));
    expect(units.saved.get('01-SVHTT')?.snapshot().provinceCode).toBe('01');
    expect(uow.recorded.map((e) => e.type)).toEqual(['organization.unit-registered']);
  });

  it('refuses a non-administrator before touching anything', async () => {
    const uow = new FakeUow();
    const units = new MemoryUnits({ '01-UBND': city });
    await expect(
      new RegisterUnitHandler(uow, units).execute(new RegisterUnitCommand(data, { actor: { ...admin, roles: ['leader'] }, correlationId: 'c' })),
    ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(units.saved.size).toBe(0);
    expect(uow.recorded).toHaveLength(0);
  });

  it('refuses the system actor (commands over HTTP carry a person)', async () => {
    await expect(
      new RegisterUnitHandler(new FakeUow(), new MemoryUnits({})).execute(new RegisterUnitCommand(data, { actor: systemActor(), correlationId: 'c' })),
    ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });

  it('names a missing parent', async () => {
    await expect(
      new RegisterUnitHandler(new FakeUow(), new MemoryUnits({})).execute(new RegisterUnitCommand(data, { actor: admin, correlationId: 'c' })),
    ).rejects.toMatchObject({ code: 'ORGANIZATION.UNIT_PARENT_INVALID' });
  });

  it('refuses a taken code with a conflict', async () => {
    await expect(
      new RegisterUnitHandler(new FakeUow(), new MemoryUnits({ '01-UBND': city, '01-SVHTT': city })).execute(new RegisterUnitCommand(data, { actor: admin, correlationId: 'c' })),
    ).rejects.toMatchObject({ code: 'ORGANIZATION.UNIT_CODE_TAKEN', kind: 'conflict' });
  });
});

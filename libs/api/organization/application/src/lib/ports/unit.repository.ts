import type { ParentFacts, SuccessionLink, Unit } from '@dieu-hanh/api/organization/domain';

/** Write side of the directory. Implementations join the current unit of work's transaction. */
export abstract class UnitRepository {
  abstract findByCode(code: string, options?: { lock?: boolean }): Promise<Unit | null>;
  abstract facts(code: string): Promise<ParentFacts | null>;
  abstract insert(unit: Unit): Promise<void>;
  abstract update(unit: Unit): Promise<void>;
  abstract saveSuccession(link: SuccessionLink): Promise<void>;
}

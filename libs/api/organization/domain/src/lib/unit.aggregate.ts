import type { SuccessionKind, UnitKind } from '@dieu-hanh/api/organization/contracts';
import { AggregateRoot, isIsoDate } from '@dieu-hanh/api/shared/kernel';
import { successionInvalid, unitInvalid, unitParentInvalid } from './organization.errors';
import {
  unitClosed,
  unitRegistered,
  unitRenamed,
  unitSuccessionRecorded,
} from '@dieu-hanh/api/organization/contracts';

export type UnitKindValue = UnitKind;
export type SuccessionKindValue = SuccessionKind;

export interface UnitProps {
  code: string;
  officialName: string;
  shortName: string;
  kind: UnitKindValue;
  tier: 1 | 2;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  aliases: string[];
}

/** What the aggregate needs to know about a parent to check the hierarchy. */
export interface ParentFacts {
  code: string;
  kind: UnitKindValue;
  tier: 1 | 2;
  provinceCode: string;
  validTo: string | null;
  /** The commune a tier-2 unit belongs to (itself for a commune); used for access decisions. */
  communeCode?: string | null;
}

const CODE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;
const KIND_TIERS: Record<UnitKindValue, readonly (1 | 2)[]> = {
  'people-committee': [1],
  department: [1],
  commune: [2],
  'commune-office': [2],
  partner: [1, 2],
};

/**
 * A unit of the directory (đơn vị): a people's committee, a department, a commune, an office inside a
 * commune, or a partner. Units are never deleted: they close (validTo) and may name a successor.
 */
export class Unit extends AggregateRoot {
  private constructor(private props: UnitProps) {
    super();
  }

  static register(props: UnitProps, parent: ParentFacts | null): Unit {
    Unit.validate(props, parent);
    const unit = new Unit({ ...props, aliases: dedupe(props.aliases) });
    unit.record(unitRegistered(unit.props));
    return unit;
  }

  static restore(props: UnitProps): Unit {
    return new Unit(props);
  }

  get code(): string {
    return this.props.code;
  }

  snapshot(): Readonly<UnitProps> {
    return { ...this.props, aliases: [...this.props.aliases] };
  }

  rename(changes: { officialName?: string; shortName?: string; aliases?: string[] }): void {
    const next = { ...this.props, ...stripUndefined(changes) };
    if (changes.aliases) next.aliases = dedupe(changes.aliases);
    Unit.validateNames(next);
    const changed: typeof changes = {};
    if (next.officialName !== this.props.officialName) changed.officialName = next.officialName;
    if (next.shortName !== this.props.shortName) changed.shortName = next.shortName;
    if (JSON.stringify(next.aliases) !== JSON.stringify(this.props.aliases)) changed.aliases = next.aliases;
    if (Object.keys(changed).length === 0) return;
    this.props = next;
    this.record(unitRenamed(this.code, changed));
  }

  /**
   * Records that this unit was merged into / replaced by `successor` from `effectiveDate`; the unit
   * closes the day before. Open assignments pass to the successor (handled where assignments live).
   */
  succeededBy(
    successor: ParentFacts,
    kind: SuccessionKindValue,
    effectiveDate: string,
    note: string | null,
  ): void {
    if (!isIsoDate(effectiveDate)) {
      throw successionInvalid(
        'body.effectiveDate',
        'Ngày hiệu lực không hợp lệ (yyyy-MM-dd).',
        'Effective date must be yyyy-MM-dd.',
      );
    }
    if (successor.code === this.code) {
      throw successionInvalid(
        'body.successorCode',
        'Đơn vị không thể kế thừa chính nó.',
        'A unit cannot succeed itself.',
      );
    }
    if (successor.provinceCode !== this.props.provinceCode) {
      throw successionInvalid(
        'body.successorCode',
        'Đơn vị kế thừa phải cùng tỉnh, thành phố.',
        'The successor must be in the same province.',
      );
    }
    if (effectiveDate <= this.props.validFrom) {
      throw successionInvalid(
        'body.effectiveDate',
        'Ngày hiệu lực phải sau ngày đơn vị bắt đầu hoạt động.',
        'The effective date must be after the unit became valid.',
      );
    }
    if (successor.validTo !== null && successor.validTo < effectiveDate) {
      throw successionInvalid(
        'body.successorCode',
        'Đơn vị kế thừa đã ngừng hoạt động trước ngày hiệu lực.',
        'The successor had closed before the effective date.',
      );
    }
    const closesOn = dayBefore(effectiveDate);
    if (this.props.validTo === null || this.props.validTo > closesOn) {
      this.props = { ...this.props, validTo: closesOn };
      this.record(unitClosed(this.code, closesOn));
    }
    this.record(
      unitSuccessionRecorded({
        predecessorCode: this.code,
        successorCode: successor.code,
        kind,
        effectiveDate,
        note,
      }),
    );
  }

  private static validate(p: UnitProps, parent: ParentFacts | null): void {
    if (!CODE.test(p.code)) {
      throw unitInvalid(
        'body.code',
        'Mã đơn vị chỉ gồm chữ in hoa không dấu, số và dấu gạch ngang (2-32 ký tự).',
        'Unit code must be 2-32 characters of A-Z, 0-9 and hyphens.',
      );
    }
    Unit.validateNames(p);
    if (!KIND_TIERS[p.kind]?.includes(p.tier)) {
      throw unitInvalid(
        'body.tier',
        `Loại đơn vị ${p.kind} không thuộc cấp ${p.tier}.`,
        `A ${p.kind} cannot be tier ${p.tier}.`,
      );
    }
    if (!isIsoDate(p.validFrom)) {
      throw unitInvalid(
        'body.validFrom',
        'Ngày bắt đầu không hợp lệ (yyyy-MM-dd).',
        'validFrom must be yyyy-MM-dd.',
      );
    }
    if (p.validTo !== null && (!isIsoDate(p.validTo) || p.validTo < p.validFrom)) {
      throw unitInvalid(
        'body.validTo',
        'Ngày kết thúc phải sau ngày bắt đầu.',
        'validTo must not precede validFrom.',
      );
    }
    if (p.kind === 'people-committee') {
      if (parent)
        throw unitParentInvalid(
          'UBND tỉnh, thành phố không có đơn vị cấp trên.',
          'A provincial committee has no parent.',
        );
      return;
    }
    if (!parent) throw unitParentInvalid('Đơn vị phải có đơn vị cấp trên.', 'The unit needs a parent unit.');
    if (parent.provinceCode !== p.provinceCode) {
      throw unitParentInvalid(
        'Đơn vị cấp trên phải cùng tỉnh, thành phố.',
        'The parent must be in the same province.',
      );
    }
    if (parent.validTo !== null) {
      throw unitParentInvalid('Đơn vị cấp trên đã ngừng hoạt động.', 'The parent unit has closed.');
    }
    if (p.kind === 'commune-office' && parent.kind !== 'commune') {
      throw unitParentInvalid(
        'Phòng, ban cấp xã phải thuộc một xã, phường.',
        'A commune office must belong to a commune.',
      );
    }
    if ((p.kind === 'department' || p.kind === 'commune') && parent.kind !== 'people-committee') {
      throw unitParentInvalid(
        'Sở, ngành và xã, phường trực thuộc UBND tỉnh, thành phố.',
        'Departments and communes report to the provincial committee.',
      );
    }
    if (p.kind === 'partner' && p.tier === 2 && parent.kind !== 'commune') {
      throw unitParentInvalid(
        'Đối tác cấp xã phải thuộc một xã, phường.',
        'A tier-2 partner must belong to a commune.',
      );
    }
  }

  private static validateNames(p: Pick<UnitProps, 'officialName' | 'shortName' | 'aliases'>): void {
    if (!p.officialName.trim() || p.officialName.length > 300) {
      throw unitInvalid(
        'body.officialName',
        'Tên chính thức là bắt buộc (tối đa 300 ký tự).',
        'Official name is required (max 300).',
      );
    }
    if (!p.shortName.trim() || p.shortName.length > 150) {
      throw unitInvalid(
        'body.shortName',
        'Tên ngắn là bắt buộc (tối đa 150 ký tự).',
        'Short name is required (max 150).',
      );
    }
    if (p.aliases.some((a) => !a.trim() || a.length > 200)) {
      throw unitInvalid(
        'body.aliases',
        'Tên gọi khác không được trống (tối đa 200 ký tự).',
        'Aliases must be non-empty (max 200).',
      );
    }
  }
}

function dedupe(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()))];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALL_ROLES,
  type MeDto,
  type Role,
  SUCCESSION_KINDS,
  type SuccessionKind,
  type SuccessorChainDto,
  type Tier,
  UNIT_KINDS,
  type UnitDto,
  type UnitGroupDto,
  type UnitKind,
  type UnitListDto,
  type UnitMatchDto,
  type UnitSearchResultDto,
  type UnitSuccessionDto,
} from '@dieu-hanh/shared/contracts';

// Response schemas of the directory and account endpoints. Each class implements its contract in
// @dieu-hanh/shared/contracts, so the compiler keeps them true; openapi.int.spec.ts checks real
// responses against them.

const DATE = { type: String, format: 'date', example: '2025-07-01' } as const;
const INT = { type: 'integer' } as const;

export class UnitResponse implements UnitDto {
  @ApiProperty({ example: '00070' }) code!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Hoàn Kiếm' }) officialName!: string;
  @ApiProperty({ example: 'Phường Hoàn Kiếm' }) shortName!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ ...INT, enum: [1, 2], description: '1 = province/city level, 2 = commune level' })
  tier!: Tier;
  @ApiProperty({ type: String, nullable: true, example: '01-UBND' }) parentCode!: string | null;
  @ApiProperty({ example: '01' }) provinceCode!: string;
  @ApiProperty(DATE) validFrom!: string;
  @ApiProperty({
    ...DATE,
    nullable: true,
    description: 'Set when the unit closed (merged into or replaced by another)',
  })
  validTo!: string | null;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ type: [String], description: 'The groups the unit belongs to', example: ['01-G-XA-PHUONG'] })
  groupCodes!: string[];
}

export class UnitMatchResponse implements UnitMatchDto {
  @ApiProperty({ enum: ['alias', 'predecessor'], description: 'Matched one of the unit’s other names, or the name of a unit it succeeds' })
  via!: 'alias' | 'predecessor';
  @ApiProperty({ example: 'Sở TT&TT', description: 'The name that matched, as written in the directory' }) text!: string;
  @ApiPropertyOptional({ example: '01-STTTT' }) predecessorCode?: string;
  @ApiPropertyOptional({ example: 'Sở Thông tin và Truyền thông' }) predecessorName?: string;
  @ApiPropertyOptional({ enum: SUCCESSION_KINDS }) successionKind?: SuccessionKind;
  @ApiPropertyOptional({ ...DATE, example: '2025-03-01', description: 'When the predecessor was merged into or replaced by the unit (or a unit before it)' })
  effectiveDate?: string;
}

export class UnitSearchResultResponse extends UnitResponse implements UnitSearchResultDto {
  @ApiPropertyOptional({ type: UnitMatchResponse, description: 'Present when the words matched another name than the unit’s own: why it was found' })
  matched?: UnitMatchDto;
}

export class UnitListResponse implements UnitListDto {
  @ApiProperty({ type: [UnitSearchResultResponse] }) items!: UnitSearchResultDto[];
  @ApiProperty(INT) total!: number;
  @ApiProperty(INT) limit!: number;
  @ApiProperty(INT) offset!: number;
}

export class UnitGroupResponse implements UnitGroupDto {
  @ApiProperty({ example: '01-G-XA-PHUONG' }) code!: string;
  @ApiProperty({ example: 'UBND các xã, phường' }) name!: string;
  @ApiProperty({ example: '01' }) provinceCode!: string;
  @ApiProperty(INT) memberCount!: number;
}

export class UnitSuccessionResponse implements UnitSuccessionDto {
  @ApiProperty({ example: '01-STTTT' }) predecessorCode!: string;
  @ApiProperty({ example: '01-SKHCN' }) successorCode!: string;
  @ApiProperty({ enum: SUCCESSION_KINDS }) kind!: SuccessionKind;
  @ApiProperty({ ...DATE, example: '2025-03-01' }) effectiveDate!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class SuccessorChainResponse implements SuccessorChainDto {
  @ApiProperty({ example: '01-STTTT' }) unitCode!: string;
  @ApiProperty({
    type: [UnitSuccessionResponse],
    description: 'In order, from the unit to the unit currently responsible',
  })
  chain!: UnitSuccessionDto[];
  @ApiProperty({ example: '01-SKHCN' }) currentUnitCode!: string;
}

/** One event of a unit's audit trail, as stored in the event log. */
export class UnitHistoryEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Position in the event log (a 64-bit integer, as text)', example: '42' })
  sequence!: string;
  @ApiProperty({ example: 'organization.unit-registered' }) type!: string;
  @ApiProperty({ example: 'unit' }) aggregateType!: string;
  @ApiProperty({ example: '01-SVHTT' }) aggregateId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s facts' })
  payload!: object;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() actorSubject!: string;
  @ApiProperty({ example: 'quantri' }) actorUsername!: string;
  @ApiProperty({ type: String, nullable: true }) actorUnitCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) provinceCode!: string | null;
  @ApiProperty({ description: 'The request id of the command that recorded it (X-Request-Id)' })
  correlationId!: string;
  @ApiProperty({ type: String, nullable: true }) causationId!: string | null;
}

export class UnitCodeResponse {
  @ApiProperty({ example: '01-SVHTT' }) code!: string;
}

export class SuccessionRecordedResponse {
  @ApiProperty({ example: '01-STTTT' }) predecessorCode!: string;
  @ApiProperty({ example: '01-SKHCN' }) successorCode!: string;
}

export class MeResponse implements MeDto {
  @ApiProperty({ description: 'The token’s `sub`' }) subject!: string;
  @ApiProperty({ example: 'hoankiem.canbo' }) username!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ example: 'ha-noi' }) realm!: string;
  @ApiProperty({ example: '01' }) provinceCode!: string;
  @ApiProperty({ ...INT, enum: [1, 2] }) tier!: Tier;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: UnitResponse }) unit!: UnitDto;
}

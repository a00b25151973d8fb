import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  type RecordSuccessionRequest,
  type RegisterUnitRequest,
  SUCCESSION_KINDS,
  type SuccessionKind,
  UNIT_KINDS,
  type UnitKind,
  type UpdateUnitRequest,
} from '@dieu-hanh/shared/contracts';
import { Transform } from 'class-transformer';
// Body fields that may be left out: @OptionalNotNull() refuses null (`"aliases": null` used to reach the handler).
import { OptionalNotNull } from '@dieu-hanh/api/shared/http';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNIT_CODE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;

/** Query-string booleans/ints arrive as text: convert strictly, refusing anything else. */
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class SearchUnitsQueryParams {
  @ApiPropertyOptional({ description: 'Tìm không dấu / diacritic-insensitive text, e.g. "phuong hoan kiem"', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS as string[])
  kind?: UnitKind;

  @ApiPropertyOptional({ type: 'integer', enum: [1, 2] })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @IsIn([1, 2])
  tier?: 1 | 2;

  @ApiPropertyOptional({ description: 'Mã tỉnh / province code, e.g. 01', pattern: '^\\d{2}$' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  province?: string;

  @ApiPropertyOptional({ description: 'Mã nhóm đơn vị / unit group code', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  group?: string;

  @ApiPropertyOptional({ description: 'Mã đơn vị cấp trên / parent unit code', pattern: UNIT_CODE.source })
  @IsOptional()
  @Matches(UNIT_CODE)
  parent?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Gồm cả đơn vị đã ngừng hoạt động / include closed units' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeClosed?: boolean;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: 100000 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  offset?: number;
}

export class RegisterUnitBody implements RegisterUnitRequest {
  @ApiProperty({ example: '01-SVHTT', pattern: UNIT_CODE.source })
  @Matches(UNIT_CODE)
  code!: string;

  @ApiProperty({ example: 'Sở Văn hóa và Thể thao thành phố Hà Nội', minLength: 1, maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  officialName!: string;

  @ApiProperty({ example: 'Sở Văn hóa và Thể thao', minLength: 1, maxLength: 150 })
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  shortName!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS as string[])
  kind!: UnitKind;

  @ApiProperty({ type: 'integer', enum: [1, 2], description: '1 = province/city level, 2 = commune level' })
  @IsInt()
  @IsIn([1, 2])
  tier!: 1 | 2;

  @ApiProperty({ type: String, nullable: true, description: 'The parent unit’s code, or null for a top-level unit', example: '01-UBND', pattern: UNIT_CODE.source })
  @ValidateIf((_, v) => v !== null)
  @Matches(UNIT_CODE)
  parentCode!: string | null;

  @ApiProperty({ format: 'date', example: '2025-07-01', pattern: ISO_DATE.source })
  @Matches(ISO_DATE)
  validFrom!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, maxLength: 200 })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];
}

export class UpdateUnitBody implements UpdateUnitRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 300 })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  officialName?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 150 })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  shortName?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, maxLength: 200 })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];
}

export class RecordSuccessionBody implements RecordSuccessionRequest {
  @ApiProperty({ example: '01-SKHCN', pattern: UNIT_CODE.source })
  @Matches(UNIT_CODE)
  successorCode!: string;

  @ApiProperty({ enum: SUCCESSION_KINDS })
  @IsIn(SUCCESSION_KINDS as string[])
  kind!: SuccessionKind;

  @ApiProperty({ format: 'date', example: '2025-03-01', pattern: ISO_DATE.source })
  @Matches(ISO_DATE)
  effectiveDate!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class UnitCodeParam {
  @Matches(UNIT_CODE)
  @ApiProperty({ description: 'Mã đơn vị / unit code', example: '00070', pattern: UNIT_CODE.source })
  code!: string;
}

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNIT_CODE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;

/** Query-string booleans/ints arrive as text: convert strictly, refusing anything else. */
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class SearchUnitsQueryParams {
  @ApiPropertyOptional({ description: 'Tìm không dấu / diacritic-insensitive text, e.g. "phuong hoan kiem"' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS as string[])
  kind?: UnitKind;

  @ApiPropertyOptional({ enum: [1, 2] })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @IsIn([1, 2])
  tier?: 1 | 2;

  @ApiPropertyOptional({ description: 'Mã tỉnh / province code, e.g. 01' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  province?: string;

  @ApiPropertyOptional({ description: 'Mã nhóm đơn vị / unit group code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  group?: string;

  @ApiPropertyOptional({ description: 'Mã đơn vị cấp trên / parent unit code' })
  @IsOptional()
  @Matches(UNIT_CODE)
  parent?: string;

  @ApiPropertyOptional({ description: 'Gồm cả đơn vị đã ngừng hoạt động / include closed units' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeClosed?: boolean;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  offset?: number;
}

export class RegisterUnitBody implements RegisterUnitRequest {
  @ApiProperty({ example: '01-SVHTT' })
  @Matches(UNIT_CODE)
  code!: string;

  @ApiProperty({ example: 'Sở Văn hóa và Thể thao thành phố Hà Nội' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  officialName!: string;

  @ApiProperty({ example: 'Sở Văn hóa và Thể thao' })
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  shortName!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS as string[])
  kind!: UnitKind;

  @ApiProperty({ enum: [1, 2] })
  @IsInt()
  @IsIn([1, 2])
  tier!: 1 | 2;

  @ApiProperty({ nullable: true, example: '01-UBND' })
  @ValidateIf((_, v) => v !== null)
  @Matches(UNIT_CODE)
  parentCode!: string | null;

  @ApiProperty({ example: '2025-07-01' })
  @Matches(ISO_DATE)
  validFrom!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];
}

export class UpdateUnitBody implements UpdateUnitRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  officialName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  shortName?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];
}

export class RecordSuccessionBody implements RecordSuccessionRequest {
  @ApiProperty({ example: '01-SKHCN' })
  @Matches(UNIT_CODE)
  successorCode!: string;

  @ApiProperty({ enum: SUCCESSION_KINDS })
  @IsIn(SUCCESSION_KINDS as string[])
  kind!: SuccessionKind;

  @ApiProperty({ example: '2025-03-01' })
  @Matches(ISO_DATE)
  effectiveDate!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class UnitCodeParam {
  @Matches(UNIT_CODE)
  code!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  ValidateIf,
} from 'class-validator';
import { PLAN_ROLES, PLAN_STATUSES, type PlanDraftRequest, type PlanTaskRequest, type UnitRefDto } from '@dieu-hanh/shared/contracts';
// Fields that may be left out: @OptionalNotNull() refuses null; @IsOptional() only where null clears a value (see the contracts).
import { OptionalNotNull } from '@dieu-hanh/api/shared/http';

const CODE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `{ "unit": "01-SKHCN" }`, `{ "group": "01-G-XA-PHUONG" }`, or `{ "pending": "UBND các xã, phường đã đề xuất" }`
 * (kept as written for a human to settle) — exactly one of the three; `asWritten` keeps the source's wording.
 */
export class UnitRefBody {
  @ApiPropertyOptional({ example: '01-SKHCN' })
  @ValidateIf((o: UnitRefBody) => o.group === undefined && o.pending === undefined)
  @Matches(CODE)
  unit?: string;

  @ApiPropertyOptional({ example: '01-G-XA-PHUONG' })
  @ValidateIf((o: UnitRefBody) => o.unit === undefined && o.pending === undefined)
  @Matches(CODE)
  group?: string;

  @ApiPropertyOptional({ example: 'UBND các xã, phường đã đề xuất' })
  @ValidateIf((o: UnitRefBody) => o.unit === undefined && o.group === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  pending?: string;

  @ApiPropertyOptional({ example: 'Sở Thông tin và Truyền thông' }) @OptionalNotNull() @IsString() @MaxLength(500) asWritten?: string;
}

export class SectionBody {
  @ApiProperty({ example: 'I.3' }) @IsString() @MinLength(1) @MaxLength(40) code!: string;
  @ApiProperty({ example: 'Phát triển hạ tầng số' }) @IsString() @MinLength(1) @MaxLength(500) title!: string;
}

export class ReportingDutyBody {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) text!: string;
  @ApiPropertyOptional({ example: '01-SKHCN' }) @IsOptional() @Matches(CODE) unitCode?: string;
  @ApiPropertyOptional({ example: 'Trước ngày 15 tháng cuối quý' }) @IsOptional() @IsString() @MaxLength(200) timeframe?: string;
}

export class IndicatorTargetBody {
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 'Trên 50%' }) @IsString() @MinLength(1) @MaxLength(500) text!: string;
}

export class PlanIndicatorBody {
  @ApiPropertyOptional() @OptionalNotNull() @Matches(UUID) id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) section?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) name!: string;
  @ApiProperty({ type: [IndicatorTargetBody] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => IndicatorTargetBody) targets!: IndicatorTargetBody[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) directingLeader?: string;
  @ApiProperty({ type: [UnitRefBody] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => UnitRefBody) focal!: UnitRefDto[];
  @ApiProperty({ type: [UnitRefBody] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => UnitRefBody) implementing!: UnitRefDto[];
  @ApiPropertyOptional({ type: [UnitRefBody] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => UnitRefBody) coordinators?: UnitRefDto[];
}

export class PlanTaskBody implements PlanTaskRequest {
  @ApiPropertyOptional({ description: 'Keeps the task across revisions and amendments' }) @OptionalNotNull() @Matches(UUID) id?: string;
  @ApiPropertyOptional({ description: 'The parent plan task this one implements' }) @IsOptional() @Matches(UUID) parentTaskId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) section?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) content!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) expectedResult?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) directingLeader?: string;
  @ApiPropertyOptional({ example: 'Quý IV/2025' }) @IsOptional() @IsString() @MaxLength(200) timeframe?: string;
  @ApiProperty({ type: [UnitRefBody] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => UnitRefBody) leads!: UnitRefDto[];
  @ApiProperty({ type: [UnitRefBody] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => UnitRefBody) coordinators!: UnitRefDto[];
}

export class PlanDraftBody implements PlanDraftRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) title!: string;
  @ApiPropertyOptional({ example: 'KH-UBND' }) @OptionalNotNull() @Matches(/^[A-ZĐ0-9][A-ZĐ0-9-]{0,30}$/) symbol?: string;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ example: '01-SKHCN' }) @IsOptional() @Matches(CODE) focalUnitCode?: string;
  @ApiPropertyOptional({ example: 'Chuyển đổi số toàn dân' }) @IsOptional() @IsString() @MaxLength(500) theme?: string;
  @ApiPropertyOptional({ type: [String] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(2000, { each: true }) legalBases?: string[];
  @ApiPropertyOptional({ type: [String] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(8000, { each: true }) purposes?: string[];
  @ApiPropertyOptional({ type: [String] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) directingLeaders?: string[];
  @ApiPropertyOptional({ type: [ReportingDutyBody] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ReportingDutyBody) reportingDuties?: ReportingDutyBody[];
  @ApiPropertyOptional({ description: 'The issued plan this one implements' }) @IsOptional() @Matches(UUID) parentPlanId?: string;
  @ApiPropertyOptional({ type: [SectionBody] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => SectionBody) sections?: SectionBody[];
  @ApiProperty({ type: [PlanTaskBody] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => PlanTaskBody) tasks!: PlanTaskBody[];
  @ApiPropertyOptional({ type: [PlanIndicatorBody] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PlanIndicatorBody) indicators?: PlanIndicatorBody[];
}

export class PlanAmendBody extends PlanDraftBody {
  @ApiProperty({ description: 'The version the amendment starts from' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: 'Bổ sung nhiệm vụ theo chỉ đạo của Thường trực Thành ủy' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class PlanReviseBody extends PlanDraftBody {
  @ApiProperty({ description: 'The version the editor started from (optimistic concurrency)' }) @IsInt() @Min(1) version!: number;
}

export class ReturnCommentBody {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) text!: string;
  @ApiPropertyOptional({ example: 'tasks.3.timeframe' }) @IsOptional() @IsString() @MaxLength(100) field?: string;
}

export class ReturnPlanBody {
  @ApiProperty({ type: [ReturnCommentBody] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ReturnCommentBody) comments!: ReturnCommentBody[];
}

export class IssuePlanBody {
  @ApiProperty({ example: 272 }) @IsInt() @Min(1) @Max(100000) number!: number;
  @ApiProperty({ example: '2025-10-02' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) issueDate!: string;
}

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ListPlansQueryParams {
  @ApiPropertyOptional({ enum: PLAN_STATUSES }) @IsOptional() @IsIn(PLAN_STATUSES as unknown as string[]) status?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: PLAN_ROLES, description: 'How my unit takes part' }) @IsOptional() @IsIn(PLAN_ROLES as unknown as string[]) role?: string;
  @ApiPropertyOptional({ description: 'Words of the number, symbol or title; diacritics ignored', example: 'chuyen doi so' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ description: 'Implementing plans of this parent' }) @IsOptional() @Matches(UUID) parentPlanId?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100000) offset?: number;
}

export class PageQueryParams {
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100000) offset?: number;
}

export class PlanIdParam {
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) id!: string;
}

export class PlanTaskParams extends PlanIdParam {
  @Matches(UUID) taskId!: string;
}

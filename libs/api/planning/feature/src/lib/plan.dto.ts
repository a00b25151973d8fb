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
import { unitRefs } from './plan.responses';

const CODE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `{ "unit": "01-SKHCN" }`, `{ "group": "01-G-XA-PHUONG" }`, or `{ "pending": "UBND các xã, phường đã đề xuất" }`
 * (kept as written for a human to settle) — exactly one of the three; `asWritten` keeps the source's wording.
 * The document describes it as `UnitRefUnit | UnitRefGroup | UnitRefPending` (plan.responses.ts, `unitRefs()`).
 */
export class UnitRefBody {
  @ApiPropertyOptional({ description: 'A unit code', example: '01-SKHCN', pattern: CODE.source })
  @ValidateIf((o: UnitRefBody) => o.group === undefined && o.pending === undefined)
  @Matches(CODE)
  unit?: string;

  @ApiPropertyOptional({ description: 'A unit group code, expanded at issue', example: '01-G-XA-PHUONG', pattern: CODE.source })
  @ValidateIf((o: UnitRefBody) => o.unit === undefined && o.pending === undefined)
  @Matches(CODE)
  group?: string;

  @ApiPropertyOptional({ description: 'A reference kept as written for a human to settle', example: 'UBND các xã, phường đã đề xuất', minLength: 1, maxLength: 500 })
  @ValidateIf((o: UnitRefBody) => o.unit === undefined && o.group === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  pending?: string;

  @ApiPropertyOptional({ description: 'The wording of the source document', example: 'Sở Thông tin và Truyền thông', maxLength: 500 }) @OptionalNotNull() @IsString() @MaxLength(500) asWritten?: string;
}

export class SectionBody {
  @ApiProperty({ example: 'I.3', minLength: 1, maxLength: 40 }) @IsString() @MinLength(1) @MaxLength(40) code!: string;
  @ApiProperty({ example: 'Phát triển hạ tầng số', minLength: 1, maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) title!: string;
}

export class ReportingDutyBody {
  @ApiProperty({ minLength: 1, maxLength: 4000 }) @IsString() @MinLength(1) @MaxLength(4000) text!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '01-SKHCN', pattern: CODE.source }) @IsOptional() @Matches(CODE) unitCode?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Trước ngày 15 tháng cuối quý', maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) timeframe?: string;
}

export class IndicatorTargetBody {
  @ApiProperty({ type: 'integer', example: 2025, minimum: 2000, maximum: 2100 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 'Trên 50%', minLength: 1, maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) text!: string;
}

export class PlanIndicatorBody {
  @ApiPropertyOptional({ description: 'Keeps the indicator across revisions and amendments', format: 'uuid', pattern: UUID.source }) @OptionalNotNull() @Matches(UUID) id?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 }) @IsOptional() @IsString() @MaxLength(40) section?: string;
  @ApiProperty({ minLength: 1, maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) name!: string;
  @ApiProperty({ type: [IndicatorTargetBody], maxItems: 20 }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => IndicatorTargetBody) targets!: IndicatorTargetBody[];
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) directingLeader?: string;
  @ApiProperty({ ...unitRefs(50), description: 'Cơ quan đầu mối / focal units' }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => UnitRefBody) focal!: UnitRefDto[];
  @ApiProperty({ ...unitRefs(200), description: 'Cơ quan thực hiện / implementing units' }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => UnitRefBody) implementing!: UnitRefDto[];
  @ApiPropertyOptional({ ...unitRefs(200), description: 'Cơ quan phối hợp / coordinating units' }) @OptionalNotNull() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => UnitRefBody) coordinators?: UnitRefDto[];
}

export class PlanTaskBody implements PlanTaskRequest {
  @ApiPropertyOptional({ description: 'Keeps the task across revisions and amendments', format: 'uuid', pattern: UUID.source }) @OptionalNotNull() @Matches(UUID) id?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The parent plan task this one implements', format: 'uuid', pattern: UUID.source }) @IsOptional() @Matches(UUID) parentTaskId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 }) @IsOptional() @IsString() @MaxLength(40) section?: string;
  @ApiProperty({ minLength: 1, maxLength: 4000 }) @IsString() @MinLength(1) @MaxLength(4000) content!: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) expectedResult?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) directingLeader?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Quý IV/2025', maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) timeframe?: string;
  @ApiProperty({ ...unitRefs(50), description: 'Đơn vị chủ trì / lead units' }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => UnitRefBody) leads!: UnitRefDto[];
  @ApiProperty({ ...unitRefs(200), description: 'Đơn vị phối hợp / coordinating units' }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => UnitRefBody) coordinators!: UnitRefDto[];
}

export class PlanDraftBody implements PlanDraftRequest {
  @ApiProperty({ minLength: 1, maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) title!: string;
  @ApiPropertyOptional({ example: 'KH-UBND', pattern: '^[A-ZĐ0-9][A-ZĐ0-9-]{0,30}$' }) @OptionalNotNull() @Matches(/^[A-ZĐ0-9][A-ZĐ0-9-]{0,30}$/) symbol?: string;
  @ApiProperty({ type: 'integer', example: 2025, minimum: 2000, maximum: 2100 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: '01-SKHCN', pattern: CODE.source }) @IsOptional() @Matches(CODE) focalUnitCode?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Chuyển đổi số toàn dân', maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) theme?: string;
  @ApiPropertyOptional({ type: [String], maxItems: 100, maxLength: 2000, description: 'Căn cứ / legal bases' }) @OptionalNotNull() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(2000, { each: true }) legalBases?: string[];
  @ApiPropertyOptional({ type: [String], maxItems: 50, maxLength: 8000, description: 'Mục đích, yêu cầu / purposes' }) @OptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(8000, { each: true }) purposes?: string[];
  @ApiPropertyOptional({ type: [String], maxItems: 50, maxLength: 200 }) @OptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) directingLeaders?: string[];
  @ApiPropertyOptional({ type: [ReportingDutyBody], maxItems: 50 }) @OptionalNotNull() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ReportingDutyBody) reportingDuties?: ReportingDutyBody[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The issued plan this one implements', format: 'uuid', pattern: UUID.source }) @IsOptional() @Matches(UUID) parentPlanId?: string;
  @ApiPropertyOptional({ type: [SectionBody], maxItems: 200 }) @OptionalNotNull() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => SectionBody) sections?: SectionBody[];
  @ApiProperty({ type: [PlanTaskBody], maxItems: 500 }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => PlanTaskBody) tasks!: PlanTaskBody[];
  @ApiPropertyOptional({ type: [PlanIndicatorBody], maxItems: 200 }) @OptionalNotNull() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PlanIndicatorBody) indicators?: PlanIndicatorBody[];
}

export class PlanAmendBody extends PlanDraftBody {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The version the amendment starts from' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: 'Bổ sung nhiệm vụ theo chỉ đạo của Thường trực Thành ủy', minLength: 1, maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class PlanReviseBody extends PlanDraftBody {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The version the editor started from (optimistic concurrency)' }) @IsInt() @Min(1) version!: number;
}

export class ReturnCommentBody {
  @ApiProperty({ minLength: 1, maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) text!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The field the comment is about, as a path into the draft', example: 'tasks.3.timeframe', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) field?: string;
}

export class ReturnPlanBody {
  @ApiProperty({ type: [ReturnCommentBody], maxItems: 100 }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ReturnCommentBody) comments!: ReturnCommentBody[];
}

export class IssuePlanBody {
  @ApiProperty({ type: 'integer', example: 272, minimum: 1, maximum: 100000 }) @IsInt() @Min(1) @Max(100000) number!: number;
  @ApiProperty({ format: 'date', example: '2025-10-02', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) issueDate!: string;
}

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ListPlansQueryParams {
  @ApiPropertyOptional({ enum: PLAN_STATUSES }) @IsOptional() @IsIn(PLAN_STATUSES as unknown as string[]) status?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100 }) @IsOptional() @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: PLAN_ROLES, description: 'How my unit takes part' }) @IsOptional() @IsIn(PLAN_ROLES as unknown as string[]) role?: string;
  @ApiPropertyOptional({ description: 'Words of the number, symbol or title; diacritics ignored', example: 'chuyen doi so', maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ description: 'Implementing plans of this parent', format: 'uuid', pattern: UUID.source }) @IsOptional() @Matches(UUID) parentPlanId?: string;
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: 100000 }) @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100000) offset?: number;
}

export class PageQueryParams {
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: 100000 }) @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100000) offset?: number;
}

export class PlanIdParam {
  @ApiProperty({ description: 'The id (UUID, lower case)', format: 'uuid', pattern: UUID.source })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) id!: string;
}

export class PlanTaskParams extends PlanIdParam {
  @ApiProperty({ description: 'The task’s id (UUID, lower case)', format: 'uuid', pattern: UUID.source })
  @Matches(UUID) taskId!: string;
}

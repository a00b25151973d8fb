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
import { PLAN_STATUSES, type PlanDraftRequest, type PlanTaskRequest, type UnitRefDto } from '@dieu-hanh/shared/contracts';

const CODE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;

/** `{ "unit": "01-SKHCN" }` or `{ "group": "01-G-XA-PHUONG" }` — exactly one of the two. */
export class UnitRefBody {
  @ApiPropertyOptional({ example: '01-SKHCN' })
  @ValidateIf((o: UnitRefBody) => o.group === undefined)
  @Matches(CODE)
  unit?: string;

  @ApiPropertyOptional({ example: '01-G-XA-PHUONG' })
  @ValidateIf((o: UnitRefBody) => o.unit === undefined)
  @Matches(CODE)
  group?: string;
}

export class PlanTaskBody implements PlanTaskRequest {
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
  @ApiPropertyOptional({ example: 'KH-UBND' }) @IsOptional() @Matches(/^[A-ZĐ0-9][A-ZĐ0-9-]{0,30}$/) symbol?: string;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ example: '01-SKHCN' }) @IsOptional() @Matches(CODE) focalUnitCode?: string;
  @ApiProperty({ type: [PlanTaskBody] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => PlanTaskBody) tasks!: PlanTaskBody[];
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
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100000) offset?: number;
}

export class PlanIdParam {
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) id!: string;
}

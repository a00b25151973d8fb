import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { type Urgency, type Verification, WORK_STATUSES, type WorkStatus } from '@dieu-hanh/shared/contracts';
import { URGENCIES, VERIFICATIONS } from './work.responses';

// Query parameters of execution's read side: every one validated (a bad value is 400 problem+json
// naming the field, REQUEST.VALIDATION_FAILED).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNIT_CODE = /^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** The filters and page of a work list (GET /my/work, /execution/work, /execution/verification-queue). */
export class MyWorkQueryParams {
  @ApiPropertyOptional({ description: 'Tìm trong nội dung nhiệm vụ, tên và số hiệu kế hoạch, không phân biệt dấu / search ignoring diacritics', maxLength: 200, example: 'so hoa' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ format: 'uuid', pattern: UUID.source }) @IsOptional() @Matches(UUID) planId?: string;
  @ApiPropertyOptional({ enum: WORK_STATUSES }) @IsOptional() @IsIn(WORK_STATUSES) status?: WorkStatus;
  @ApiPropertyOptional({ enum: URGENCIES, description: 'overdue: past the due date in force and not done; due-soon: within 7 days (Vietnam’s today)' })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;
  @ApiPropertyOptional({ enum: VERIFICATIONS }) @IsOptional() @IsIn(VERIFICATIONS) verification?: Verification;
  @ApiPropertyOptional({ type: 'integer', default: 25, minimum: 1, maximum: 200 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: 100000 }) @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100000) offset?: number;
}

/** GET /execution/work: the list filters plus task, unit and role. */
export class WorkQueryParams extends MyWorkQueryParams {
  @ApiPropertyOptional({ format: 'uuid', pattern: UUID.source }) @IsOptional() @Matches(UUID) taskId?: string;
  @ApiPropertyOptional({ description: 'The assignee unit’s code', pattern: UNIT_CODE.source, example: '00070' }) @IsOptional() @Matches(UNIT_CODE) unitCode?: string;
  @ApiPropertyOptional({ enum: ['lead', 'coordinator'] }) @IsOptional() @IsIn(['lead', 'coordinator']) role?: 'lead' | 'coordinator';
}

/** `:id` of a plan or an assignment. */
export class ReadIdParam {
  @ApiProperty({ description: 'The id (UUID, lower case)', format: 'uuid', pattern: UUID.source }) @Matches(UUID) id!: string;
}

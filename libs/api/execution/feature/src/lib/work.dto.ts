import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalNotNull } from '@dieu-hanh/api/shared/http';
import {
  type AnswerObstacleRequest,
  type DirectiveRequest,
  type EscalateObstacleRequest,
  type ExtensionDecisionRequest,
  type ExtensionRequestRequest,
  type ProgressUpdateRequest,
  type RaiseObstacleRequest,
  type ReturnWorkRequest,
  type UrgeRequest,
  type VerifyRequest,
  WORK_STATUSES,
  type WorkStatus,
} from '@dieu-hanh/shared/contracts';

// Request bodies of execution's commands. Each implements its contract in @dieu-hanh/shared/contracts;
// the documented rules equal the validated ones (openapi.int.spec.ts checks). Texts are also refused
// with NUL characters or lone surrogates by the global input-safety check.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 4000;
const MAX_VERSION = 2_147_483_647;

/** `:id` of an assignment, an obstacle or an extension request. */
export class WorkIdParam {
  @ApiProperty({ description: 'The id (UUID, lower case)', format: 'uuid', pattern: UUID.source }) @Matches(UUID) id!: string;
}

const versionDoc = { type: 'integer', minimum: 0, maximum: MAX_VERSION, description: 'The version the change starts from (AssignmentWorkDto.version); a stale one is 409 EXECUTION.VERSION_CONFLICT with the current state' } as const;
const optionalText = (description: string) => ({ type: String, nullable: true, maxLength: MAX_TEXT, description }) as const;
const requiredText = (description: string, example: string) => ({ description, example, minLength: 1, maxLength: MAX_TEXT }) as const;

export class ProgressUpdateBody implements ProgressUpdateRequest {
  @ApiProperty(versionDoc) @IsInt() @Min(0) @Max(MAX_VERSION) version!: number;
  @ApiProperty({ enum: WORK_STATUSES, description: 'chưa thực hiện | đang thực hiện | hoàn thành | không thực hiện được', example: 'in-progress' })
  @IsIn(WORK_STATUSES)
  status!: WorkStatus;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'Percent done: 100 when done, 0 when not started', example: 60 }) @IsInt() @Min(0) @Max(100) percent!: number;
  @ApiPropertyOptional(optionalText('Ghi chú / note')) @IsOptional() @IsString() @MaxLength(MAX_TEXT) note?: string | null;
  @ApiPropertyOptional(optionalText('Kết quả, sản phẩm / result or product')) @IsOptional() @IsString() @MaxLength(MAX_TEXT) result?: string | null;
  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'Evidence uploaded first to this assignment (POST /assignments/{id}/evidence)', items: { type: 'string', format: 'uuid', pattern: UUID.source } })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(UUID, { each: true })
  evidenceIds?: string[];
}

export class VerifyBody implements VerifyRequest {
  @ApiProperty(versionDoc) @IsInt() @Min(0) @Max(MAX_VERSION) version!: number;
  @ApiPropertyOptional(optionalText('Ý kiến thẩm định / note')) @IsOptional() @IsString() @MaxLength(MAX_TEXT) note?: string | null;
}

export class ReturnWorkBody implements ReturnWorkRequest {
  @ApiProperty(versionDoc) @IsInt() @Min(0) @Max(MAX_VERSION) version!: number;
  @ApiProperty(requiredText('Lý do trả lại / why the work is returned', 'Chưa có biên bản nghiệm thu')) @IsString() @MinLength(1) @MaxLength(MAX_TEXT) reason!: string;
}

export class RaiseObstacleBody implements RaiseObstacleRequest {
  @ApiProperty(requiredText('Khó khăn, vướng mắc / the obstacle', 'Chưa được bố trí kinh phí')) @IsString() @MinLength(1) @MaxLength(MAX_TEXT) description!: string;
  @ApiPropertyOptional(optionalText('Đề xuất, kiến nghị / proposal')) @IsOptional() @IsString() @MaxLength(MAX_TEXT) proposal?: string | null;
}

export class AnswerObstacleBody implements AnswerObstacleRequest {
  @ApiProperty(requiredText('Trả lời / the answer', 'Sở Tài chính sẽ bố trí trong quý III')) @IsString() @MinLength(1) @MaxLength(MAX_TEXT) answer!: string;
}

export class EscalateObstacleBody implements EscalateObstacleRequest {
  @ApiPropertyOptional(optionalText('Ý kiến kèm theo khi báo cáo lãnh đạo / note for the leader')) @IsOptional() @IsString() @MaxLength(MAX_TEXT) note?: string | null;
}

export class DirectiveBody implements DirectiveRequest {
  @ApiProperty(requiredText('Ý kiến chỉ đạo / the directive', 'Giao Sở Tài chính bố trí kinh phí trước 30/6')) @IsString() @MinLength(1) @MaxLength(MAX_TEXT) directive!: string;
}

export class ExtensionRequestBody implements ExtensionRequestRequest {
  @ApiProperty({ type: String, format: 'date', pattern: DATE.source, description: 'Ngày đề nghị gia hạn (yyyy-MM-dd): after today and after the due date in force', example: '2026-06-30' })
  @Matches(DATE)
  requestedDue!: string;
  @ApiProperty(requiredText('Lý do / the reason', 'Chờ phân bổ kinh phí')) @IsString() @MinLength(1) @MaxLength(MAX_TEXT) reason!: string;
}

export class ExtensionDecisionBody implements ExtensionDecisionRequest {
  @ApiProperty({ type: Boolean, description: 'true: đồng ý (the new date holds); false: không đồng ý' }) @IsBoolean() approve!: boolean;
  @ApiPropertyOptional(optionalText('Ý kiến / note')) @IsOptional() @IsString() @MaxLength(MAX_TEXT) note?: string | null;
}

export class UrgeBody implements UrgeRequest {
  @ApiPropertyOptional({ description: 'Urge one assignment (give this or taskId)', format: 'uuid', pattern: UUID.source }) @OptionalNotNull() @Matches(UUID) assignmentId?: string;
  @ApiPropertyOptional({ description: 'Urge every late unit of this task that the caller may urge (give this or assignmentId)', format: 'uuid', pattern: UUID.source })
  @OptionalNotNull()
  @Matches(UUID)
  taskId?: string;
  @ApiPropertyOptional(optionalText('Nội dung đôn đốc / message')) @IsOptional() @IsString() @MaxLength(MAX_TEXT) message?: string | null;
}

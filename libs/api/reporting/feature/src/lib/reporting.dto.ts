import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '@dieu-hanh/api/shared/http';
import {
  type ExportFormat,
  type ExportRequest,
  type ExportSubject,
  type IndicatorValueRequest,
  type OpenPeriodRequest,
  PERIOD_KINDS,
  type PeriodKind,
  type PeriodStatus,
  type ReportDecisionRequest,
  type ReportSectionsDto,
  type SaveConsolidatedReportRequest,
  type SaveUnitReportRequest,
  type UrgeReportsRequest,
} from '@dieu-hanh/shared/contracts';

// Request bodies of reporting's commands; each implements its contract in @dieu-hanh/shared/contracts.
// Texts are also refused with NUL characters or lone surrogates by the global input-safety check.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const UNIT_CODE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,63}$/;
const MAX_SECTION = 20_000;
const MAX_TEXT = 4000;
const MAX_VERSION = 2_147_483_647;
const MAX_FIGURE = 1e15;

export class IdParam {
  @ApiProperty({ description: 'The id (UUID, lower case)', format: 'uuid', pattern: UUID.source }) @Matches(UUID) id!: string;
}

export class PeriodListQuery {
  @ApiPropertyOptional({ description: 'Only this plan’s periods', format: 'uuid', pattern: UUID.source }) @IsOptional() @Matches(UUID) planId?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'Only open or closed periods' }) @IsOptional() @IsIn(['open', 'closed']) status?: PeriodStatus;
}

export class OpenPeriodBody implements OpenPeriodRequest {
  @ApiProperty({ enum: PERIOD_KINDS, description: 'hằng tháng | hằng quý | 6 tháng | cả năm | đột xuất', example: 'quarter' }) @IsIn(PERIOD_KINDS) kind!: PeriodKind;
  @ApiPropertyOptional({ description: 'Any day inside the period (yyyy-MM-dd); default today (Vietnam). Ignored for ad hoc periods', pattern: DATE.source, example: '2025-12-01' })
  @OptionalNotNull()
  @Matches(DATE)
  reference?: string;
  @ApiPropertyOptional({ description: 'Ad hoc: the period’s title', minLength: 1, maxLength: 500 }) @OptionalNotNull() @IsString() @MinLength(1) @MaxLength(500) title?: string;
  @ApiPropertyOptional({ description: 'Ad hoc: first day covered (yyyy-MM-dd)', pattern: DATE.source }) @OptionalNotNull() @Matches(DATE) startDate?: string;
  @ApiPropertyOptional({ description: 'Ad hoc: last day covered (yyyy-MM-dd)', pattern: DATE.source }) @OptionalNotNull() @Matches(DATE) endDate?: string;
  @ApiPropertyOptional({ description: 'Due date (yyyy-MM-dd); required for ad hoc, else from the plan’s reporting duties', pattern: DATE.source }) @OptionalNotNull() @Matches(DATE) dueDate?: string;
  @ApiPropertyOptional({ description: 'The unit’s leader approves its report before it reaches the focal unit' }) @OptionalNotNull() @IsBoolean() requiresUnitApproval?: boolean;
}

export class UrgeReportsBody implements UrgeReportsRequest {
  @ApiPropertyOptional({ type: [String], maxItems: 5000, description: 'Units to urge; omitted: every unit that has not submitted', items: { type: 'string', pattern: UNIT_CODE.source } })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(UNIT_CODE, { each: true })
  unitCodes?: string[];
  @ApiPropertyOptional({ description: 'A message to the units', maxLength: MAX_TEXT }) @OptionalNotNull() @IsString() @MaxLength(MAX_TEXT) message?: string;
}

export class SectionsBody implements Partial<ReportSectionsDto> {
  @ApiPropertyOptional({ description: 'Kết quả thực hiện / results', maxLength: MAX_SECTION }) @OptionalNotNull() @IsString() @MaxLength(MAX_SECTION) results?: string;
  @ApiPropertyOptional({ description: 'Khó khăn, vướng mắc / difficulties', maxLength: MAX_SECTION }) @OptionalNotNull() @IsString() @MaxLength(MAX_SECTION) difficulties?: string;
  @ApiPropertyOptional({ description: 'Đề xuất, kiến nghị / proposals', maxLength: MAX_SECTION }) @OptionalNotNull() @IsString() @MaxLength(MAX_SECTION) proposals?: string;
}

export class TaskNoteBody {
  @ApiProperty({ description: 'An assignment of the report’s unit', format: 'uuid', pattern: UUID.source }) @Matches(UUID) assignmentId!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: MAX_TEXT, description: 'The unit’s words on this task in the report; null or empty removes them' })
  @ValidateIf((_: unknown, v: unknown) => v !== null)
  @IsString()
  @MaxLength(MAX_TEXT)
  note!: string | null;
}

const figure = (description: string) => ({ type: Number, nullable: true, minimum: -MAX_FIGURE, maximum: MAX_FIGURE, description }) as const;

export class IndicatorValueBody implements IndicatorValueRequest {
  @ApiProperty({ description: 'An indicator the unit implements', format: 'uuid', pattern: UUID.source }) @Matches(UUID) indicatorId!: string;
  @ApiPropertyOptional(figure('Tử số (a rate)')) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-MAX_FIGURE) @Max(MAX_FIGURE) numerator?: number | null;
  @ApiPropertyOptional(figure('Mẫu số (a rate)')) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-MAX_FIGURE) @Max(MAX_FIGURE) denominator?: number | null;
  @ApiPropertyOptional(figure('Giá trị (not a rate)')) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-MAX_FIGURE) @Max(MAX_FIGURE) value?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 100000, description: 'Xếp hạng (a rank)' }) @IsOptional() @IsInt() @Min(1) @Max(100000) rank?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: 'Minh chứng: where the figure comes from' }) @IsOptional() @IsString() @MaxLength(2000) evidence?: string | null;
}

const versionDoc = { type: 'integer', minimum: 1, maximum: MAX_VERSION, description: 'The version the change starts from; a stale one is 409 REPORTING.VERSION_CONFLICT' } as const;

export class SaveUnitReportBody implements SaveUnitReportRequest {
  @ApiProperty(versionDoc) @IsInt() @Min(1) @Max(MAX_VERSION) version!: number;
  @ApiPropertyOptional({ type: SectionsBody }) @OptionalNotNull() @ValidateNested() @Type(() => SectionsBody) sections?: SectionsBody;
  @ApiPropertyOptional({ type: [TaskNoteBody], maxItems: 2000 }) @OptionalNotNull() @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => TaskNoteBody) taskNotes?: TaskNoteBody[];
  @ApiPropertyOptional({ type: [IndicatorValueBody], maxItems: 500 }) @OptionalNotNull() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => IndicatorValueBody) indicators?: IndicatorValueBody[];
  @ApiPropertyOptional({ description: 'Required when the report was already submitted: why its content or figures change', maxLength: MAX_TEXT })
  @OptionalNotNull()
  @IsString()
  @MaxLength(MAX_TEXT)
  reason?: string;
}

export class DecisionBody implements ReportDecisionRequest {
  @ApiProperty(versionDoc) @IsInt() @Min(1) @Max(MAX_VERSION) version!: number;
  @ApiPropertyOptional({ description: 'Required to return or reopen', maxLength: MAX_TEXT }) @OptionalNotNull() @IsString() @MaxLength(MAX_TEXT) reason?: string;
}

export class SaveConsolidatedBody implements SaveConsolidatedReportRequest {
  @ApiProperty(versionDoc) @IsInt() @Min(1) @Max(MAX_VERSION) version!: number;
  @ApiPropertyOptional({ type: SectionsBody }) @OptionalNotNull() @ValidateNested() @Type(() => SectionsBody) sections?: SectionsBody;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: 'Số, ký hiệu ("125/BC-SKHCN")' }) @IsOptional() @IsString() @MaxLength(100) documentNumber?: string | null;
  @ApiPropertyOptional({ description: 'Địa danh ("Hà Nội")', minLength: 1, maxLength: 100 }) @OptionalNotNull() @IsString() @MinLength(1) @MaxLength(100) place?: string;
  @ApiPropertyOptional({ type: String, nullable: true, pattern: DATE.source, description: 'Ngày ban hành (yyyy-MM-dd)' }) @IsOptional() @Matches(DATE) documentDate?: string | null;
  @ApiPropertyOptional({ type: [String], maxItems: 30, description: 'Nơi nhận, one per line', items: { type: 'string', maxLength: 300 } })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  recipients?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'Chức vụ người ký ("KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC")' }) @IsOptional() @IsString() @MaxLength(200) signerTitle?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'Họ tên người ký' }) @IsOptional() @IsString() @MaxLength(200) signerName?: string | null;
}

const EXPORT_SUBJECTS: readonly ExportSubject[] = ['unit-report', 'consolidated-report', 'plan-assignments', 'indicator-values'];
const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'xlsx'];

export class ExportBody implements ExportRequest {
  @ApiProperty({ enum: EXPORT_SUBJECTS, description: 'A unit report or a consolidated report (DOCX, PDF), a plan’s assignments or a period’s indicator values (XLSX)' })
  @IsIn(EXPORT_SUBJECTS)
  subject!: ExportSubject;
  @ApiProperty({ description: 'The report’s id, the plan’s id (assignments) or the period’s id (indicator values)', format: 'uuid', pattern: UUID.source }) @Matches(UUID) id!: string;
  @ApiProperty({ enum: EXPORT_FORMATS }) @IsIn(EXPORT_FORMATS) format!: ExportFormat;
}

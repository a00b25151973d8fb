import { ApiProperty } from '@nestjs/swagger';
import {
  type EvidenceDto,
  type LeaderInboxDto,
  type PlanProgressDto,
  type StatusCountsDto,
  type TimelineEntryDto,
  type Urgency,
  type Verification,
  WORK_STATUSES,
  type WorkItemDto,
  type WorkListDto,
  type WorkStatus,
} from '@dieu-hanh/shared/contracts';
import { EvidenceResponse } from './evidence.responses';
import { URGENCIES, VERIFICATIONS, WorkExtensionResponse, WorkObstacleResponse } from './work.responses';

// Response schemas of execution's read side. Each class implements its contract in
// @dieu-hanh/shared/contracts, so the compiler keeps them true.

const UUID = { type: String, format: 'uuid' } as const;
const DATE = { type: String, format: 'date', example: '2026-06-30' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;
const INT = { type: 'integer' } as const;

export class WorkItemResponse implements WorkItemDto {
  @ApiProperty(UUID) assignmentId!: string;
  @ApiProperty(UUID) planId!: string;
  @ApiProperty({ example: 'Kế hoạch triển khai chuyển đổi số năm 2025' }) planTitle!: string;
  @ApiProperty({ example: '402/KH-UBND' }) planSymbol!: string;
  @ApiProperty(UUID) taskId!: string;
  @ApiProperty({ ...INT, example: 12 }) taskOrdinal!: number;
  @ApiProperty() taskContent!: string;
  @ApiProperty({ example: '00070' }) unitCode!: string;
  @ApiProperty({ example: 'UBND phường Hoàn Kiếm' }) unitName!: string;
  @ApiProperty({ enum: ['lead', 'coordinator'] }) role!: 'lead' | 'coordinator';
  @ApiProperty({ enum: WORK_STATUSES }) status!: WorkStatus;
  @ApiProperty({ ...INT, minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty({ enum: VERIFICATIONS }) verification!: Verification;
  @ApiProperty({ ...DATE, nullable: true, description: 'The due date in force: the task’s, or the last approved extension’s' }) due!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: 'The task’s own due date when an extension moved it' }) originalDue!: string | null;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
  @ApiProperty({ ...INT, nullable: true, description: 'Days past due (overdue) or left (due soon, on track)' }) days!: number | null;
  @ApiProperty({ ...INT, description: 'Obstacles waiting (open or escalated)' }) openObstacles!: number;
  @ApiProperty() pendingExtension!: boolean;
  @ApiProperty({ ...DATE_TIME, nullable: true }) updatedAt!: string | null;
  @ApiProperty({ ...INT, minimum: 0 }) version!: number;
}

export class WorkListCountsResponse {
  @ApiProperty(INT) overdue!: number;
  @ApiProperty(INT) dueSoon!: number;
  @ApiProperty(INT) done!: number;
  @ApiProperty(INT) pendingVerification!: number;
  @ApiProperty(INT) open!: number;
}

export class WorkListResponse implements WorkListDto {
  @ApiProperty({ type: [WorkItemResponse] }) items!: WorkItemDto[];
  @ApiProperty({ ...INT, description: 'Items matching every filter' }) total!: number;
  @ApiProperty({ type: WorkListCountsResponse, description: 'Counts for the filter chips, over the list narrowed by q, plan, task, unit and role (not by status, urgency or verification)' })
  counts!: WorkListDto['counts'];
}

export class StatusCountsResponse implements StatusCountsDto {
  @ApiProperty(INT) total!: number;
  @ApiProperty(INT) notStarted!: number;
  @ApiProperty(INT) inProgress!: number;
  @ApiProperty(INT) done!: number;
  @ApiProperty(INT) unable!: number;
  @ApiProperty(INT) verified!: number;
  @ApiProperty(INT) pendingVerification!: number;
  @ApiProperty({ ...INT, description: 'Past the due date in force (Vietnam’s today) and neither done nor verified' }) overdue!: number;
  @ApiProperty({ ...INT, minimum: 0, maximum: 100, description: 'Mean percent' }) percent!: number;
}

export class TaskProgressResponse {
  @ApiProperty(UUID) taskId!: string;
  @ApiProperty(INT) ordinal!: number;
  @ApiProperty({ type: StatusCountsResponse }) lead!: StatusCountsDto;
  @ApiProperty({ type: StatusCountsResponse }) coordinator!: StatusCountsDto;
}

export class UnitProgressResponse {
  @ApiProperty({ example: '00070' }) unitCode!: string;
  @ApiProperty({ example: 'UBND phường Hoàn Kiếm' }) unitName!: string;
  @ApiProperty({ enum: [1, 2] }) tier!: 1 | 2;
  @ApiProperty({ type: StatusCountsResponse }) lead!: StatusCountsDto;
  @ApiProperty({ type: StatusCountsResponse }) coordinator!: StatusCountsDto;
}

export class PlanProgressResponse implements PlanProgressDto {
  @ApiProperty(UUID) planId!: string;
  @ApiProperty({ ...DATE_TIME, description: 'When these figures were read from the read model (at most a minute ago; the plan has not changed since)' }) asOf!: string;
  @ApiProperty({ type: StatusCountsResponse }) lead!: StatusCountsDto;
  @ApiProperty({ type: StatusCountsResponse }) coordinator!: StatusCountsDto;
  @ApiProperty({ type: [TaskProgressResponse] }) byTask!: PlanProgressDto['byTask'];
  @ApiProperty({ type: [UnitProgressResponse], description: 'A commune account sees its own units only' }) byUnit!: PlanProgressDto['byUnit'];
}

export class TimelineEntryResponse implements TimelineEntryDto {
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty({ example: 'execution.progress-reported' }) type!: string;
  @ApiProperty({ example: 'hoankiem.canbo' }) actor!: string;
  @ApiProperty({ type: String, nullable: true }) unitCode!: string | null;
  @ApiProperty({ example: 'Cập nhật tiến độ: đang thực hiện, 60%' }) summary!: string;
  @ApiProperty({ type: [EvidenceResponse] }) evidence!: EvidenceDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s payload as recorded' }) payload!: Record<string, unknown>;
}

export class InboxObstacleResponse extends WorkObstacleResponse {
  @ApiProperty(UUID) assignmentId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty() taskContent!: string;
  @ApiProperty() unitName!: string;
}

export class InboxExtensionResponse extends WorkExtensionResponse {
  @ApiProperty(UUID) assignmentId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty() taskContent!: string;
  @ApiProperty() unitName!: string;
}

export class LeaderInboxResponse implements LeaderInboxDto {
  @ApiProperty({ type: [InboxObstacleResponse] }) escalations!: LeaderInboxDto['escalations'];
  @ApiProperty({ type: [InboxExtensionResponse] }) extensions!: LeaderInboxDto['extensions'];
}

export const WORK_QUERY_RESPONSE_MODELS = [
  WorkItemResponse,
  WorkListCountsResponse,
  WorkListResponse,
  StatusCountsResponse,
  TaskProgressResponse,
  UnitProgressResponse,
  PlanProgressResponse,
  TimelineEntryResponse,
  InboxObstacleResponse,
  InboxExtensionResponse,
  LeaderInboxResponse,
];

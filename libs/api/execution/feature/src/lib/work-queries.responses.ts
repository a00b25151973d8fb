import { ApiProperty } from '@nestjs/swagger';
import {
  type EvidenceDto,
  type LeaderInboxDto,
  type PlanProgressDto,
  type StatusCountsDto,
  type TimelineEntryDto,
  type WorkListDto,
} from '@dieu-hanh/shared/contracts';
import { EvidenceResponse } from './evidence.responses';
import { DATE_TIME, INT, UUID, WorkExtensionResponse, WorkItemResponse, WorkObstacleResponse } from './work.responses';

export { WorkItemResponse } from './work.responses';

// Response schemas of execution's read side. Each class implements its contract in
// @dieu-hanh/shared/contracts, so the compiler keeps them true.



export class WorkListCountsResponse {
  @ApiProperty(INT) overdue!: number;
  @ApiProperty(INT) dueSoon!: number;
  @ApiProperty(INT) done!: number;
  @ApiProperty(INT) pendingVerification!: number;
  @ApiProperty(INT) open!: number;
}

export class WorkListResponse implements WorkListDto {
  @ApiProperty({ type: [WorkItemResponse] }) items!: WorkListDto['items'];
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

import { ApiProperty } from '@nestjs/swagger';
import {
  type AssignmentWorkAction,
  type AssignmentWorkDto,
  type ExtensionRequestDto,
  type ObstacleDto,
  type Urgency,
  type UrgeResultDto,
  type Verification,
  type VerifierDto,
  WORK_STATUSES,
  type WorkItemDto,
  type WorkStatus,
} from '@dieu-hanh/shared/contracts';
import { EvidenceResponse } from './evidence.responses';

// Response schemas of execution's write side. Each class implements its contract in
// @dieu-hanh/shared/contracts, so the compiler keeps them true; openapi.int.spec.ts checks real answers.
// (A2: reuse WorkObstacleResponse / WorkExtensionResponse for the leader's inbox rather than new names.)

export const UUID = { type: String, format: 'uuid' } as const;
export const DATE = { type: String, format: 'date', example: '2026-06-30' } as const;
export const DATE_TIME = { type: String, format: 'date-time' } as const;
const NULLABLE_STRING = { type: String, nullable: true } as const;
export const INT = { type: 'integer' } as const;

export const VERIFICATIONS: readonly Verification[] = ['none', 'pending', 'verified', 'returned'];
export const URGENCIES: readonly Urgency[] = ['overdue', 'due-soon', 'on-track', 'no-date', 'closed'];
export const WORK_ACTIONS: readonly AssignmentWorkAction[] = [
  'update-progress',
  'upload-evidence',
  'raise-obstacle',
  'request-extension',
  'verify',
  'return',
  'urge',
  'answer-obstacle',
  'escalate-obstacle',
  'give-directive',
  'decide-extension',
];

export class WorkVerifierResponse implements VerifierDto {
  @ApiProperty({ enum: ['lead', 'focal', 'issuer', 'commune'], description: 'lead: the task’s lead unit; focal: the plan’s focal unit; issuer: the issuing committee (leaders, office); commune: the commune’s leaders' })
  kind!: VerifierDto['kind'];
  @ApiProperty({ type: [String], example: ['01-SKHCN'] }) unitCodes!: string[];
  @ApiProperty({ type: [String], example: ['Sở Khoa học và Công nghệ'] }) unitNames!: string[];
}

export class WorkObstacleResponse implements ObstacleDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ description: 'Khó khăn, vướng mắc' }) description!: string;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Đề xuất, kiến nghị' }) proposal!: string | null;
  @ApiProperty({ enum: ['open', 'answered', 'escalated', 'directed'] }) status!: ObstacleDto['status'];
  @ApiProperty(DATE_TIME) raisedAt!: string;
  @ApiProperty({ example: 'hoankiem.canbo' }) raisedBy!: string;
  @ApiProperty(NULLABLE_STRING) answer!: string | null;
  @ApiProperty(NULLABLE_STRING) answeredBy!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) escalatedAt!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Ý kiến chỉ đạo' }) directive!: string | null;
  @ApiProperty(NULLABLE_STRING) directedBy!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) directedAt!: string | null;
}

export class WorkExtensionResponse implements ExtensionRequestDto {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ ...DATE, nullable: true, description: 'The due date in force when asked' }) currentDue!: string | null;
  @ApiProperty(DATE) requestedDue!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: ExtensionRequestDto['status'];
  @ApiProperty(DATE_TIME) requestedAt!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ ...DATE_TIME, nullable: true }) decidedAt!: string | null;
  @ApiProperty(NULLABLE_STRING) decidedBy!: string | null;
  @ApiProperty(NULLABLE_STRING) decisionNote!: string | null;
}

/** One assignment with its state, as lists show it (GET /my/work …); the work page's answer adds to it. */
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

export class AssignmentWorkResponse extends WorkItemResponse implements AssignmentWorkDto {
  @ApiProperty({ ...INT, minimum: 0, description: '0 before the first update' }) declare version: number;
  @ApiProperty(NULLABLE_STRING) note!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Kết quả, sản phẩm' }) result!: string | null;
  @ApiProperty({ type: WorkVerifierResponse }) verifier!: VerifierDto;
  @ApiProperty(NULLABLE_STRING) returnReason!: string | null;
  @ApiProperty({ type: [EvidenceResponse] }) evidence!: EvidenceResponse[];
  @ApiProperty({ type: [WorkObstacleResponse] }) obstacles!: ObstacleDto[];
  @ApiProperty({ type: [WorkExtensionResponse] }) extensions!: ExtensionRequestDto[];
  @ApiProperty({ ...NULLABLE_STRING, example: 'Phó Chủ tịch UBND Thành phố Nguyễn Văn A' }) directingLeader!: string | null;
  @ApiProperty({ enum: WORK_ACTIONS, isArray: true, description: 'What the caller may do now: a listed action is accepted, an unlisted one refused' })
  allowedActions!: AssignmentWorkAction[];
}

export class UrgeResultResponse implements UrgeResultDto {
  @ApiProperty({ ...INT, minimum: 0, description: 'How many units were urged' }) urged!: number;
}

export const WORK_RESPONSE_MODELS = [AssignmentWorkResponse, WorkVerifierResponse, WorkObstacleResponse, WorkExtensionResponse, UrgeResultResponse];

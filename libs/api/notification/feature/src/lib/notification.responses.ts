import { ApiProperty } from '@nestjs/swagger';
import type { NotificationDto, NotificationGroupDto, NotificationGroupListDto, NotificationKind, NotificationListDto } from '@dieu-hanh/shared/contracts';

// Response schemas of the notification endpoints; each implements its contract so the compiler keeps
// them true, and openapi.int.spec.ts checks real responses against them.

const NOTIFICATION_KINDS = [
  'assignment-created',
  'assignment-changed',
  'assignment-withdrawn',
  'plan-submitted',
  'plan-returned',
  'plan-approved',
  'plan-amended',
  'work-verification-requested',
  'work-verified',
  'work-returned',
  'obstacle-raised',
  'obstacle-answered',
  'obstacle-escalated',
  'directive-given',
  'extension-requested',
  'extension-decided',
  'work-urged',
  'reminder-before-due',
  'reminder-overdue',
  'report-period-opened',
  'report-urged',
  'report-due-soon',
  'report-submitted',
  'report-accepted',
  'report-returned',
  'report-reopened',
  'consolidated-report-submitted',
  'consolidated-report-approved',
  'consolidated-report-returned',
] as const satisfies readonly NotificationKind[];

// Every kind of the contract is listed (the compiler fails here when one is added to the union alone).
type Missing = Exclude<NotificationKind, (typeof NOTIFICATION_KINDS)[number]>;
const allKindsListed: Missing extends never ? true : Missing = true;
void allKindsListed;

export class NotificationResponse implements NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationDto['kind'];
  @ApiProperty({ description: 'The unit told', example: '00070' }) unitCode!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) planId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) assignmentId!: string | null;
  @ApiProperty({ example: 'Đơn vị được giao nhiệm vụ mới' }) titleVi!: string;
  @ApiProperty({ example: 'Your unit has a new assignment' }) titleEn!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The plan’s title, for grouping per plan', example: 'Kế hoạch 402/KH-UBND …' }) planTitle!: string | null;
  @ApiProperty({ description: 'A request to act (plan to decide, work to verify, obstacle, extension, escalation, urging, reminder)' }) actionRequired!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the action asked for was done; a resolved notification is not counted as unread' })
  resolvedAt!: string | null;
}

export class NotificationListResponse implements NotificationListDto {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first' }) items!: NotificationDto[];
  @ApiProperty({
    type: 'integer',
    description: 'Unread and unresolved notifications of the unit (all of them, not only this page)',
  })
  unread!: number;
}

export class NotificationReadResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: Boolean, enum: [true] }) read!: true;
}

export class NotificationsReadAllResponse {
  @ApiProperty({ type: 'integer', description: 'How many were marked read' }) read!: number;
}

export class NotificationGroupResponse implements NotificationGroupDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The plan; null for notifications about no plan' }) planId!: string | null;
  @ApiProperty({ type: String, nullable: true }) planTitle!: string | null;
  @ApiProperty({ type: 'integer', description: 'Notifications in the group' }) count!: number;
  @ApiProperty({ type: 'integer', description: 'Unread and unresolved in the group' }) unread!: number;
  @ApiProperty({ type: 'integer', description: 'Action requests of the group not yet resolved' }) actionsOpen!: number;
  @ApiProperty({ type: NotificationResponse, description: 'The newest notification of the group' }) latest!: NotificationDto;
}

export class NotificationGroupListResponse implements NotificationGroupListDto {
  @ApiProperty({ type: [NotificationGroupResponse], description: 'Newest group first' }) groups!: NotificationGroupDto[];
  @ApiProperty({ type: 'integer', description: 'Unread and unresolved notifications of the unit, in every group' }) unread!: number;
  @ApiProperty({ type: 'integer', description: 'How many groups (for paging)' }) total!: number;
}

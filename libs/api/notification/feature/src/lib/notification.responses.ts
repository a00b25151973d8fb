import { ApiProperty } from '@nestjs/swagger';
import type { NotificationDto, NotificationListDto } from '@dieu-hanh/shared/contracts';

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
] as const satisfies readonly NotificationDto['kind'][];

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
}

export class NotificationListResponse implements NotificationListDto {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first' }) items!: NotificationDto[];
  @ApiProperty({
    type: 'integer',
    description: 'Unread notifications of the unit (all of them, not only this page)',
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

import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  ListNotificationGroupsQuery,
  ListNotificationsQuery,
  MarkAllNotificationsReadCommand,
  MarkNotificationReadCommand,
  NotificationMailbox,
} from '@dieu-hanh/api/notification/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { NotificationGroupListResponse, NotificationListResponse, NotificationReadResponse, NotificationsReadAllResponse } from './notification.responses';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PLAN_FILTER = /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
/** `planId=none` → null (the notifications of no plan); a uuid → itself; absent → undefined (all). */
const planFilter = (planId: string | undefined): string | null | undefined => (planId === undefined ? undefined : planId === 'none' ? null : planId);

export class ListNotificationsParams {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Only the unread (and unresolved) ones' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Only one plan’s notifications (a group of GET /notifications/groups), or `none` for those of no plan',
    pattern: PLAN_FILTER.source,
    example: 'none',
  })
  @IsOptional()
  @Matches(PLAN_FILTER)
  planId?: string;
}

export class ListNotificationGroupsParams {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Only groups with unread (and unresolved) notifications' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: 100000 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  offset?: number;
}

export class ReadAllParams {
  @ApiPropertyOptional({ description: 'Only one plan’s group (or `none`: the notifications of no plan)', pattern: PLAN_FILTER.source, example: 'none' })
  @IsOptional()
  @Matches(PLAN_FILTER)
  planId?: string;
}

export class NotificationIdParam {
  @ApiProperty({ description: 'The notification’s id (UUID, lower case)', format: 'uuid', pattern: UUID.source })
  @Matches(UUID) id!: string;
}

@ApiTags('Thông báo / Notifications')
@ApiProblemResponses(401, 503)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus, private readonly mailbox: NotificationMailbox) {}

  @Get()
  @ApiOperation({ summary: 'Thông báo của đơn vị tôi / My unit’s notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListResponse })
  @ApiProblemResponses(400)
  list(@CurrentScope() scope: AccessScope, @Query() q: ListNotificationsParams) {
    this.mailbox.seen(scope);
    return this.queries.execute(new ListNotificationsQuery(scope, { unreadOnly: q.unread ?? false, limit: q.limit ?? 50, planId: planFilter(q.planId) }));
  }

  @Get('groups')
  @ApiOperation({
    summary: 'Thông báo theo kế hoạch / My unit’s notifications grouped per plan (count, unread, open actions, the latest); drill down with GET /notifications?planId=',
  })
  @ApiOkResponse({ type: NotificationGroupListResponse })
  @ApiProblemResponses(400)
  groups(@CurrentScope() scope: AccessScope, @Query() q: ListNotificationGroupsParams) {
    this.mailbox.seen(scope);
    return this.queries.execute(new ListNotificationGroupsQuery(scope, { unreadOnly: q.unread ?? false, limit: q.limit ?? 20, offset: q.offset ?? 0 }));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu tất cả đã đọc / Mark every notification of my unit (or of one plan’s group) read' })
  @ApiOkResponse({ type: NotificationsReadAllResponse })
  @ApiProblemResponses(400)
  readAll(@CurrentScope() scope: AccessScope, @Query() q: ReadAllParams, @Req() req: { id?: unknown }) {
    return this.commands.execute(new MarkAllNotificationsReadCommand(commandMetadata(scope, req), planFilter(q.planId)));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc / Mark read' })
  @ApiOkResponse({ type: NotificationReadResponse })
  @ApiProblemResponses(400, { status: 404, description: 'No such notification for the caller’s unit (NOTIFICATION.NOT_FOUND)' })
  read(@CurrentScope() scope: AccessScope, @Param() p: NotificationIdParam, @Req() req: { id?: unknown }) {
    return this.commands.execute(new MarkNotificationReadCommand(p.id, commandMetadata(scope, req)));
  }
}

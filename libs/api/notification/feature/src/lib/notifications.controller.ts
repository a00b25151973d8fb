import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ListNotificationsQuery, MarkAllNotificationsReadCommand, MarkNotificationReadCommand } from '@dieu-hanh/api/notification/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { NotificationListResponse, NotificationReadResponse, NotificationsReadAllResponse } from './notification.responses';

export class ListNotificationsParams {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Only the unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class NotificationIdParam {
  @ApiProperty({ description: 'The notification’s id (UUID, lower case)', format: 'uuid', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) id!: string;
}

@ApiTags('Thông báo / Notifications')
@ApiProblemResponses(401, 503)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Thông báo của đơn vị tôi / My unit’s notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListResponse })
  @ApiProblemResponses(400)
  list(@CurrentScope() scope: AccessScope, @Query() q: ListNotificationsParams) {
    return this.queries.execute(new ListNotificationsQuery(scope, { unreadOnly: q.unread ?? false, limit: q.limit ?? 50 }));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu tất cả đã đọc / Mark every notification of my unit read' })
  @ApiOkResponse({ type: NotificationsReadAllResponse })
  readAll(@CurrentScope() scope: AccessScope, @Req() req: { id?: unknown }) {
    return this.commands.execute(new MarkAllNotificationsReadCommand(commandMetadata(scope, req)));
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

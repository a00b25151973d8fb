import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ListNotificationsQuery, MarkAllNotificationsReadCommand, MarkNotificationReadCommand } from '@dieu-hanh/api/notification/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';

export class ListNotificationsParams {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class NotificationIdParam {
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) id!: string;
}

@ApiTags('Thông báo / Notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Thông báo của đơn vị tôi / My unit’s notifications, newest first, with the unread count' })
  list(@CurrentScope() scope: AccessScope, @Query() q: ListNotificationsParams) {
    return this.queries.execute(new ListNotificationsQuery(scope, { unreadOnly: q.unread ?? false, limit: q.limit ?? 50 }));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu tất cả đã đọc / Mark every notification of my unit read' })
  readAll(@CurrentScope() scope: AccessScope, @Req() req: { id?: unknown }) {
    return this.commands.execute(new MarkAllNotificationsReadCommand(commandMetadata(scope, req)));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc / Mark read' })
  read(@CurrentScope() scope: AccessScope, @Param() p: NotificationIdParam, @Req() req: { id?: unknown }) {
    return this.commands.execute(new MarkNotificationReadCommand(p.id, commandMetadata(scope, req)));
  }
}

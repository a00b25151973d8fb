import { Command, Query } from '@nestjs/cqrs';
import type { AccessScope, CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { NotificationGroupListDto, NotificationListDto } from '@dieu-hanh/shared/contracts';
import type { NotificationListOptions } from './notification.store';

export class ListNotificationsQuery extends Query<NotificationListDto> {
  constructor(readonly scope: AccessScope, readonly options: NotificationListOptions) {
    super();
  }
}

export class ListNotificationGroupsQuery extends Query<NotificationGroupListDto> {
  constructor(readonly scope: AccessScope, readonly options: { unreadOnly: boolean; limit: number; offset: number }) {
    super();
  }
}

export class MarkNotificationReadCommand extends Command<{ id: string; read: true }> {
  constructor(readonly id: string, readonly metadata: CommandMetadata) {
    super();
  }
}

export class MarkAllNotificationsReadCommand extends Command<{ read: number }> {
  /** `planId`: only that plan's group (null: the notifications of no plan); omitted: all. */
  constructor(readonly metadata: CommandMetadata, readonly planId?: string | null) {
    super();
  }
}

import { Command, Query } from '@nestjs/cqrs';
import type { AccessScope, CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { NotificationListDto } from '@dieu-hanh/shared/contracts';

export class ListNotificationsQuery extends Query<NotificationListDto> {
  constructor(readonly scope: AccessScope, readonly options: { unreadOnly: boolean; limit: number }) {
    super();
  }
}

export class MarkNotificationReadCommand extends Command<{ id: string; read: true }> {
  constructor(readonly id: string, readonly metadata: CommandMetadata) {
    super();
  }
}

export class MarkAllNotificationsReadCommand extends Command<{ read: number }> {
  constructor(readonly metadata: CommandMetadata) {
    super();
  }
}

import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListNotificationsHandler, MarkAllNotificationsReadHandler, MarkNotificationReadHandler, NotificationStore } from '@dieu-hanh/api/notification/application';
import { NotificationProjection, SqlNotificationStore } from '@dieu-hanh/api/notification/infrastructure';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { NotificationsController } from './notifications.controller';

/** Bounded context: notifications, projected from other contexts' events by a subscriber of the event feed. */
@Module({
  imports: [CqrsModule],
  controllers: [NotificationsController],
  providers: [ListNotificationsHandler, MarkNotificationReadHandler, MarkAllNotificationsReadHandler, NotificationProjection, { provide: NotificationStore, useClass: SqlNotificationStore }],
})
export class NotificationModule implements OnModuleInit {
  constructor(private readonly feed: EventFeed, private readonly projection: NotificationProjection) {}

  onModuleInit(): void {
    this.feed.register(this.projection);
  }
}

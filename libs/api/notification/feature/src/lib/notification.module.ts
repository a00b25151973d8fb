import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListNotificationsHandler, MarkAllNotificationsReadHandler, MarkNotificationReadHandler, NotificationStore } from '@dieu-hanh/api/notification/application';
import { NotificationProjector, SqlNotificationStore } from '@dieu-hanh/api/notification/infrastructure';
import { ProjectorRegistry } from '@dieu-hanh/api/shared/database';
import { NotificationsController } from './notifications.controller';

/** Bounded context: notifications, projected from other contexts' events in their own transactions. */
@Module({
  imports: [CqrsModule],
  controllers: [NotificationsController],
  providers: [ListNotificationsHandler, MarkNotificationReadHandler, MarkAllNotificationsReadHandler, NotificationProjector, { provide: NotificationStore, useClass: SqlNotificationStore }],
})
export class NotificationModule implements OnModuleInit {
  constructor(private readonly registry: ProjectorRegistry, private readonly projector: NotificationProjector) {}

  onModuleInit(): void {
    this.registry.register(this.projector);
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { allNotificationsRead } from '@dieu-hanh/api/notification/contracts';
import { type AccessScope, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { MarkAllNotificationsReadCommand } from './notification.queries';
import { NotificationStore } from './notification.store';

/** "Đánh dấu tất cả đã đọc": one command, one event naming how many. */
@CommandHandler(MarkAllNotificationsReadCommand)
export class MarkAllNotificationsReadHandler implements ICommandHandler<MarkAllNotificationsReadCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: NotificationStore) {}

  execute({ metadata, planId }: MarkAllNotificationsReadCommand): Promise<{ read: number }> {
    const scope = metadata.actor as AccessScope;
    return this.uow.run(metadata, async (tx) => {
      const read = await this.store.markAllRead(scope, planId);
      if (read > 0) tx.record(allNotificationsRead(scope.unitCode, { unitCode: scope.unitCode, by: scope.username, read }));
      return { read };
    });
  }
}

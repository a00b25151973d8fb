import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { notificationRead } from '@dieu-hanh/api/notification/contracts';
import { type AccessScope, DomainError, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { MarkNotificationReadCommand } from './notification.queries';
import { NotificationStore } from './notification.store';

/** Reading a notification is a state change like any other: a command, in a transaction, with its event. */
@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly store: NotificationStore) {}

  execute({ id, metadata }: MarkNotificationReadCommand): Promise<{ id: string; read: true }> {
    return this.uow.run(metadata, async (tx) => {
      const marked = await this.store.markRead(id, metadata.actor as AccessScope);
      if (!marked) {
        throw new DomainError('NOTIFICATION.NOT_FOUND', 'not-found', `Không tìm thấy thông báo ${id}.`, `Notification ${id} was not found.`);
      }
      tx.record(notificationRead(id, { unitCode: marked.unitCode, by: metadata.actor.username }));
      return { id, read: true };
    });
  }
}

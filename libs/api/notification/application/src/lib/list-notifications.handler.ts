import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { NotificationListDto } from '@dieu-hanh/shared/contracts';
import { ListNotificationsQuery } from './notification.queries';
import { NotificationStore } from './notification.store';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly store: NotificationStore) {}

  execute({ scope, options }: ListNotificationsQuery): Promise<NotificationListDto> {
    return this.store.list(scope, options);
  }
}

import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { NotificationGroupListDto } from '@dieu-hanh/shared/contracts';
import { ListNotificationGroupsQuery } from './notification.queries';
import { NotificationStore } from './notification.store';

/** The bell's view: the caller's notifications grouped per plan (a fan-out of 195 tasks is one line). */
@QueryHandler(ListNotificationGroupsQuery)
export class ListNotificationGroupsHandler implements IQueryHandler<ListNotificationGroupsQuery> {
  constructor(private readonly store: NotificationStore) {}

  execute({ scope, options }: ListNotificationGroupsQuery): Promise<NotificationGroupListDto> {
    return this.store.groups(scope, options);
  }
}

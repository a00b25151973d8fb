import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { NotificationGroupListDto, NotificationListDto } from '@dieu-hanh/shared/contracts';

/** Which notifications a list shows: `planId` a plan's (drill-down of a group), `null` those of no plan. */
export interface NotificationListOptions {
  unreadOnly: boolean;
  limit: number;
  /** Omitted: every plan. A uuid: that plan's group. null: notifications that belong to no plan. */
  planId?: string | null;
}

/** Notifications of the caller's unit (a commune account also sees its offices'). */
export abstract class NotificationStore {
  abstract list(scope: AccessScope, options: NotificationListOptions): Promise<NotificationListDto>;
  /** Grouped per plan, newest group first; each with its count, unread, open actions and latest notification. */
  abstract groups(scope: AccessScope, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<NotificationGroupListDto>;
  /** Marks one notification read if the caller may see it; false when it is not theirs (or does not exist). */
  abstract markRead(id: string, scope: AccessScope): Promise<{ unitCode: string } | null>;
  /** Marks every unread notification the caller sees (of one plan's group when `planId` is given) read; answers how many. */
  abstract markAllRead(scope: AccessScope, planId?: string | null): Promise<number>;
}

import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { NotificationListDto } from '@dieu-hanh/shared/contracts';

/** Notifications of the caller's unit (a commune account also sees its offices'). */
export abstract class NotificationStore {
  abstract list(scope: AccessScope, options: { unreadOnly: boolean; limit: number }): Promise<NotificationListDto>;
  /** Marks one notification read if the caller may see it; false when it is not theirs (or does not exist). */
  abstract markRead(id: string, scope: AccessScope): Promise<{ unitCode: string } | null>;
  /** Marks every unread notification the caller sees as read; answers how many. */
  abstract markAllRead(scope: AccessScope): Promise<number>;
}

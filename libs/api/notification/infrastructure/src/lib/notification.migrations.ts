import { CreateNotifications1732300004000 } from './1732300004000-create-notifications.migration';
import { NotificationOwnsItsSchema1732300006200 } from './1732300006200-notification-owns-its-schema.migration';
import { NotificationGroupsResolutionEmail1732300007100 } from './1732300007100-notification-groups-resolution-email.migration';

/** This context's migrations, in order; the API collects every context's list. */
export const NOTIFICATION_MIGRATIONS = [CreateNotifications1732300004000, NotificationOwnsItsSchema1732300006200, NotificationGroupsResolutionEmail1732300007100];

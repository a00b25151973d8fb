import { ORGANIZATION_MIGRATIONS } from '@dieu-hanh/api/organization/infrastructure';
import { PLANNING_MIGRATIONS } from '@dieu-hanh/api/planning/infrastructure';
import { NOTIFICATION_MIGRATIONS } from '@dieu-hanh/api/notification/infrastructure';
import { EXECUTION_MIGRATIONS } from '@dieu-hanh/api/execution/infrastructure';
import { REPORTING_MIGRATIONS } from '@dieu-hanh/api/reporting/infrastructure';
import { CreateEventFeed1732300006500, CreateEventLog1732300000000, CreateIdempotencyKeys1732300005000 } from '@dieu-hanh/api/shared/database';

/** Every context's migrations, in timestamp order. Add a context's list here when it arrives. */
export const ALL_MIGRATIONS = [CreateEventLog1732300000000, ...ORGANIZATION_MIGRATIONS, ...PLANNING_MIGRATIONS, ...NOTIFICATION_MIGRATIONS, ...EXECUTION_MIGRATIONS, ...REPORTING_MIGRATIONS, CreateIdempotencyKeys1732300005000, CreateEventFeed1732300006500].sort((a, b) =>
  a.name.slice(-13).localeCompare(b.name.slice(-13)),
);

import { CreateWork1732300007010 } from './migrations/1732300007010-create-work.migration';
import { CreateEvidence1732300007020 } from './migrations/1732300007020-evidence.migration';
import { CreateProgressReadModels1732300007030 } from './migrations/1732300007030-progress-read-models.migration';
import { CreateReminders1732300007040 } from './migrations/1732300007040-reminders.migration';
import { PublishWorkViews1732300008010 } from './migrations/1732300008010-publish-work-views.migration';
import { PublishPlanTallyVersion1732300008020 } from './migrations/1732300008020-publish-plan-tally-version.migration';

/** This context's migrations, in order; the API collects every context's list. */
export const EXECUTION_MIGRATIONS = [CreateWork1732300007010, CreateEvidence1732300007020, CreateProgressReadModels1732300007030, CreateReminders1732300007040, PublishWorkViews1732300008010, PublishPlanTallyVersion1732300008020];

import { CreatePlans1732300002000 } from './1732300002000-create-plans.migration';
import { PlanDocuments1732300003000 } from './1732300003000-plan-documents.migration';
import { PlanningOwnsItsSchema1732300006100 } from './1732300006100-planning-owns-its-schema.migration';
import { PublishAssignmentView1732300007000 } from './1732300007000-publish-assignment-view.migration';
import { PublishPlanViews1732300008000 } from './1732300008000-publish-plan-views.migration';

/** This context's migrations, in order; the API collects every context's list. */
export const PLANNING_MIGRATIONS = [CreatePlans1732300002000, PlanDocuments1732300003000, PlanningOwnsItsSchema1732300006100, PublishAssignmentView1732300007000, PublishPlanViews1732300008000];

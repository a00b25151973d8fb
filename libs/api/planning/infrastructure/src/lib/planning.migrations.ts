import { CreatePlans1732300002000 } from './1732300002000-create-plans.migration';
import { PlanDocuments1732300003000 } from './1732300003000-plan-documents.migration';

export const PLANNING_MIGRATIONS = [CreatePlans1732300002000, PlanDocuments1732300003000];

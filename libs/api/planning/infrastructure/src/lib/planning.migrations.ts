import { CreatePlans1732300002000 } from './1732300002000-create-plans.migration';

export const PLANNING_MIGRATIONS = [CreatePlans1732300002000];

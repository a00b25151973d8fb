import { CreateReporting1732300009000 } from './migrations/1732300009000-create-reporting.migration';
import { ReportingPlanIndexes1732300009010 } from './migrations/1732300009010-reporting-plan-indexes.migration';

/** This context's migrations, in order; the API collects every context's list. */
export const REPORTING_MIGRATIONS = [CreateReporting1732300009000, ReportingPlanIndexes1732300009010];

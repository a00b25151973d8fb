import { CreateUnitDirectory1732300001000 } from './migrations/1732300001000-create-unit-directory.migration';

/** This context's migrations, in order; the API collects every context's list. */
export const ORGANIZATION_MIGRATIONS = [CreateUnitDirectory1732300001000];

import { CreateUnitDirectory1732300001000 } from './migrations/1732300001000-create-unit-directory.migration';
import { PublishDirectoryViews1732300006000 } from './migrations/1732300006000-publish-directory-views.migration';

/** This context's migrations, in order; the API collects every context's list. */
export const ORGANIZATION_MIGRATIONS = [CreateUnitDirectory1732300001000, PublishDirectoryViews1732300006000];

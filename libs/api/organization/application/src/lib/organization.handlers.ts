import { ImportUnitDirectoryHandler } from './commands/import-unit-directory.handler';
import { RecordUnitSuccessionHandler } from './commands/record-unit-succession.handler';
import { RegisterUnitHandler } from './commands/register-unit.handler';
import { UpdateUnitHandler } from './commands/update-unit.handler';
import { DirectorySnapshotHandler } from './queries/directory-snapshot.handler';
import { SuccessionsInForceHandler } from './queries/successions-in-force.handler';
import { GetSuccessorChainHandler } from './queries/get-successor-chain.handler';
import { GetUnitHistoryHandler } from './queries/get-unit-history.handler';
import { GetUnitHandler } from './queries/get-unit.handler';
import { ListUnitGroupsHandler } from './queries/list-unit-groups.handler';
import { SearchUnitsHandler } from './queries/search-units.handler';

export const ORGANIZATION_COMMAND_HANDLERS = [
  RegisterUnitHandler,
  UpdateUnitHandler,
  RecordUnitSuccessionHandler,
  ImportUnitDirectoryHandler,
];

export const ORGANIZATION_QUERY_HANDLERS = [
  SearchUnitsHandler,
  GetUnitHandler,
  GetSuccessorChainHandler,
  ListUnitGroupsHandler,
  GetUnitHistoryHandler,
  DirectorySnapshotHandler,
  SuccessionsInForceHandler,
];

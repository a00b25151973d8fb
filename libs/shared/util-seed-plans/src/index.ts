export type { PlanSeed } from './lib/types';
export { loadPlanSeeds, validatePlanSeed } from './lib/load-plan-seeds';

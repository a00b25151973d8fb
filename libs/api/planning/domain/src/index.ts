export * from './lib/plan-lifecycle';
export * from './lib/fan-out';
export * from './lib/plan.aggregate';
export * from './lib/planning.errors';

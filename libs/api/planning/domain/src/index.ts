export * from './lib/plan-lifecycle';
export * from './lib/fan-out';
export * from './lib/plan.aggregate';
export * from './lib/assignment';
export * from './lib/assignment-diff';
export * from './lib/planning.errors';

export * from './lib/plan-lifecycle';
export * from './lib/fan-out';

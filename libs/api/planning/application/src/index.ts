export * from './lib/ports/plan.repository';
export * from './lib/ports/plan.read-model';
export * from './lib/commands/draft-plan.command';
export * from './lib/commands/revise-plan.command';
export * from './lib/commands/transition-plan.command';
export * from './lib/commands/issue-plan.command';
export * from './lib/queries/plan.queries';
export * from './lib/planning.handlers';

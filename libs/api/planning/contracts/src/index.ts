// What the planning context offers other contexts: its event names with typed payloads and factories.
// Other contexts import this library only, never planning's domain, application or tables.
export * from './lib/plan.events';
export * from './lib/assignment.events';

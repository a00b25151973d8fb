export * from './lib/execution.errors';
export * from './lib/text';
export * from './lib/work';
export * from './lib/obstacle';
export * from './lib/extension-request';
export * from './lib/urgency';

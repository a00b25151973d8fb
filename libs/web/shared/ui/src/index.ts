export * from './lib/app-frame';
export * from './lib/wrong-app';
export * from './lib/info-card';
export * from './lib/home-header';
export * from './lib/capabilities-card';
export * from './lib/shell-layout';
export * from './lib/shell-routes';
export * from './lib/plan-shortlist';

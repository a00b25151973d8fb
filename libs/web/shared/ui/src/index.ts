export * from './lib/app-frame';
export * from './lib/wrong-app';
export * from './lib/info-card';

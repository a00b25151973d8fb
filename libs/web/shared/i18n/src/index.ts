export * from './lib/messages';
export * from './lib/i18n.service';
export * from './lib/format';
export * from './lib/pipes';

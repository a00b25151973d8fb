export * from './lib/domain-event';
export * from './lib/aggregate-root';
export * from './lib/domain-error';
export * from './lib/actor';
export * from './lib/unit-of-work.port';
export * from './lib/clock.port';
export * from './lib/iso-date';
export * from './lib/directory-snapshot.query';

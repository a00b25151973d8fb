export * from './progress-tally.subscriber';
export * from './sql-work.read-model';

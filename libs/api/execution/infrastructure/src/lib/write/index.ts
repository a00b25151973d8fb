export * from './sql-work.repository';
export * from './sql-obstacle.repository';
export * from './sql-extension.repository';

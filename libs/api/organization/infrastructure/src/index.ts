export * from './lib/persistence/typeorm-unit.repository';
export * from './lib/persistence/sql-directory-importer';
export * from './lib/persistence/search-text';
export * from './lib/read-model/unit-directory.sql-read-model';
export * from './lib/account-directory.adapter';
export * from './lib/unit-history.adapter';
export * from './lib/migrations/1732300001000-create-unit-directory.migration';
export * from './lib/organization.migrations';

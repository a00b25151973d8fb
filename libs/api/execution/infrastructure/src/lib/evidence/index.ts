export * from './evidence-config';
export * from './local-folder-content.store';
export * from './file-type-evidence.detector';
export * from './ooxml-package';
export * from './sql-evidence.repository';
export * from './evidence-samples';

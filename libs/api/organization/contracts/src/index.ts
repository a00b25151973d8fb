// What the organization context (danh mục đơn vị) offers other contexts: published queries and their
// results, and its event names with typed payloads. Other contexts import this library only.
export * from './lib/directory.queries';
export * from './lib/unit.events';

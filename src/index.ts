// Dateline's library API. Each pipeline stage has its own public index; this file gathers them.
export * from './types.js';
export { extract, detectKind } from './extract/index.js';
export { fetchPage, FetchError, isPrivateAddress, DEFAULT_USER_AGENT } from './ingest/index.js';
export type { FetchOptions, FetchResult, FetchErrorCode } from './ingest/index.js';
export { openArchive, resolveDbPath, SqliteArchive, canonicalizeUrl, siteOf } from './store/index.js';
export type { Archive, ArchiveWriter, RawPage, SaveInput, SaveResult, FailureRecord } from './store/index.js';
export { ingest, IngestPipeline } from './ingest/index.js';
export type { IngestSummary, IngestItem } from './ingest/index.js';
export { startServer, createDatelineServer, type RunningServer, type ServerOptions, type IngestFn, type IngestRequest } from './server/index.js';
export { enrich, entityKey, entityKeyMatches, type EnrichOptions, type EntityType } from './enrich/index.js';
export { enrichStored, listEntities, findEntity, entityDetail, listQuotes, enrichmentOf, migrateEnrich } from './enrich/store.js';
export { StoryEngine, openStories, updateStories, reclusterArchive, scoreClustering } from './stories/index.js';

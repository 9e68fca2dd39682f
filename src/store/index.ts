// Public API of the archive store. `openArchive()` resolves the database path the way every
// command does: an explicit path, else $DATELINE_DB, else ./dateline.db.
import { SqliteArchive } from './sqlite.js';

export type { Archive, ArchiveWriter, FailureRecord, FetchState, ItemHints, RawPage, SaveInput, SaveOutcome, SaveResult, StoredRawPage } from './api.js';
export { SqliteArchive } from './sqlite.js';
export { canonicalizeUrl, siteOf, normalizeSite } from './canonical.js';
export { toFtsQuery, QueryError } from './query.js';
export { escapeHtml } from '../extract/render.js';
export { migrate } from './migrate.js';

export const DEFAULT_DB = 'dateline.db';

export function resolveDbPath(explicit?: string): string {
  return explicit || process.env.DATELINE_DB || DEFAULT_DB;
}

export function openArchive(path?: string, options: { readonly?: boolean } = {}): SqliteArchive {
  return new SqliteArchive(resolveDbPath(path), options);
}

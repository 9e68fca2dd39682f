// Rendered pages and stories kept in memory while the archive does not change. An article page
// costs ~200–900 µs of CPU to build (row, decompression, sanitising, its story's coverage list);
// sending a kept copy costs a few µs. Entries are only valid for the archive version they were
// built at: for a SQLite archive that version is `PRAGMA data_version` (changes when any other
// connection commits: `dateline ingest` in another process) plus `total_changes()` (rows this
// connection wrote: POST /api/ingest, or a library user writing through the same archive). So a
// kept page is never stale; a write anywhere just empties the cache. Archives without a database
// (the in-memory test archive, other ArchiveReaders) are not cached at all.
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ArchiveReader } from '../types.js';

type Db = Database.Database;

function dbOf(archive: ArchiveReader): Db | undefined {
  const db = (archive as { db?: unknown }).db;
  return typeof db === 'object' && db !== null && typeof (db as { prepare?: unknown }).prepare === 'function' ? db as Db : undefined;
}

/** A kept page: its bytes and a strong validator (ETag) for conditional requests. */
export interface KeptPage {
  body: Buffer;
  etag: string;
}

/**
 * The archive's version as a string that changes whenever its content may have, or undefined
 * for an archive that cannot say (not cached then).
 */
export function archiveVersion(archive: ArchiveReader): (() => string) | undefined {
  const db = dbOf(archive);
  if (!db) return undefined;
  // Two plain statements cost less than one reading the pragma as a table (~8 vs ~12 µs).
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  // A read-only connection writes nothing: other processes' commits are all data_version shows.
  if (db.readonly) return () => String(dataVersion.get() as number);
  const ownChanges = db.prepare('SELECT total_changes()').pluck();
  return () => `${dataVersion.get() as number}:${ownChanges.get() as number}`;
}

/** A small LRU of values built at one archive version; cleared when the version moves. */
export class VersionedCache {
  private readonly version: (() => string) | undefined;
  private at: string | undefined;
  private readonly entries = new Map<string, { value: unknown; bytes: number }>();
  private bytes = 0;

  /** `version`: an archive (its archiveVersion()) or the function itself, to share one between caches. */
  constructor(version: ArchiveReader | (() => string) | undefined, private readonly maxEntries = 1000, private readonly maxBytes = 32 * 1024 * 1024) {
    this.version = typeof version === 'function' || version === undefined ? version : archiveVersion(version);
  }

  /** Whether this archive can be cached at all. */
  get enabled(): boolean {
    return this.version !== undefined;
  }

  /** Drops everything when the archive has changed since the entries were built; call once per request. */
  check(now = this.version?.()): void {
    if (now === undefined) return;
    if (now !== this.at) { this.entries.clear(); this.bytes = 0; this.at = now; }
  }

  /** The value under `key`, built by `build` when absent (or always, for an uncacheable archive). */
  get<T>(key: string, build: () => T | undefined, size: (value: T) => number = () => 0): T | undefined {
    if (!this.version) return build();
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: the first key is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = build();
    if (value === undefined) return value; // "not found" is not kept: a scan of unknown ids must not evict real pages
    const bytes = size(value);
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    while (this.entries.size > this.maxEntries || (this.bytes > this.maxBytes && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value!;
      this.bytes -= this.entries.get(oldest)!.bytes;
      this.entries.delete(oldest);
    }
    return value;
  }
}

/** A page's bytes and ETag (a hash of the bytes: equal pages, equal tags, whatever built them). */
export function keptPage(markup: string): KeptPage {
  const body = Buffer.from(markup, 'utf8');
  // crypto.hash: one call, no Hash object (a kept page is hashed once, when it is built).
  return { body, etag: `"${hash('sha1', body, 'base64url').slice(0, 22)}"` };
}

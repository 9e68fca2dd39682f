// What every route handler gets: the archive, the parsed request, and server-wide settings.
import type { IncomingMessage } from 'node:http';
import type { ArchiveReader, SiteSummary } from '../types.js';
import { HttpError } from './http.js';
import { archiveVersion, VersionedCache } from './page-cache.js';

export interface IngestPage {
  /** The page's original address (key in the archive, base for its links). */
  url: string;
  html: string;
  published?: string;
}

export interface IngestRequest {
  urls: string[];
  pages: IngestPage[];
  /** Whether loopback/private targets may be fetched (off unless the server was started with --allow-private). */
  allowPrivate: boolean;
}

/** Runs an ingest through the archive's write side; resolves with a JSON-able summary. */
export type IngestFn = (request: IngestRequest) => Promise<unknown>;

export interface ServerOptions {
  archive: ArchiveReader;
  /** Bearer token for POST /api/ingest; when unset, ingest over HTTP is disabled (403). */
  token?: string;
  /** The archive's ingest entry point; when absent POST /api/ingest answers 501. */
  ingest?: IngestFn;
  /** Let POST /api/ingest fetch loopback/private addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** Host header values accepted (DNS-rebinding defence); undefined accepts any. */
  allowedHosts?: readonly string[];
  /** Where unexpected errors are logged (default: stderr). */
  log?: (line: string) => void;
}

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  options: ServerOptions;
  archive: ArchiveReader;
  cache: SmallCache;
}

/**
 * Server-wide caches. Sites and stats are whole-archive aggregates: kept for a few seconds.
 * `pages`: rendered article and story pages, kept while the archive is unchanged (page-cache.ts).
 * `stories`: stories and the "other coverage" lists article pages show, kept the same way but
 * apart from the pages, so that reading thousands of different articles does not push out the
 * stories they share (a story is read by each of its ~10–100 articles' pages).
 */
export class SmallCache {
  private sites?: { at: number; value: SiteSummary[] };
  private readonly version: (() => string) | undefined;
  readonly pages: VersionedCache;
  readonly stories: VersionedCache;
  constructor(private readonly archive: ArchiveReader, private readonly ttlMs = 10_000) {
    this.version = archiveVersion(archive);
    this.pages = new VersionedCache(this.version);
    this.stories = new VersionedCache(this.version, 5000, 24 * 1024 * 1024);
  }

  /** Empties the kept pages and stories if the archive changed since they were built; once per request, before using them. */
  check(): void {
    if (!this.version) return;
    const now = this.version();
    this.pages.check(now);
    this.stories.check(now);
  }

  listSites(): SiteSummary[] {
    const now = Date.now();
    if (!this.sites || now - this.sites.at > this.ttlMs) this.sites = { at: now, value: this.archive.listSites() };
    return this.sites.value;
  }
}

/**
 * Calls the archive, turning its complaints about the caller's input (a malformed FTS query, a
 * cursor it did not issue) into 400s. Anything else is a server fault and stays a 500.
 */
export function askArchive<T>(call: () => T): T {
  try {
    return call();
  } catch (e) {
    if (e instanceof HttpError) throw e;
    const err = e as { name?: string; code?: string; message?: string };
    const msg = String(err.message ?? '');
    const isInputError = ['QueryError', 'CursorError', 'RangeError', 'UsageError'].includes(err.name ?? '')
      || (err.code === 'SQLITE_ERROR' && /fts5|syntax error|unterminated|no such column/i.test(msg));
    if (isInputError) throw new HttpError(400, `could not use the query: ${msg.replace(/^fts5: /, '').slice(0, 200)}`);
    throw e;
  }
}

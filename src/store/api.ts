// The write side of the archive, as ingest and reextract use it. The SQLite store implements
// it; a PostgreSQL store can implement the same interface (plus ArchiveReader from types.ts)
// without touching ingest, search or the CLI.
import type { Article, ArchiveReader, InputKind } from '../types.js';

/** A page as it arrived, with its fetch record. */
export interface RawPage {
  /** The address as given or requested (not yet canonicalised). */
  url: string;
  /** Where redirects ended, when different. */
  finalUrl?: string;
  status?: number;
  contentType?: string;
  /** ISO 8601 UTC. */
  fetchedAt: string;
  body: Uint8Array;
  kind: InputKind;
  /** Every address in the redirect chain, in order (without the final one). */
  redirects?: string[];
  /** Where the item came from: a file path, `warc:FILE#offset`, a feed URL… */
  source: string;
}

/** What a source knows about an item besides the page: these win over what extraction finds. */
export interface ItemHints {
  published?: string;
  title?: string;
  /** Outlet host (`site` field of a JSONL record). */
  site?: string;
  /** A publication time known from outside the page (feed, sitemap, manifest): used only when the page states none. */
  publishedFallback?: string;
  /** Other article fields a record states (an exported archive carries them all). */
  description?: string;
  authors?: string[];
  section?: string;
  language?: string;
  image?: string;
  tags?: string[];
  modified?: string;
}

/** A raw page already hashed and compressed (src/store/rows.ts packPage), e.g. in a worker thread. */
export interface PackedPage {
  bytes: Uint8Array;
  /** How `bytes` are encoded: `br`, `gzip`, `deflate` or `identity`. */
  encoding: string;
  /** Size of the page before compression. */
  size: number;
  /** rawHash() of the page before compression. */
  hash: string;
}

/** A raw page's fetch record with its body packed (what a worker hands back instead of the page). */
export type PackedRawPage = Omit<RawPage, 'body'> & { packed: PackedPage };

/** An article's derived values (src/store/rows.ts prepareArticle), computed off the writing thread. */
export interface PreparedArticle {
  /** contentHash() of the article with the hints applied. */
  contentHash: string;
  /** packExtra() of the article. */
  extra: Uint8Array;
}

export interface SaveInput {
  /** The page's address: http(s) for the web, `file://` for local files without a manifest. */
  url: string;
  article: Article;
  page?: RawPage | PackedRawPage;
  hints?: ItemHints;
  /** prepareArticle(article, hints), when the caller computed it already. */
  prepared?: PreparedArticle;
}

export type SaveOutcome = 'new' | 'updated' | 'unchanged';

export interface SaveResult {
  outcome: SaveOutcome;
  articleId: number;
}

export interface FailureRecord {
  source: string;
  url?: string;
  /** `read`, `fetch`, `robots`, `parse`, `extract`, `store`… */
  stage: string;
  /** A short machine-readable reason: `http-404`, `timeout`, `no-main-content`, `malformed-jsonl`… */
  reason: string;
  message?: string;
}

export interface FetchState {
  etag?: string;
  lastModified?: string;
}

export interface StoredRawPage {
  pageId: number;
  articleId: number;
  url: string;
  page: RawPage;
  hints?: ItemHints;
}

export interface ArchiveWriter {
  /** Hash of the newest raw page stored for this address (any form), to skip unchanged inputs cheaply. */
  knownPageHash(url: string): string | undefined;
  /** Store one extracted article (and its raw page) atomically; idempotent. */
  saveArticle(input: SaveInput): SaveResult;
  recordFailure(f: FailureRecord): void;
  /** Run `fn` in one transaction; nested in another transaction or batch, it is a savepoint (still all or nothing). */
  transaction<T>(fn: () => T): T;
  /**
   * Group the following writes into one transaction until commitBatch() (far fewer commits and
   * index flushes). Each saveArticle inside stays atomic on its own. Optional for a backend.
   */
  beginBatch?(): void;
  /** Commit the open batch (no-op when none is open). */
  commitBatch?(): void;
  getFetchState(url: string): FetchState | undefined;
  setFetchState(url: string, state: FetchState): void;
  /** The raw page behind each article (its newest version), for `dateline reextract`. */
  rawPages(): Iterable<StoredRawPage>;
  /** Replace an article's extracted fields (reextract); returns whether the content changed. */
  replaceExtraction(articleId: number, article: Article, hints?: ItemHints): boolean;
}

export type Archive = ArchiveReader & ArchiveWriter;

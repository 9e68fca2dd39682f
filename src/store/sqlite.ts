// The SQLite archive: one file (WAL mode) holding raw pages, articles, history, failures and
// the FTS5 index. Implements ArchiveReader (CLI, HTTP server) and ArchiveWriter (ingest).
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { Article, ArchiveStats, ArticleFilters, Page, SearchHit, SiteSummary, Story, StoredArticle } from '../types.js';
import type { Archive, FailureRecord, FetchState, ItemHints, PackedPage, SaveInput, SaveResult, StoredRawPage } from './api.js';
import { canonicalizeUrl, normalizeSite, siteOf } from './canonical.js';
import { BackgroundCheckpointer, FALLBACK_AUTOCHECKPOINT } from './checkpointer.js';
import { decompress } from './compress.js';
import { migrate } from './migrate.js';
import { toFtsQuery } from './query.js';
import { applyHints, articleAddresses, ARTICLE_COLUMNS, type ArticleRow, contentHash, decodeCursor, encodeCursor, filterSql, packExtra, packPage, prepareArticle, publishedKey, rowToArticle } from './rows.js';
import { ARCHIVE_MIGRATIONS } from './schema.js';
import { searchArchive } from './search.js';
import { getStory, hasStoriesTables, listStories } from '../stories/read.js';

// getArticle's statements, written once: a template literal built per call made every page view
// hash a new 400-character string to find its prepared statement.
const ARTICLE_SQL = `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN sites s ON s.id = a.site_id WHERE a.id = ?`;
const ARTICLE_WITH_STORY_SQL = `SELECT ${ARTICLE_COLUMNS}, sa.story_id AS clustered_story, sa.duplicate_group AS clustered_group
        FROM articles a JOIN sites s ON s.id = a.site_id LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE a.id = ?`;

export interface OpenOptions {
  readonly?: boolean;
}

export class SqliteArchive implements Archive {
  readonly db: Database.Database;
  private readonly path: string;
  private siteIds = new Map<string, number>();
  private stmts = new Map<string, Database.Statement>();
  /** Started by the first batch on a database file (see checkpointer.ts). */
  private checkpointer?: BackgroundCheckpointer;

  constructor(path: string, options: OpenOptions = {}) {
    this.path = path;
    this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives a process crash (kill -9); only an OS crash may lose the last commits.
      this.db.pragma('synchronous = NORMAL');
      // Each article is saved in a savepoint inside ingest's batch (one atomic article), and a
      // savepoint keeps the pages it changes in a sub-journal that SQLite spills to a temporary
      // file past 64 KB: with files, every article cost ~50 extra 4 KB writes (strace, 300 articles:
      // 28,200 pwrite calls against 13,200 with memory; bench/store-cpu.ts). In memory the
      // sub-journal of an article is a few hundred KB, freed when the article is released.
      this.db.pragma('temp_store = MEMORY');
    }
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -32000');
    if (!options.readonly) migrate(this.db, 'archive', ARCHIVE_MIGRATIONS);
  }

  /** A cached prepared statement. */
  stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) { s = this.db.prepare(sql); this.stmts.set(sql, s); }
    return s;
  }

  close(): void {
    // The checkpointer's connection first: the writer's, closed last, checkpoints and removes the log.
    this.checkpointer?.close();
    this.checkpointer = undefined;
    if (this.db.open) this.db.close();
  }

  transaction<T>(fn: () => T): T {
    // better-sqlite3 makes a nested call a savepoint: inside a batch, one article still fails as a whole.
    return this.db.transaction(fn)();
  }

  /**
   * One transaction for many articles (ingest commits every few hundred milliseconds). A commit
   * per article cost more than the writes themselves: every commit rewrites the touched index
   * pages to the WAL and FTS5 flushes a new segment per transaction, merging them later.
   * kill -9 loses only the open batch, which a rerun stores again.
   */
  beginBatch(): void {
    if (!this.checkpointer && !this.db.memory && !this.db.readonly) {
      // Batches mean a bulk ingest: checkpoints move to a thread of their own (checkpointer.ts).
      try {
        this.checkpointer = new BackgroundCheckpointer(this.db.name);
        this.db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT}`);
      } catch {
        // No worker thread: the writer keeps checkpointing itself.
      }
    }
    if (!this.db.inTransaction) this.db.exec('BEGIN');
  }

  commitBatch(): void {
    if (!this.db.inTransaction) return;
    this.db.exec('COMMIT');
    this.checkpointer?.request();
  }

  // ---- write side -----------------------------------------------------------------------

  knownPageHash(url: string): string | undefined {
    const r = this.stmt('SELECT raw_hash FROM pages WHERE url = ? ORDER BY id DESC LIMIT 1').get(url) as { raw_hash: string } | undefined;
    return r?.raw_hash;
  }

  private siteId(host: string, name: string | undefined): number {
    const cached = this.siteIds.get(host);
    if (cached !== undefined) return cached;
    this.stmt('INSERT INTO sites (host, name) VALUES (?, ?) ON CONFLICT(host) DO UPDATE SET name = coalesce(sites.name, excluded.name)').run(host, name ?? null);
    const id = (this.stmt('SELECT id FROM sites WHERE host = ?').get(host) as { id: number }).id;
    this.siteIds.set(host, id);
    return id;
  }

  saveArticle(input: SaveInput): SaveResult {
    const { article, page, hints } = input;
    const prepared = input.prepared ?? prepareArticle(article, hints);
    return this.transaction(() => {
      const { given, finalUrl, linked, trustedLink, key } = articleAddresses(input.url, page?.finalUrl, article.canonicalUrl);
      // A local file without an address still usually names its site in its canonical link or og:url.
      const host = normalizeSite(hints?.site ?? '') || siteOf(key) || (linked && siteOf(linked)) || 'local';
      const siteId = this.siteId(host, article.siteName);
      const merged = applyHints(article, hints);
      const hash = prepared.contentHash;
      const now = page?.fetchedAt ?? new Date().toISOString();

      const aliases = [...new Set([given, finalUrl, key, trustedLink].filter((u): u is string => !!u))];
      let existing: { id: number; content_hash: string } | undefined;
      for (const u of aliases) {
        existing = this.stmt('SELECT a.id, a.content_hash FROM urls u JOIN articles a ON a.id = u.article_id WHERE u.url = ?').get(u) as typeof existing;
        if (existing) break;
      }
      existing ??= this.stmt('SELECT id, content_hash FROM articles WHERE site_id = ? AND content_hash = ? LIMIT 1').get(siteId, hash) as typeof existing;

      let pageId: number | null = null;
      const storePage = () => {
        if (!page) return;
        const packed: PackedPage = 'packed' in page ? page.packed : packPage(page.body);
        pageId = Number(this.stmt(`INSERT INTO pages (url, final_url, status, content_type, fetched_at, raw_hash, raw_size, encoding, kind, body, redirects, source, hints)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(page.url, page.finalUrl ?? null, page.status ?? null, page.contentType ?? null, page.fetchedAt,
          packed.hash, packed.size, packed.encoding, page.kind, asBuffer(packed.bytes), page.redirects?.length ? JSON.stringify(page.redirects) : null, page.source,
          hints && Object.keys(hints).length ? JSON.stringify(hints) : null).lastInsertRowid);
      };
      const addAliases = (id: number) => {
        for (const u of aliases) this.stmt('INSERT OR IGNORE INTO urls (url, article_id) VALUES (?, ?)').run(u, id);
        // A success clears earlier failures of the same address.
        this.stmt('DELETE FROM failures WHERE url = ?').run(input.url);
      };

      if (existing && existing.content_hash === hash) {
        addAliases(existing.id);
        this.stmt('UPDATE articles SET fetched_at = ? WHERE id = ?').run(now, existing.id);
        return { outcome: 'unchanged', articleId: existing.id };
      }
      storePage();
      const cols = articleColumns(merged, hash, prepared.extra);
      if (existing) {
        this.stmt(`UPDATE articles SET canonical_url = ?, title = ?, description = ?, authors = ?, published = ?, published_key = ?, sort_key = coalesce(?, sort_key),
          modified = ?, section = ?, tags = ?, site_name = ?, language = ?, image = ?, text = ?, extra = ?, word_count = ?, warnings = ?, content_hash = ?,
          fetched_at = ?, page_id = coalesce(?, page_id) WHERE id = ?`).run(linked ?? null, ...cols, now, pageId, existing.id);
        this.stmt('INSERT INTO article_versions (article_id, content_hash, fetched_at, page_id, title) VALUES (?, ?, ?, ?, ?)').run(existing.id, hash, now, pageId, merged.title ?? null);
        addAliases(existing.id);
        return { outcome: 'updated', articleId: existing.id };
      }
      const id = Number(this.stmt(`INSERT INTO articles (canonical_url, title, description, authors, published, published_key, sort_key, modified, section, tags,
          site_name, language, image, text, extra, word_count, warnings, content_hash, url, site_id, first_seen, fetched_at, page_id)
          VALUES (?, ?, ?, ?, ?, ?, coalesce(?, ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(linked ?? null, ...cols.slice(0, 6), now, ...cols.slice(6), key, siteId, now, now, pageId).lastInsertRowid);
      this.stmt('INSERT INTO article_versions (article_id, content_hash, fetched_at, page_id, title) VALUES (?, ?, ?, ?, ?)').run(id, hash, now, pageId, merged.title ?? null);
      addAliases(id);
      return { outcome: 'new', articleId: id };
    });
  }

  recordFailure(f: FailureRecord): void {
    this.transaction(() => {
      // One row per (source, address, stage): a rerun replaces the reason instead of piling up rows.
      if (f.url) this.stmt('DELETE FROM failures WHERE url = ? AND source = ? AND stage = ?').run(f.url, f.source, f.stage);
      else this.stmt('DELETE FROM failures WHERE source = ? AND coalesce(url, \'\') = \'\' AND stage = ?').run(f.source, f.stage);
      this.stmt('INSERT INTO failures (at, source, url, stage, reason, message) VALUES (?, ?, ?, ?, ?, ?)')
        .run(new Date().toISOString(), f.source, f.url ?? null, f.stage, f.reason, f.message ?? null);
    });
  }

  listFailures(limit = 1000): Array<FailureRecord & { at: string }> {
    const rows = this.stmt('SELECT at, source, url, stage, reason, message FROM failures ORDER BY id DESC LIMIT ?').all(limit) as Array<{ at: string; source: string; url: string | null; stage: string; reason: string; message: string | null }>;
    return rows.map((r) => ({ at: r.at, source: r.source, stage: r.stage, reason: r.reason, ...(r.url ? { url: r.url } : {}), ...(r.message ? { message: r.message } : {}) }));
  }

  getFetchState(url: string): FetchState | undefined {
    const r = this.stmt('SELECT etag, last_modified FROM fetch_state WHERE url = ?').get(url) as { etag: string | null; last_modified: string | null } | undefined;
    if (!r) return undefined;
    return { ...(r.etag ? { etag: r.etag } : {}), ...(r.last_modified ? { lastModified: r.last_modified } : {}) };
  }

  setFetchState(url: string, s: FetchState): void {
    this.stmt(`INSERT INTO fetch_state (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`)
      .run(url, s.etag ?? null, s.lastModified ?? null, new Date().toISOString());
  }

  *rawPages(): Iterable<StoredRawPage> {
    // Read ids first: iterating a statement while writing through the same connection is not allowed.
    const ids = (this.db.prepare('SELECT a.id AS article_id, a.page_id FROM articles a WHERE a.page_id IS NOT NULL ORDER BY a.id').all() as Array<{ article_id: number; page_id: number }>);
    for (const { article_id, page_id } of ids) {
      const p = this.stmt('SELECT * FROM pages WHERE id = ?').get(page_id) as { url: string; final_url: string | null; status: number | null; content_type: string | null; fetched_at: string; encoding: string; kind: 'html' | 'text'; body: Buffer; redirects: string | null; source: string | null; hints: string | null } | undefined;
      if (!p) continue;
      const url = (this.stmt('SELECT url FROM articles WHERE id = ?').get(article_id) as { url: string }).url;
      yield {
        pageId: page_id, articleId: article_id, url,
        page: { url: p.url, ...(p.final_url ? { finalUrl: p.final_url } : {}), ...(p.status ? { status: p.status } : {}), ...(p.content_type ? { contentType: p.content_type } : {}),
          fetchedAt: p.fetched_at, body: decompress(p.body, p.encoding), kind: p.kind, ...(p.redirects ? { redirects: JSON.parse(p.redirects) as string[] } : {}), source: p.source ?? '' },
        ...(p.hints ? { hints: JSON.parse(p.hints) as ItemHints } : {}),
      };
    }
  }

  /** The newest raw page of an article. */
  rawPageOf(articleId: number): { kind: string; body: Buffer; contentType?: string } | undefined {
    const p = this.stmt('SELECT p.kind, p.body, p.encoding, p.content_type FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ?').get(articleId) as { kind: string; body: Buffer; encoding: string; content_type: string | null } | undefined;
    return p ? { kind: p.kind, body: decompress(p.body, p.encoding), ...(p.content_type ? { contentType: p.content_type } : {}) } : undefined;
  }

  replaceExtraction(articleId: number, article: Article, hints?: ItemHints): boolean {
    const merged = applyHints(article, hints);
    const hash = contentHash(merged);
    const cols = articleColumns(merged, hash, packExtra(merged));
    const old = this.stmt('SELECT content_hash, extra FROM articles WHERE id = ?').get(articleId) as { content_hash: string; extra: Buffer | null } | undefined;
    if (!old) return false;
    this.stmt(`UPDATE articles SET title = ?, description = ?, authors = ?, published = ?, published_key = ?, sort_key = coalesce(?, sort_key),
      modified = ?, section = ?, tags = ?, site_name = ?, language = ?, image = ?, text = ?, extra = ?, word_count = ?, warnings = ?, content_hash = ? WHERE id = ?`)
      .run(...cols, articleId);
    return old.content_hash !== hash;
  }

  // ---- read side ------------------------------------------------------------------------

  getArticle(id: number): StoredArticle | undefined {
    // Its story and duplicate group, once the stories module has clustered it: one query with the
    // stories table joined in (an article page is read on every view; see bench/serve-cpu.ts).
    if (hasStoriesTables(this.db)) {
      const r = this.stmt(ARTICLE_WITH_STORY_SQL).get(id) as
        (ArticleRow & { clustered_story: number | null; clustered_group: number | null }) | undefined;
      if (!r) return undefined;
      const a = rowToArticle(r);
      if (r.clustered_story !== null && r.clustered_group !== null) { a.storyId = r.clustered_story; a.duplicateGroup = r.clustered_group; }
      return a;
    }
    const r = this.stmt(ARTICLE_SQL).get(id) as ArticleRow | undefined;
    return r ? rowToArticle(r) : undefined;
  }

  getArticleByUrl(url: string): StoredArticle | undefined {
    const key = canonicalizeUrl(url) ?? url;
    const r = this.stmt('SELECT article_id FROM urls WHERE url = ?').get(key) as { article_id: number } | undefined;
    return r ? this.getArticle(r.article_id) : undefined;
  }

  /** Earlier and current versions of an article, oldest first. */
  history(id: number): Array<{ contentHash: string; fetchedAt: string; title?: string }> {
    const rows = this.stmt('SELECT content_hash, fetched_at, title FROM article_versions WHERE article_id = ? ORDER BY id').all(id) as Array<{ content_hash: string; fetched_at: string; title: string | null }>;
    return rows.map((r) => ({ contentHash: r.content_hash, fetchedAt: r.fetched_at, ...(r.title ? { title: r.title } : {}) }));
  }

  listArticles(filters: ArticleFilters, cursor?: string, limit = 20): Page<StoredArticle> {
    const { clauses, params } = filterSql(filters);
    if (cursor) {
      const [sortKey, id] = decodeCursor(cursor);
      clauses.push('(a.sort_key, a.id) < (?, ?)');
      params.push(sortKey, id);
    }
    const rows = this.db.prepare(`SELECT ${ARTICLE_COLUMNS}, a.sort_key FROM articles a JOIN sites s ON s.id = a.site_id
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY a.sort_key DESC, a.id DESC LIMIT ?`).all(...params, limit + 1) as Array<ArticleRow & { sort_key: string }>;
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(rowToArticle), ...(more && last ? { next: encodeCursor([last.sort_key, last.id]) } : {}) };
  }

  /** Every article matching the filters, oldest id first, streamed (for export). */
  *iterateArticles(filters: ArticleFilters): Iterable<StoredArticle> {
    const { clauses, params } = filterSql(filters);
    let after = 0;
    for (;;) {
      const rows = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN sites s ON s.id = a.site_id
        WHERE a.id > ? ${clauses.length ? `AND ${clauses.join(' AND ')}` : ''} ORDER BY a.id LIMIT 500`).all(after, ...params) as ArticleRow[];
      if (!rows.length) return;
      for (const r of rows) yield rowToArticle(r);
      after = rows[rows.length - 1]!.id;
    }
  }

  search(query: string, filters: ArticleFilters, cursor?: string, limit = 20): Page<SearchHit> {
    return searchArchive(this, toFtsQuery(query), filters, cursor, limit);
  }

  stats(): ArchiveStats {
    const one = (sql: string) => (this.stmt(sql).get() as { n: number }).n;
    const languages: Record<string, number> = {};
    for (const r of this.stmt("SELECT coalesce(language, 'unknown') AS lang, count(*) AS n FROM articles GROUP BY 1 ORDER BY 2 DESC").all() as Array<{ lang: string; n: number }>) {
      languages[r.lang] = r.n;
    }
    let bytes = 0;
    for (const suffix of ['', '-wal']) {
      try { bytes += statSync(this.path + suffix).size; } catch { /* absent */ }
    }
    const stats: ArchiveStats = {
      articles: one('SELECT count(*) AS n FROM articles'),
      sites: one('SELECT count(DISTINCT site_id) AS n FROM articles'),
      languages,
      failures: one('SELECT count(*) AS n FROM failures'),
      bytes,
    };
    const pages = this.stmt('SELECT count(*) AS n, coalesce(sum(raw_size), 0) AS raw, coalesce(sum(length(body)), 0) AS stored FROM pages').get() as { n: number; raw: number; stored: number };
    Object.assign(stats, { pages: pages.n, rawBytes: pages.raw, storedRawBytes: pages.stored });
    if (this.tableExists('stories')) stats.stories = one('SELECT count(*) AS n FROM stories');
    return stats;
  }

  listSites(): SiteSummary[] {
    const rows = this.stmt(`SELECT s.host, s.name, count(a.id) AS n, min(a.published_key) AS first, max(a.published_key) AS last
      FROM sites s JOIN articles a ON a.site_id = s.id GROUP BY s.id ORDER BY n DESC, s.host`).all() as Array<{ host: string; name: string | null; n: number; first: string | null; last: string | null }>;
    return rows.map((r) => ({ site: r.host, articles: r.n, ...(r.name ? { siteName: r.name } : {}), ...(r.first ? { firstPublished: r.first } : {}), ...(r.last ? { lastPublished: r.last } : {}) }));
  }

  // Stories belong to the stories module (issue 4): its own tables (migration module 'stories'),
  // filled by `dateline ingest` / `dateline recluster`; empty until something clustered the archive.
  listStories(filters: ArticleFilters, cursor?: string, limit?: number): Page<Story> {
    return listStories(this.db, filters, cursor, limit);
  }

  getStory(id: number): Story | undefined {
    return getStory(this.db, id);
  }

  private filtersColumn?: boolean;

  /** Whether the FTS index carries the filter tokens (schema step 3; an archive opened read-only may predate it). */
  ftsHasFilters(): boolean {
    this.filtersColumn ??= !!this.stmt("SELECT 1 FROM pragma_table_info('articles_fts') WHERE name = 'filters'").get();
    return this.filtersColumn;
  }

  tableExists(name: string): boolean {
    return !!this.stmt("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?").get(name);
  }
}

/** Column values in the order the UPDATE/INSERT statements above list them (title … content_hash). */
function articleColumns(a: Article, hash: string, extra: Uint8Array): unknown[] {
  const pk = publishedKey(a.published) ?? null;
  return [a.title ?? null, a.description ?? null, a.authors.length ? JSON.stringify(a.authors) : null, a.published ?? null, pk, pk,
    a.modified ?? null, a.section ?? null, a.tags.length ? JSON.stringify(a.tags) : null, a.siteName ?? null, a.language ?? null, a.image ?? null,
    a.text, asBuffer(extra), a.wordCount, a.warnings.length ? JSON.stringify(a.warnings) : null, hash];
}

/** better-sqlite3 binds Buffers; bytes that crossed a worker boundary arrive as plain Uint8Arrays (no copy here). */
function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

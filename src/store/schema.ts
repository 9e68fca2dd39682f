// The archive's tables (module 'archive' in schema_migrations). Steps are append-only:
// never edit a released step, add a new one.
//
// sites      one row per outlet (host without www.)
// pages      every stored raw page with its fetch record (compressed body)
// articles   the current extracted article per canonical URL (+ story_id / duplicate_group,
//            filled by the stories module)
// urls       every address known to lead to an article (given, final, canonical link)
// article_versions  history: earlier versions' content hashes and times
// failures   per-item failures with reasons
// fetch_state  validators for conditional requests (ETag / Last-Modified) per URL
// articles_fts  FTS5 index over title, description, text, and filter tokens (external content:
//            the view articles_fts_source over articles; see step 3)

/** The filter tokens of one articles row (`new`, `old` or the table itself) — see migration 3. */
function filterTokens(row: 'articles' | 'new' | 'old'): string {
  return `'site' || ${row}.site_id
      || coalesce(' lang' || hex(lower(CASE WHEN instr(${row}.language, '-') > 1 THEN substr(${row}.language, 1, instr(${row}.language, '-') - 1) END)), '')
      || coalesce(' lang' || hex(lower(${row}.language)), '')
      || coalesce(' sec' || hex(lower(substr(${row}.section, 1, 40))), '')`;
}

export const ARCHIVE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    host TEXT NOT NULL UNIQUE,
    name TEXT
  );
  CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    final_url TEXT,
    status INTEGER,
    content_type TEXT,
    fetched_at TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    raw_size INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    kind TEXT NOT NULL,
    body BLOB NOT NULL,
    redirects TEXT,
    source TEXT,
    hints TEXT
  );
  CREATE INDEX pages_url ON pages(url);
  CREATE INDEX pages_raw_hash ON pages(raw_hash);
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    canonical_url TEXT,
    title TEXT,
    description TEXT,
    authors TEXT,
    published TEXT,
    published_key TEXT,
    sort_key TEXT NOT NULL,
    modified TEXT,
    section TEXT,
    tags TEXT,
    site_name TEXT,
    language TEXT,
    image TEXT,
    text TEXT NOT NULL,
    extra BLOB,
    word_count INTEGER NOT NULL DEFAULT 0,
    warnings TEXT,
    content_hash TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    page_id INTEGER REFERENCES pages(id),
    story_id INTEGER,
    duplicate_group INTEGER
  );
  CREATE INDEX articles_sort ON articles(sort_key, id);
  CREATE INDEX articles_site_sort ON articles(site_id, sort_key);
  CREATE INDEX articles_hash ON articles(site_id, content_hash);
  CREATE INDEX articles_story ON articles(story_id);
  CREATE INDEX articles_dup ON articles(duplicate_group);
  CREATE TABLE urls (
    url TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX urls_article ON urls(article_id);
  CREATE TABLE article_versions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    page_id INTEGER REFERENCES pages(id),
    title TEXT
  );
  CREATE INDEX article_versions_article ON article_versions(article_id);
  CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    message TEXT
  );
  CREATE TABLE fetch_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, description, text,
    content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, description, text) VALUES (new.id, new.title, new.description, new.text);
  END;
  CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, text) VALUES ('delete', old.id, old.title, old.description, old.text);
  END;
  CREATE TRIGGER articles_au AFTER UPDATE OF title, description, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, text) VALUES ('delete', old.id, old.title, old.description, old.text);
    INSERT INTO articles_fts(rowid, title, description, text) VALUES (new.id, new.title, new.description, new.text);
  END;
  `,
  // 2: the filter columns in a narrow covering index, so filtered searches check a match's
  // site/date/language/section without reading its (large) article row.
  `CREATE INDEX articles_filter ON articles(id, site_id, published_key, language, section);`,
  // 3: the equality filters (site, language, section) as tokens in a fourth FTS column, so that a
  // filtered search intersects posting lists inside FTS5 instead of checking every match of the
  // words against the articles table (a common word with a site filter walked 50,000 matches to
  // find a few hundred: 30–130 ms; now a few ms). Tokens: site<id>, lang<hex of the lower-cased
  // primary subtag> and lang<hex of the whole tag>, sec<hex of the lower-cased section, first 40
  // characters> — hex so that any value is one token; lower() is ASCII-only like COLLATE NOCASE.
  // The filter column has BM25 weight 0 and user queries are restricted to the other three
  // (src/store/search.ts), so the tokens never match or rank a typed word. The index is rebuilt once.
  `
  DROP TRIGGER articles_ai;
  DROP TRIGGER articles_ad;
  DROP TRIGGER articles_au;
  DROP TABLE articles_fts;
  CREATE VIEW articles_fts_source AS SELECT id, title, description, text,
    ${filterTokens('articles')} AS filters FROM articles;
  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, description, text, filters,
    content='articles_fts_source', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, description, text, filters) VALUES (new.id, new.title, new.description, new.text,
      ${filterTokens('new')});
  END;
  CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, text, filters) VALUES ('delete', old.id, old.title, old.description, old.text,
      ${filterTokens('old')});
  END;
  CREATE TRIGGER articles_au AFTER UPDATE OF title, description, text, site_id, language, section ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, text, filters) VALUES ('delete', old.id, old.title, old.description, old.text,
      ${filterTokens('old')});
    INSERT INTO articles_fts(rowid, title, description, text, filters) VALUES (new.id, new.title, new.description, new.text,
      ${filterTokens('new')});
  END;
  INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
  `,
  // 4: failures by address. Every stored article clears its address's earlier failures and every
  // failure replaces its earlier row: without an index each was a scan of the whole failures
  // table (an archive following feeds for months collects tens of thousands of them).
  `CREATE INDEX failures_url ON failures(url);`,
];

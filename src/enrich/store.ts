// Enrichment in the archive (module 'enrich' of src/store/migrate.ts): one JSON enrichment per
// article, plus entities keyed across the archive by entityKey(), their mentions per article, and
// quotes with their speaker entity — what `dateline entities|entity|quotes|reenrich` read and write.
import type Database from 'better-sqlite3';
import { migrate } from '../store/migrate.js';
import type { Article, Enrichment } from '../types.js';
import { enrich } from './index.js';
import { entityKey, fold, type EntityType } from './normalize.js';

/** Bump when enrich() changes enough that stored enrichments should be recomputed by `reenrich`. */
export const ENRICH_VERSION = 1;

export const ENRICH_MIGRATIONS: readonly string[] = [
  `CREATE TABLE enrichments (
     article_id INTEGER PRIMARY KEY,
     content_hash TEXT NOT NULL,
     version INTEGER NOT NULL,
     enriched_at TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE TABLE entities (
     id INTEGER PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     type TEXT NOT NULL,
     name TEXT NOT NULL,
     country TEXT,
     lat REAL,
     lon REAL,
     kind TEXT
   );
   CREATE INDEX entities_type ON entities(type);
   CREATE TABLE entity_mentions (
     entity_id INTEGER NOT NULL,
     article_id INTEGER NOT NULL,
     name TEXT NOT NULL,
     PRIMARY KEY (entity_id, article_id)
   );
   CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
   CREATE TABLE quotes (
     id INTEGER PRIMARY KEY,
     article_id INTEGER NOT NULL,
     entity_id INTEGER,
     speaker TEXT,
     text TEXT NOT NULL
   );
   CREATE INDEX quotes_article ON quotes(article_id);
   CREATE INDEX quotes_entity ON quotes(entity_id);`,
];

export function migrateEnrich(db: Database.Database): void {
  migrate(db, 'enrich', ENRICH_MIGRATIONS);
}

export interface EntitySummary {
  id: number;
  key: string;
  type: EntityType;
  name: string;
  country?: string | null;
  lat?: number;
  lon?: number;
  kind?: string;
  articles: number;
  quotes: number;
  lastPublished?: string;
}

export interface QuoteRecord {
  id: number;
  articleId: number;
  speaker: string | null;
  entityId?: number;
  text: string;
  url: string;
  title?: string;
  published?: string;
}

interface EntityRow { id: number; key: string; type: EntityType; name: string; country: string | null; lat: number | null; lon: number | null; kind: string | null }

/**
 * Prepared statements per database: saving an enrichment prepared ~10 statements each time, which
 * cost as much CPU as running them (ingest saves one enrichment per stored article).
 */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function stmt(db: Database.Database, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) { m = new Map(); statements.set(db, m); }
  let s = m.get(sql);
  if (!s) { s = db.prepare(sql); m.set(sql, s); }
  return s;
}

/** Finds or creates the archive entity for a name; a bare surname joins the one full name it matches. */
function upsertEntity(db: Database.Database, type: EntityType, name: string, place?: { country: string | null; lat?: number; lon?: number; kind?: string }): number {
  const key = entityKey(name, type);
  let row = stmt(db, 'SELECT id, name FROM entities WHERE key = ?').get(key) as { id: number; name: string } | undefined;
  if (!row && type === 'person' && !key.includes('.')) {
    const full = stmt(db, "SELECT id, name FROM entities WHERE key LIKE ? ESCAPE '\\' LIMIT 2").all(`person:%.${key.slice('person:'.length).replace(/[%_\\]/g, '\\$&')}`) as Array<{ id: number; name: string }>;
    if (full.length === 1) row = full[0];
  }
  if (row) {
    // Keep the fullest form seen as the display name.
    if (name.split(/\s+/).length > row.name.split(/\s+/).length) stmt(db, 'UPDATE entities SET name = ? WHERE id = ?').run(name, row.id);
    return row.id;
  }
  return Number(stmt(db, 'INSERT INTO entities (key, type, name, country, lat, lon, kind) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(key, type, name, place?.country ?? null, place?.lat ?? null, place?.lon ?? null, place?.kind ?? null).lastInsertRowid);
}

/** Replaces an article's enrichment rows (idempotent). */
export function saveEnrichment(db: Database.Database, articleId: number, contentHash: string, e: Enrichment): void {
  db.transaction(() => {
    stmt(db, 'DELETE FROM entity_mentions WHERE article_id = ?').run(articleId);
    stmt(db, 'DELETE FROM quotes WHERE article_id = ?').run(articleId);
    const ids = new Map<string, number>();
    const mention = stmt(db, 'INSERT OR IGNORE INTO entity_mentions (entity_id, article_id, name) VALUES (?, ?, ?)');
    const add = (type: EntityType, name: string, place?: Parameters<typeof upsertEntity>[3]): void => {
      const id = upsertEntity(db, type, name, place);
      ids.set(fold(name), id);
      mention.run(id, articleId, name);
    };
    for (const n of e.people) add('person', n);
    for (const n of e.organizations) add('organization', n);
    for (const p of e.places) add('place', p.name, p);
    const quote = stmt(db, 'INSERT INTO quotes (article_id, entity_id, speaker, text) VALUES (?, ?, ?, ?)');
    for (const q of e.quotes) quote.run(articleId, q.speaker ? ids.get(fold(q.speaker)) ?? null : null, q.speaker, q.text);
    stmt(db, `INSERT INTO enrichments (article_id, content_hash, version, enriched_at, data) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(article_id) DO UPDATE SET content_hash = excluded.content_hash, version = excluded.version, enriched_at = excluded.enriched_at, data = excluded.data`)
      .run(articleId, contentHash, ENRICH_VERSION, new Date().toISOString(), JSON.stringify(e));
  })();
}

export function enrichmentOf(db: Database.Database, articleId: number): Enrichment | undefined {
  const r = db.prepare('SELECT data FROM enrichments WHERE article_id = ?').get(articleId) as { data: string } | undefined;
  return r ? (JSON.parse(r.data) as Enrichment) : undefined;
}

/**
 * Enriches stored articles: by default those without a current enrichment (new, re-extracted, or
 * enriched by an older version); `all` redoes every article. `load` returns the stored Article.
 */
export function enrichStored(db: Database.Database, load: (id: number) => Article | undefined, opts: { all?: boolean; onProgress?: (done: number, total: number) => void } = {}): { enriched: number; failed: number } {
  const ids = (opts.all
    ? db.prepare('SELECT id, content_hash AS hash FROM articles ORDER BY id').all()
    : db.prepare(`SELECT a.id, a.content_hash AS hash FROM articles a LEFT JOIN enrichments e ON e.article_id = a.id
        WHERE e.article_id IS NULL OR e.content_hash != a.content_hash OR e.version < ? ORDER BY a.id`).all(ENRICH_VERSION)) as Array<{ id: number; hash: string }>;
  let enriched = 0; let failed = 0;
  for (const [i, { id, hash }] of ids.entries()) {
    const article = load(id);
    if (!article) continue;
    try {
      saveEnrichment(db, id, hash, enrich(article));
      enriched++;
    } catch {
      failed++;
    }
    opts.onProgress?.(i + 1, ids.length);
  }
  return { enriched, failed };
}

function sinceKey(since: string | undefined): string | undefined {
  return since ? since.slice(0, 10) : undefined;
}

/** `prefix` matches the start of the name or of any later word in it ("put" finds "Vladimir Putin"). */
export function listEntities(db: Database.Database, opts: { type?: EntityType; since?: string; prefix?: string; limit?: number; offset?: number } = {}): EntitySummary[] {
  const where: string[] = []; const params: unknown[] = [];
  if (opts.type) { where.push('e.type = ?'); params.push(opts.type); }
  if (opts.prefix) {
    const p = opts.prefix.replace(/[%_\\]/g, '\\$&');
    where.push("(e.name LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\')"); params.push(`${p}%`, `% ${p}%`);
  }
  if (opts.since) { where.push('a.published_key >= ?'); params.push(sinceKey(opts.since)); }
  const rows = db.prepare(`SELECT e.id, e.key, e.type, e.name, e.country, e.lat, e.lon, e.kind, COUNT(DISTINCT m.article_id) AS articles, MAX(a.published_key) AS last,
      (SELECT COUNT(*) FROM quotes q WHERE q.entity_id = e.id) AS quotes
    FROM entities e JOIN entity_mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    GROUP BY e.id ORDER BY articles DESC, e.name, e.id LIMIT ? OFFSET ?`).all(...params, opts.limit ?? 50, opts.offset ?? 0) as Array<EntityRow & { articles: number; quotes: number; last: string | null }>;
  return rows.map(summary);
}

function summary(r: EntityRow & { articles: number; quotes: number; last?: string | null }): EntitySummary {
  return {
    id: r.id, key: r.key, type: r.type, name: r.name, articles: r.articles, quotes: r.quotes,
    ...(r.type === 'place' ? { country: r.country, ...(r.lat !== null ? { lat: r.lat, lon: r.lon! } : {}), ...(r.kind ? { kind: r.kind } : {}) } : {}),
    ...(r.last ? { lastPublished: r.last } : {}),
  };
}

/** An entity by numeric id, by key, or by name (any type; exact folded name first, then the key). */
export function findEntity(db: Database.Database, idOrName: string): EntitySummary | undefined {
  const base = `SELECT e.*, (SELECT COUNT(DISTINCT article_id) FROM entity_mentions m WHERE m.entity_id = e.id) AS articles,
    (SELECT COUNT(*) FROM quotes q WHERE q.entity_id = e.id) AS quotes FROM entities e`;
  type Row = EntityRow & { articles: number; quotes: number };
  let r: Row | undefined;
  if (/^\d+$/.test(idOrName)) r = db.prepare(`${base} WHERE e.id = ?`).get(Number(idOrName)) as Row | undefined;
  r ??= db.prepare(`${base} WHERE e.key = ?`).get(idOrName) as Row | undefined;
  if (!r) {
    const f = fold(idOrName);
    const byName = (db.prepare(`${base} WHERE lower(e.name) = lower(?)`).all(idOrName) as Row[]).sort((a, b) => b.articles - a.articles);
    r = byName[0];
    for (const type of ['person', 'organization', 'place'] as const) r ??= db.prepare(`${base} WHERE e.key = ?`).get(entityKey(idOrName, type)) as Row | undefined;
    if (!r && !f.includes(' ')) {
      const rows = db.prepare(`${base} WHERE e.key LIKE ?`).all(`person:%.${entityKey(idOrName).slice('person:'.length)}`) as Row[];
      r = rows.sort((a, b) => b.articles - a.articles)[0];
    }
  }
  return r ? summary(r) : undefined;
}

export interface EntityDetail extends EntitySummary {
  timeline: Array<{ articleId: number; url: string; title?: string; published?: string; storyId?: number }>;
  quoteList: QuoteRecord[];
  related: Array<{ id: number; name: string; type: EntityType; together: number }>;
}

export function entityDetail(db: Database.Database, e: EntitySummary, limit = 50): EntityDetail {
  // Story membership lives in the stories module's story_articles (when clustering has run), not in articles.story_id.
  const clustered = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_articles'").get();
  const timeline = (db.prepare(`SELECT a.id, a.url, a.title, a.published, ${clustered ? 'COALESCE(sa.story_id, a.story_id)' : 'a.story_id'} AS story_id
      FROM entity_mentions m JOIN articles a ON a.id = m.article_id ${clustered ? 'LEFT JOIN story_articles sa ON sa.article_id = a.id' : ''}
      WHERE m.entity_id = ? ORDER BY a.sort_key DESC, a.id DESC LIMIT ?`).all(e.id, limit) as Array<{ id: number; url: string; title: string | null; published: string | null; story_id: number | null }>)
    .map((r) => ({ articleId: r.id, url: r.url, ...(r.title ? { title: r.title } : {}), ...(r.published ? { published: r.published } : {}), ...(r.story_id !== null ? { storyId: r.story_id } : {}) }));
  const related = db.prepare(`SELECT o.id, o.name, o.type, COUNT(*) AS together FROM entity_mentions m JOIN entity_mentions n ON n.article_id = m.article_id AND n.entity_id != m.entity_id
      JOIN entities o ON o.id = n.entity_id WHERE m.entity_id = ? GROUP BY o.id ORDER BY together DESC, o.name LIMIT 15`).all(e.id) as EntityDetail['related'];
  return { ...e, timeline, quoteList: listQuotes(db, { entityId: e.id, limit }), related };
}

export function listQuotes(db: Database.Database, opts: { speaker?: string; entityId?: number; since?: string; limit?: number; offset?: number } = {}): QuoteRecord[] {
  const where: string[] = []; const params: unknown[] = [];
  if (opts.entityId !== undefined) { where.push('q.entity_id = ?'); params.push(opts.entityId); }
  if (opts.speaker) {
    const e = findEntity(db, opts.speaker);
    if (e) { where.push('(q.entity_id = ? OR lower(q.speaker) = lower(?))'); params.push(e.id, opts.speaker); }
    else { where.push('lower(q.speaker) LIKE lower(?)'); params.push(`%${opts.speaker}%`); }
  }
  if (opts.since) { where.push('a.published_key >= ?'); params.push(sinceKey(opts.since)); }
  const rows = db.prepare(`SELECT q.id, q.article_id, q.entity_id, q.speaker, q.text, a.url, a.title, a.published FROM quotes q JOIN articles a ON a.id = q.article_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.sort_key DESC, q.id LIMIT ? OFFSET ?`).all(...params, opts.limit ?? 50, opts.offset ?? 0) as Array<{ id: number; article_id: number; entity_id: number | null; speaker: string | null; text: string; url: string; title: string | null; published: string | null }>;
  return rows.map((r) => ({
    id: r.id, articleId: r.article_id, speaker: r.speaker, text: r.text, url: r.url,
    ...(r.entity_id !== null ? { entityId: r.entity_id } : {}), ...(r.title ? { title: r.title } : {}), ...(r.published ? { published: r.published } : {}),
  }));
}

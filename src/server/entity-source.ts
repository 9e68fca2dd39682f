// Where the server reads enrichment (entities, mentions, quotes) from. Those tables live in the
// SQLite archive beside the articles (src/enrich/store.ts) and are not part of ArchiveReader, so
// the server reaches them through the archive's `db` when it has one. An archive without them (a
// memory archive, or an old database never enriched) reads as "no entities": empty lists, not 500s.
// The server may hold the archive read-only, so the tables are looked for, never migrated here.
import type Database from 'better-sqlite3';
import type { ArchiveReader } from '../types.js';
import type { EntityType } from '../enrich/normalize.js';

type Db = Database.Database;

const TABLES = ['enrichments', 'entities', 'entity_mentions', 'quotes'];
/** Databases known to have the tables (a database never loses them, so "yes" is kept for good). */
const ready = new WeakSet<Db>();
/** "Not (yet)" is kept a few seconds: the article page asks on every view, and `dateline reenrich` may add the tables meanwhile. */
const absentUntil = new WeakMap<Db, number>();
const ABSENT_TTL_MS = 5000;

function isDb(value: unknown): value is Db {
  return typeof value === 'object' && value !== null && typeof (value as { prepare?: unknown }).prepare === 'function';
}

/** The archive's database when it holds enrichment tables, else undefined. */
export function enrichmentDb(archive: ArchiveReader): Db | undefined {
  const db = (archive as { db?: unknown }).db;
  if (!isDb(db)) return undefined;
  if (ready.has(db)) return db;
  if ((absentUntil.get(db) ?? 0) > Date.now()) return undefined;
  const found = stmt(db, `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN (${TABLES.map(() => '?').join(', ')})`).get(...TABLES) as { n: number };
  if (found.n !== TABLES.length) { absentUntil.set(db, Date.now() + ABSENT_TTL_MS); return undefined; }
  ready.add(db);
  return db;
}

/** Statements prepared once per database: the article and story pages ask on every view. */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();
function stmt(db: Db, sql: string): Database.Statement {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}

export interface NamedEntity {
  id: number;
  type: EntityType;
  /** Canonical (archive-wide) name. */
  name: string;
  country?: string;
  /** Articles (of the story) naming it; 1 for an article's own list. */
  count: number;
}

export interface ArticleQuote {
  text: string;
  speaker?: string;
  entityId?: number;
}

interface EntityRow { id: number; type: EntityType; name: string; country: string | null; n: number }
const named = (r: EntityRow): NamedEntity => ({ id: r.id, type: r.type, name: r.name, count: r.n, ...(r.country ? { country: r.country } : {}) });

/** The entities one article mentions, by type then name. */
export function articleEntities(db: Db, articleId: number): NamedEntity[] {
  return (stmt(db, `SELECT e.id, e.type, e.name, e.country, 1 AS n FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
      WHERE m.article_id = ? ORDER BY e.type, e.name`).all(articleId) as EntityRow[]).map(named);
}

/** An article's quotes in text order, with the speaker's entity where it was resolved. */
export function articleQuotes(db: Db, articleId: number): ArticleQuote[] {
  return (stmt(db, 'SELECT text, speaker, entity_id FROM quotes WHERE article_id = ? ORDER BY id').all(articleId) as Array<{ text: string; speaker: string | null; entity_id: number | null }>)
    .map((q) => ({ text: q.text, ...(q.speaker ? { speaker: q.speaker } : {}), ...(q.entity_id !== null ? { entityId: q.entity_id } : {}) }));
}

/**
 * The names a story's articles mention most (each article counted once per entity). Story
 * membership is the stories module's story_articles table; articles.story_id where it is absent.
 */
export function storyEntities(db: Db, storyId: number, limit = 15): NamedEntity[] {
  const clustered = stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_articles'").get() !== undefined;
  const members = clustered ? 'SELECT article_id FROM story_articles WHERE story_id = ?' : 'SELECT id FROM articles WHERE story_id = ?';
  return (stmt(db, `SELECT e.id, e.type, e.name, e.country, COUNT(*) AS n FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
      WHERE m.article_id IN (${members}) GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?`).all(storyId, limit) as EntityRow[]).map(named);
}

// The read side of the stories tables (what ArchiveReader.listStories / getStory return).
// Kept apart from the engine so the archive store can serve stories without loading it.
import type Database from 'better-sqlite3';
import type { ArticleFilters, Page, Story, StoryArticle } from '../types.js';

// The web server reads a story or an article's story on every page view: statements are prepared
// once per connection (preparing cost more than running them), and "the tables exist" is
// remembered once seen (tables are never dropped; "not yet" is asked again, cheaply).
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const clustered = new WeakSet<Database.Database>();

function stmt(db: Database.Database, sql: string): Database.Statement {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}

/** An article's story and duplicate group, if it has been clustered. */
export function storyOf(db: Database.Database, articleId: number): { storyId: number; duplicateGroup: number } | undefined {
  if (!hasStoriesTables(db)) return undefined;
  const r = stmt(db, 'SELECT story_id, duplicate_group FROM story_articles WHERE article_id = ?').get(articleId) as { story_id: number; duplicate_group: number } | undefined;
  return r ? { storyId: r.story_id, duplicateGroup: r.duplicate_group } : undefined;
}

/** Do the stories tables exist (has anything clustered this archive yet)? */
export function hasStoriesTables(db: Database.Database): boolean {
  if (clustered.has(db)) return true;
  const found = !!stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_articles'").get();
  if (found) clustered.add(db);
  return found;
}

interface StoryRow {
  id: number; title: string; first_seen: string; last_updated: string; size: number;
  sites: string; top_names: string; top_terms: string; updated_seq: number;
}

function storyArticles(db: Database.Database, storyId: number): StoryArticle[] {
  // Rows as arrays (raw): one object per article instead of two — story and article pages read
  // every article of a story (up to a few hundred) on each uncached view.
  const rows = rawStmt(db, `SELECT article_id, url, site, title, published, duplicate_group FROM story_articles
    WHERE story_id = ? ORDER BY COALESCE(published, '9999'), article_id`).all(storyId) as Array<[number, string | null, string | null, string | null, string | null, number]>;
  return rows.map((r) => {
    const a: StoryArticle = { id: r[0], url: r[1] ?? '', site: r[2] ?? '', duplicateGroup: r[5] };
    if (r[3]) a.title = r[3];
    if (r[4]) a.published = r[4];
    return a;
  });
}

const rawStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function rawStmt(db: Database.Database, sql: string): Database.Statement {
  let byDb = rawStatements.get(db);
  if (!byDb) rawStatements.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql).raw()));
  return s;
}

function rowToStory(db: Database.Database, r: StoryRow): Story {
  return {
    id: r.id, title: r.title, firstSeen: r.first_seen, lastUpdated: r.last_updated,
    articles: storyArticles(db, r.id),
    sites: JSON.parse(r.sites) as string[], topNames: JSON.parse(r.top_names) as string[], topTerms: JSON.parse(r.top_terms) as string[],
  };
}

export function getStory(db: Database.Database, id: number): Story | undefined {
  if (!hasStoriesTables(db)) return undefined;
  const r = stmt(db, 'SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
  return r ? rowToStory(db, r) : undefined;
}

/**
 * Stories, most recently updated first. `since`/`until` filter on the story's last update;
 * `site` keeps stories with an article from that site. The cursor is an opaque offset.
 */
export function listStories(db: Database.Database, filters: ArticleFilters = {}, cursor?: string, limit = 50): Page<Story> {
  if (!hasStoriesTables(db)) return { items: [] };
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.since) { where.push("last_updated >= ? AND last_updated != ''"); params.push(filters.since); }
  if (filters.until) { where.push("last_updated <= ? AND last_updated != ''"); params.push(`${filters.until}\uffff`); }
  if (filters.site) { where.push('id IN (SELECT story_id FROM story_articles WHERE site = ?)'); params.push(filters.site); }
  if (filters.lang) { where.push('id IN (SELECT story_id FROM story_articles WHERE lang = ?)'); params.push(filters.lang.slice(0, 2)); }
  const offset = cursor ? Math.max(0, Number.parseInt(Buffer.from(cursor, 'base64url').toString(), 10) || 0) : 0;
  const rows = stmt(db, `SELECT * FROM stories ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY last_updated DESC, updated_seq DESC, id DESC LIMIT ? OFFSET ?`).all(...params, limit + 1, offset) as StoryRow[];
  const page: Page<Story> = { items: rows.slice(0, limit).map((r) => rowToStory(db, r)) };
  if (rows.length > limit) page.next = Buffer.from(String(offset + limit)).toString('base64url');
  return page;
}

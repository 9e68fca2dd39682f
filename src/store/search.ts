// Full-text search: FTS5 with BM25 over title, description and body, filters joined from the
// articles table, snippets highlighted with <mark> over HTML-escaped text.
//
// Ranking and snippets are two queries on purpose: SQLite computes every result column before
// sorting, so asking for snippet() in the ranking query would build a snippet for every match
// (tens of thousands for a common word) instead of only for the page shown.
import type { ArticleFilters, Page, SearchHit } from '../types.js';
import { decodeCursor, encodeCursor, filterSql } from './rows.js';
import type { SqliteArchive } from './sqlite.js';

/** BM25 column weights: a word in the headline says more than one in the body. */
const WEIGHTS = '8.0, 3.0, 1.0';
const OPEN = '\u0001';
const CLOSE = '\u0002';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escape a snippet and turn the sentinel markers FTS5 inserted into <mark> elements. */
export function highlight(raw: string): string {
  // Stray sentinels cannot come from the page (they are control characters the extractor drops),
  // but escape first and replace after, so no page text can ever become markup.
  return escapeHtml(raw).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>').replace(/\s+/g, ' ').trim();
}

export function searchArchive(store: SqliteArchive, fts: string, filters: ArticleFilters, cursor: string | undefined, limit: number): Page<SearchHit> {
  const offset = cursor ? Number(decodeCursor(cursor)[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError('invalid cursor');
  const { clauses, params } = filterSql(filters);
  const needsJoin = clauses.length > 0;
  const sql = needsJoin
    ? `SELECT f.rowid AS id, bm25(articles_fts, ${WEIGHTS}) AS score FROM articles_fts f
         JOIN articles a ON a.id = f.rowid JOIN sites s ON s.id = a.site_id
         WHERE articles_fts MATCH ? AND ${clauses.join(' AND ')} ORDER BY score LIMIT ? OFFSET ?`
    : `SELECT rowid AS id, bm25(articles_fts, ${WEIGHTS}) AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?`;
  let ranked: Array<{ id: number; score: number }>;
  try {
    ranked = store.stmt(sql).all(fts, ...params, limit + 1, offset) as typeof ranked;
  } catch (e) {
    throw new RangeError(`search query could not be run: ${(e as Error).message}`);
  }
  const more = ranked.length > limit;
  ranked = ranked.slice(0, limit);
  if (!ranked.length) return { items: [] };

  const ids = ranked.map((r) => r.id);
  const marks = `(${ids.map(() => '?').join(',')})`;
  const details = store.db.prepare(`SELECT f.rowid AS id, a.url, s.host, a.title, a.published,
      snippet(articles_fts, -1, '${OPEN}', '${CLOSE}', '…', 24) AS snip
    FROM articles_fts f JOIN articles a ON a.id = f.rowid JOIN sites s ON s.id = a.site_id
    WHERE articles_fts MATCH ? AND f.rowid IN ${marks}`).all(fts, ...ids) as Array<{ id: number; url: string; host: string; title: string | null; published: string | null; snip: string | null }>;
  const byId = new Map(details.map((d) => [d.id, d]));
  const items: SearchHit[] = [];
  for (const r of ranked) {
    const d = byId.get(r.id);
    if (!d) continue;
    items.push({
      id: r.id, url: d.url, site: d.host, snippet: highlight(d.snip ?? ''),
      // bm25() is lower-is-better and negative; report higher-is-better.
      score: Math.round(-r.score * 1000) / 1000,
      ...(d.title ? { title: d.title } : {}), ...(d.published ? { published: d.published } : {}),
    });
  }
  return { items, ...(more ? { next: encodeCursor([offset + limit]) } : {}) };
}

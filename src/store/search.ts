// Full-text search: FTS5 with BM25 over title, description and body, filters joined from the
// articles table, snippets highlighted with <mark> over HTML-escaped text.
//
// BM25 has to be computed for every match before the best can be chosen, which costs a few
// microseconds per match (a length lookup each): fine for thousands, too slow for the 50,000
// matches of a common word in a large archive. So a query with more than RANK_WINDOW matches
// is ranked among its RANK_WINDOW most recently archived matches (found cheaply by walking the
// index newest first): in a news archive the newest matches are the ones people look for.
//
// Filters on site, language and section are tokens in the index's fourth column (schema step 3):
// a filtered query is `{title description text} : (query) AND filters : "site12"`, which FTS5
// answers by intersecting posting lists, so a filter with few matches costs little however common
// the words are. Dates (ranges) and the exact form of each filter are still checked on the
// articles row, for the matches that are left.
//
// Ranking and snippets are two queries on purpose: SQLite computes every result column before
// sorting, so asking for snippet() in the ranking query would build a snippet for every match
// (tens of thousands for a common word) instead of only for the page shown.
import { escapeHtml } from '../extract/render.js';
import type { ArticleFilters, Page, SearchHit } from '../types.js';
import { normalizeSite } from './canonical.js';
import { decodeCursor, encodeCursor, filterSql } from './rows.js';
import type { SqliteArchive } from './sqlite.js';

/** BM25 column weights: a word in the headline says more than one in the body; filter tokens count for nothing. */
const WEIGHTS = '8.0, 3.0, 1.0, 0.0';
/** For an archive still on the old index (opened read-only before its upgrade): three columns, no filter tokens. */
const WEIGHTS_V2 = '8.0, 3.0, 1.0';
/** Matches ranked at most (see above). */
export const RANK_WINDOW = 4000;
const OPEN = '\u0001';
const CLOSE = '\u0002';


/** Escape a snippet and turn the sentinel markers FTS5 inserted into <mark> elements. */
export function highlight(raw: string): string {
  // Stray sentinels cannot come from the page (they are control characters the extractor drops),
  // but escape first and replace after, so no page text can ever become markup.
  return escapeHtml(raw).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>').replace(/\s+/g, ' ').trim();
}

/** Lower-case ASCII only, as SQLite's lower() and COLLATE NOCASE do. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

const hex = (s: string) => Buffer.from(asciiLower(s), 'utf8').toString('hex');

/**
 * The filter tokens (schema step 3) a match must carry, or undefined when nothing can match
 * (a site the archive does not know).
 */
export function filterTokens(filters: ArticleFilters, siteId: (host: string) => number | undefined): string[] | undefined {
  const tokens: string[] = [];
  if (filters.site) {
    const id = siteId(normalizeSite(filters.site.replace(/^https?:\/\//, '').replace(/\/.*$/, '')));
    if (id === undefined) return undefined;
    tokens.push(`site${id}`);
  }
  // The whole tag: `en` is every article's primary subtag token or whole tag, `en-gb` the whole tag.
  if (filters.lang) tokens.push(`lang${hex(filters.lang)}`);
  if (filters.section) tokens.push(`sec${hex([...filters.section].slice(0, 40).join(''))}`);
  return tokens;
}

export function searchArchive(store: SqliteArchive, fts: string, filters: ArticleFilters, cursor: string | undefined, limit: number): Page<SearchHit> {
  const offset = cursor ? Number(decodeCursor(cursor)[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError('invalid cursor');
  const siteId = (host: string) => (store.stmt('SELECT id FROM sites WHERE host = ?').get(host) as { id: number } | undefined)?.id;
  const tokenized = store.ftsHasFilters();
  const weights = tokenized ? WEIGHTS : WEIGHTS_V2;
  let match = fts;
  if (tokenized) {
    const tokens = filterTokens(filters, siteId);
    if (!tokens) return { items: [] };
    // Typed words never reach the filter column; the filter tokens narrow the matches inside FTS5.
    fts = `{title description text} : (${fts})`;
    match = `${fts}${tokens.map((t) => ` AND filters : "${t}"`).join('')}`;
  }
  // The tokens select exactly what the SQL filters select (site id; language = tag or tag-…,
  // ASCII case-insensitively; section likewise), except sections longer than the 40 characters a
  // token holds: those are checked on the row. Dates are always checked on the row.
  const { clauses, params } = filterSql(tokenized
    ? { ...filters, site: undefined, lang: undefined, ...([...(filters.section ?? '')].length <= 40 ? { section: undefined } : {}) }
    : filters, siteId);
  // The join order is forced (CROSS JOIN): walking the index and checking each match's row is
  // cheap; probing the index once per article of a site is not (measured: 10× slower).
  const from = !clauses.length
    ? 'FROM articles_fts f WHERE articles_fts MATCH ?'
    : `FROM articles_fts f CROSS JOIN articles a INDEXED BY articles_filter ON a.id = f.rowid WHERE articles_fts MATCH ? AND ${clauses.join(' AND ')}`;
  const args = [match, ...params];
  let ranked: Array<{ id: number; score: number }>;
  try {
    if (PREFIX_TERM.test(fts)) {
      // A prefix term is expanded afresh by every statement (see snippetsInOnePass): score the
      // window in the same pass that finds it, and sort here.
      ranked = (store.stmt(`SELECT f.rowid AS id, bm25(articles_fts, ${weights}) AS score ${from} ORDER BY f.rowid DESC LIMIT ${RANK_WINDOW}`).all(...args) as typeof ranked)
        .sort((x, y) => x.score - y.score).slice(offset, offset + limit + 1);
    } else {
      // Otherwise two cheap passes: the window's edge (walking ids only), then BM25 inside it.
      const cut = store.stmt(`SELECT f.rowid AS id ${from} ORDER BY f.rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`).get(...args) as { id: number } | undefined;
      const window = cut ? ' AND f.rowid >= ?' : '';
      ranked = store.stmt(`SELECT f.rowid AS id, bm25(articles_fts, ${weights}) AS score ${from}${window} ORDER BY score LIMIT ? OFFSET ?`)
        .all(...args, ...(cut ? [cut.id] : []), limit + 1, offset) as typeof ranked;
    }
  } catch (e) {
    throw new RangeError(`search query could not be run: ${(e as Error).message}`);
  }
  const more = ranked.length > limit;
  ranked = ranked.slice(0, limit);
  if (!ranked.length) return { items: [] };

  // One row at a time, by rowid: FTS5 seeks straight to it (an IN list or a join made SQLite
  // scan every match of the query for each hit — 20 ms for one hit of a common word).
  // The rowid is bound as a BigInt: better-sqlite3 binds a JS number as REAL, and FTS5 then
  // ignores the rowid constraint and returns the first match's snippet for every hit.
  const snippetStmt = store.stmt(`SELECT snippet(articles_fts, -1, '${OPEN}', '${CLOSE}', '…', 24) AS snip FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`);
  const snippets = PREFIX_TERM.test(fts) ? snippetsInOnePass(store, fts, ranked.map((r) => r.id)) : undefined;
  const infoStmt = store.stmt('SELECT a.url, s.host, a.title, a.published FROM articles a JOIN sites s ON s.id = a.site_id WHERE a.id = ?');
  const items: SearchHit[] = [];
  for (const r of ranked) {
    const info = infoStmt.get(r.id) as { url: string; host: string; title: string | null; published: string | null } | undefined;
    if (!info) continue;
    const d = { ...info, snip: snippets ? snippets.get(r.id) ?? '' : (snippetStmt.get(fts, BigInt(r.id)) as { snip: string | null } | undefined)?.snip ?? '' };
    items.push({
      id: r.id, url: d.url, site: d.host, snippet: highlight(d.snip ?? ''),
      // bm25() is lower-is-better and negative; report higher-is-better.
      score: Math.round(-r.score * 1000) / 1000,
      ...(d.title ? { title: d.title } : {}), ...(d.published ? { published: d.published } : {}),
    });
  }
  return { items, ...(more ? { next: encodeCursor([offset + limit]) } : {}) };
}

/** A prefix term in an FTS5 expression of ours (src/store/query.ts emits `"word"*`). */
const PREFIX_TERM = /"\*/;

/**
 * Snippets of a prefix query in a single pass over its matches between the first and the last hit.
 * FTS5 expands a prefix term by merging the posting lists of every word it covers, for the whole
 * index, each time a query starts — a per-hit seek (above) then paid that 20 times (4 ms each for
 * `unser*` in 100,000 articles). Here it is paid once; the matches in between cost a comparison each.
 */
function snippetsInOnePass(store: SqliteArchive, fts: string, ids: number[]): Map<number, string> {
  const rows = store.stmt(`SELECT rowid AS id, snippet(articles_fts, -1, '${OPEN}', '${CLOSE}', '…', 24) AS snip FROM articles_fts
    WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))`)
    .all(fts, BigInt(Math.min(...ids)), BigInt(Math.max(...ids)), JSON.stringify(ids)) as Array<{ id: number; snip: string | null }>;
  return new Map(rows.map((r) => [r.id, r.snip ?? '']));
}

// Row ↔ record mapping and the SQL for article filters, shared by the SQLite reader and writer.
import { createHash } from 'node:crypto';
import type { Article, ArticleFilters, StoredArticle } from '../types.js';
import type { ItemHints, PackedPage, PreparedArticle } from './api.js';
import { compress, decompress } from './compress.js';
import { acceptableCanonical, canonicalizeUrl, normalizeSite } from './canonical.js';

export interface ArticleRow {
  id: number;
  url: string;
  host: string;
  canonical_url: string | null;
  title: string | null;
  description: string | null;
  authors: string | null;
  published: string | null;
  modified: string | null;
  section: string | null;
  tags: string | null;
  site_name: string | null;
  language: string | null;
  image: string | null;
  text: string;
  extra: Buffer | null;
  word_count: number;
  warnings: string | null;
  content_hash: string;
  fetched_at: string;
  story_id: number | null;
  duplicate_group: number | null;
}

export const ARTICLE_COLUMNS = `a.id, a.url, s.host, a.canonical_url, a.title, a.description, a.authors, a.published, a.modified,
  a.section, a.tags, a.site_name, a.language, a.image, a.text, a.extra, a.word_count, a.warnings, a.content_hash,
  a.fetched_at, a.story_id, a.duplicate_group`;

export function rowToArticle(r: ArticleRow): StoredArticle {
  const extra = r.extra ? (JSON.parse(decompress(r.extra.subarray(1), r.extra[0] === 1 ? 'br' : 'identity').toString('utf8')) as { markdown?: string; html?: string }) : {};
  const a: StoredArticle = {
    id: r.id,
    url: r.url,
    site: r.host,
    authors: r.authors ? (JSON.parse(r.authors) as string[]) : [],
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    text: r.text,
    markdown: extra.markdown ?? '',
    html: extra.html ?? '',
    wordCount: r.word_count,
    warnings: r.warnings ? (JSON.parse(r.warnings) as StoredArticle['warnings']) : [],
    fetchedAt: r.fetched_at,
    contentHash: r.content_hash,
  };
  if (r.canonical_url) a.canonicalUrl = r.canonical_url;
  if (r.title) a.title = r.title;
  if (r.description) a.description = r.description;
  if (r.published) a.published = r.published;
  if (r.modified) a.modified = r.modified;
  if (r.section) a.section = r.section;
  if (r.site_name) a.siteName = r.site_name;
  if (r.language) a.language = r.language;
  if (r.image) a.image = r.image;
  if (r.story_id != null) a.storyId = r.story_id;
  if (r.duplicate_group != null) a.duplicateGroup = r.duplicate_group;
  return a;
}

/** markdown + html, compressed together (1-byte tag: 1 = brotli, 0 = plain; fast brotli: see compress.ts). */
export function packExtra(article: Article): Buffer {
  const json = Buffer.from(JSON.stringify({ markdown: article.markdown, html: article.html }), 'utf8');
  const { body, encoding } = compress(json, { fast: true });
  return Buffer.concat([Buffer.from([encoding === 'br' ? 1 : 0]), body]);
}

function normalizeForHash(s: string | undefined): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The identity of an article's content: title and body, whitespace and case folded. */
export function contentHash(article: Pick<Article, 'title' | 'text'>): string {
  return createHash('sha256').update(normalizeForHash(article.title)).update('\n').update(normalizeForHash(article.text)).digest('hex').slice(0, 32);
}

export function rawHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/**
 * The addresses an article is known by: the one given, the one redirected to, its own canonical
 * link (and whether it is trusted), and the key it is stored under — the address we were given
 * (or redirected to), or for a local file the page's own link. Pure, so ingest's workers can
 * compute the stored address ahead of the write (stories features read dates from it).
 */
export function articleAddresses(url: string, finalUrl: string | undefined, canonicalUrl: string | undefined): {
  given: string; finalUrl: string | undefined; linked: string | undefined; trustedLink: string | undefined; key: string;
} {
  const given = canonicalizeUrl(url) ?? url;
  const final = finalUrl ? canonicalizeUrl(finalUrl) : undefined;
  const base = final ?? given;
  const linked = canonicalUrl ? canonicalizeUrl(canonicalUrl, base.startsWith('http') ? base : undefined) : undefined;
  const trustedLink = linked && acceptableCanonical(base.startsWith('http') ? base : undefined, linked) ? linked : undefined;
  const key = base.startsWith('http') ? base : trustedLink ?? base;
  return { given, finalUrl: final, linked, trustedLink, key };
}

/** What a source states about an article wins over what extraction found. */
export function applyHints(article: Article, hints: ItemHints | undefined): Article {
  if (!hints) return article;
  const a = { ...article };
  for (const k of ['title', 'published', 'description', 'section', 'language', 'image', 'modified'] as const) {
    const v = hints[k];
    if (typeof v === 'string' && v.trim()) a[k] = v.trim();
  }
  if (hints.authors?.length) a.authors = hints.authors;
  if (hints.tags?.length) a.tags = hints.tags;
  return a;
}

/**
 * The CPU-heavy part of storing a raw page (hash, compression), done by the caller — ingest
 * does it in its extraction workers, so the thread that writes the database only writes.
 */
export function packPage(body: Uint8Array, hash = rawHash(body)): PackedPage {
  const { body: bytes, encoding } = compress(body, { fast: true });
  return { bytes, encoding, size: body.length, hash };
}

/** The CPU-heavy part of storing an article (content hash, compressed markdown/html); see packPage. */
export function prepareArticle(article: Article, hints: ItemHints | undefined): PreparedArticle {
  return { contentHash: contentHash(applyHints(article, hints)), extra: packExtra(article) };
}

/**
 * A sortable UTC key for a publication time: `2025-10-15T13:36:00.000Z` for a time with an
 * offset (or none: read as UTC), `2025-10-15` for a bare day (sorts before that day's times).
 */
export function publishedKey(p: string | undefined): string | undefined {
  if (!p) return undefined;
  const s = p.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) return s;
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s}Z`;
  const d = new Date(withZone.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Validate a --since/--until value; throws with a message that says what is expected. */
export function parseDateFilter(value: string, name: string): string {
  const k = publishedKey(value);
  if (!k || !/^\d{4}-\d{2}-\d{2}/.test(k)) throw new RangeError(`${name} must be a date (YYYY-MM-DD) or an ISO date-time, got '${value}'`);
  return k;
}

/** WHERE clauses (joined with AND) over `a` (articles) and `s` (sites). */
export function filterSql(f: ArticleFilters, siteId?: (host: string) => number | undefined): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.since) {
    clauses.push('a.published_key >= ?');
    params.push(parseDateFilter(f.since, 'since'));
  }
  if (f.until) {
    const k = parseDateFilter(f.until, 'until');
    if (k.length === 10) { clauses.push('a.published_key < ?'); params.push(nextDay(k)); }
    else { clauses.push('a.published_key <= ?'); params.push(k); }
  }
  if (f.site) {
    // By id, so that filtering needs no join with sites (a subquery here made searches 5× slower).
    const host = normalizeSite(f.site.replace(/^https?:\/\//, '').replace(/\/.*$/, ''));
    if (siteId) { clauses.push('a.site_id = ?'); params.push(siteId(host) ?? -1); }
    else { clauses.push('a.site_id = (SELECT id FROM sites WHERE host = ?)'); params.push(host); }
  }
  if (f.section) {
    clauses.push('a.section = ? COLLATE NOCASE');
    params.push(f.section);
  }
  if (f.lang) {
    clauses.push('(a.language = ? COLLATE NOCASE OR a.language LIKE ?)');
    params.push(f.lang, `${f.lang}-%`);
  }
  return { clauses, params };
}

export function encodeCursor(parts: Array<string | number>): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Array<string | number> {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v as Array<string | number>;
  } catch {
    // fall through
  }
  throw new RangeError('invalid cursor; pass back the `next` value of the previous page unchanged');
}

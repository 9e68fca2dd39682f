// Stories inside the archive: keep them up to date after `dateline ingest`, rebuild them
// (`dateline recluster`), and serve them to the archive's reader (listStories / getStory).
// Works on the archive's own SQLite database: the stories tables live beside the archive's.
import type Database from 'better-sqlite3';
import type { ExtractWarning, StoredArticle } from '../types.js';
import type { StoryInput } from './features.js';
import { prepareArticle, type PreparedArticle } from './engine.js';
import { openStories, type StoriesOptions } from './sqlite.js';

/** What the stories module needs from the archive: its database and a way to read an article. */
export interface ArchiveSource {
  readonly db: Database.Database;
  getArticle(id: number): StoredArticle | undefined;
}

export interface StoriesUpdate {
  /** Articles placed in stories by this call. */
  added: number;
  /** Stories in the archive afterwards. */
  stories: number;
  /** Articles that joined an existing copy's duplicate group. */
  duplicates: number;
  ms: number;
}

/** Extraction's warning that `published` may be a masthead's day (src/extract/text/index.ts isPageDateLine). */
export const PAGE_DATE_WARNING = 'published-page-date';

/**
 * Whether an article's warnings (as stored: a JSON array, or the parsed list) say its `published`
 * is only an upper bound. The warning's `value` is the day it is about: a date given from outside
 * the page (a feed's, applied over the extracted one) is not concerned.
 */
export function publishedIsBound(warnings: string | null | readonly ExtractWarning[] | undefined, published: string | null | undefined): boolean {
  if (!warnings || !published) return false;
  const list = typeof warnings === 'string' ? (warnings.includes(PAGE_DATE_WARNING) ? JSON.parse(warnings) as ExtractWarning[] : []) : warnings;
  return list.some((w) => w.code === PAGE_DATE_WARNING && w.value?.slice(0, 10) === published.slice(0, 10));
}

/** An article's fields as clustering reads them (absent ones left out); the one place that maps them. */
export function storyFields(url: string, a: { text: string; title?: string | null; published?: string | null; language?: string | null; warnings?: string | null | readonly ExtractWarning[] }): Omit<StoryInput, 'id' | 'site'> {
  const input: Omit<StoryInput, 'id' | 'site'> = { url, text: a.text };
  if (a.title) input.title = a.title;
  if (a.published) input.published = a.published;
  if (a.published && publishedIsBound(a.warnings, a.published)) input.publishedNotAfter = true;
  if (a.language) input.language = a.language;
  return input;
}

export function toStoryInput(a: StoredArticle): StoryInput {
  return { id: a.id, site: a.site, ...storyFields(a.url, a) };
}

/**
 * Stories features computed ahead of the stories update — by ingest's extraction workers, which
 * hold the article's text anyway — with the fields they were computed from (`basis`): the update
 * uses them only when the stored row still has exactly those fields, so placement is the same as
 * from the stored text.
 */
export interface PrecomputedStory {
  basis: { url?: string; title?: string; published?: string; publishedNotAfter?: boolean; language?: string };
  features: PreparedArticle['features'];
  hash: string;
  signature?: PreparedArticle['signature'];
  /** JSON.stringify(features), as persisted. */
  featuresJson: string;
}

export function precomputeStory(input: Omit<StoryInput, 'id' | 'site'>): PrecomputedStory {
  const p = prepareArticle({ id: 0, ...input });
  const basis: PrecomputedStory['basis'] = {};
  for (const k of ['url', 'title', 'published', 'language'] as const) if (input[k]) basis[k] = input[k];
  if (input.publishedNotAfter) basis.publishedNotAfter = true;
  return { basis, features: p.features, featuresJson: JSON.stringify(p.features), hash: p.hash, ...(p.signature ? { signature: p.signature } : {}) };
}

interface Row { id: number; url: string; host: string; title: string | null; published: string | null; language: string | null; warnings: string | null }

function usable(pre: PrecomputedStory | undefined, r: Row): pre is PrecomputedStory {
  const b = pre?.basis;
  return !!b && (b.url ?? null) === (r.url || null) && (b.title ?? null) === (r.title || null)
    && (b.published ?? null) === (r.published || null) && (b.language ?? null) === (r.language || null)
    && !!b.publishedNotAfter === publishedIsBound(r.warnings, r.published);
}

// Prepared once per connection: ingest reads a few rows at a time, after every article it stores.
const statements = new WeakMap<Database.Database, { page: Database.Statement; textOf: Database.Statement }>();
function readStatements(db: Database.Database): { page: Database.Statement; textOf: Database.Statement } {
  let st = statements.get(db);
  if (!st) {
    st = {
      page: db.prepare(`SELECT a.id, a.url, s.host, a.title, a.published, a.language, a.warnings FROM articles a JOIN sites s ON s.id = a.site_id
        WHERE a.id > ? AND a.id <= ? ORDER BY a.id LIMIT 500`),
      textOf: db.prepare('SELECT text FROM articles WHERE id = ?').pluck(),
    };
    statements.set(db, st);
  }
  return st;
}

/**
 * The fields clustering needs, read straight from the rows in pages of 500 (getArticle() per id
 * also decompressed each article's markdown/html and looked up its story: a third of the time
 * of a stories update after ingest). Articles with usable precomputed features are not read
 * (nor their features computed) again. `upToId` bounds the range (ingest places a run's articles
 * while it is still storing them: src/ingest/live-stories.ts).
 */
export function* articlesAfter(archive: ArchiveSource, afterId: number, precomputed?: ReadonlyMap<number, PrecomputedStory>, upToId = Number.MAX_SAFE_INTEGER): Generator<StoryInput | PreparedArticle> {
  const { page, textOf } = readStatements(archive.db);
  for (let after = afterId; ;) {
    const rows = page.all(after, upToId) as Row[];
    if (!rows.length) return;
    for (const r of rows) {
      const meta: Omit<StoryInput, 'text'> = { id: r.id, url: r.url, site: r.host };
      if (r.title) meta.title = r.title;
      if (r.published) meta.published = r.published;
      if (publishedIsBound(r.warnings, r.published)) meta.publishedNotAfter = true;
      if (r.language) meta.language = r.language;
      const pre = precomputed?.get(r.id);
      if (usable(pre, r)) {
        const p: PreparedArticle = { input: meta, features: pre.features, hash: pre.hash, featuresJson: pre.featuresJson };
        if (pre.signature) p.signature = pre.signature;
        yield p;
        continue;
      }
      const text = textOf.get(r.id) as string;
      if (!text.trim()) continue;
      yield { ...meta, text };
    }
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Cluster the archive's articles that are not in a story yet (called at the end of every
 * `dateline ingest`). Articles are taken in id order; the largest clustered id is the watermark.
 * Re-extracted articles keep their story (run `dateline recluster` to redo everything).
 * `precomputed`: features already computed for some of them (see PrecomputedStory).
 */
export function updateStories(archive: ArchiveSource, opts: StoriesOptions = {}, precomputed?: ReadonlyMap<number, PrecomputedStory>): StoriesUpdate {
  const t0 = performance.now();
  const handle = openStories(archive.db, opts);
  const watermark = (archive.db.prepare('SELECT COALESCE(MAX(article_id), 0) FROM story_articles').pluck().get() as number);
  const results = handle.addBatch(articlesAfter(archive, watermark, precomputed));
  const stories = archive.db.prepare('SELECT count(*) FROM stories').pluck().get() as number;
  handle.close();
  return { added: results.length, stories, duplicates: results.filter((r) => r.duplicateOf !== undefined).length, ms: performance.now() - t0 };
}

/** Drop all stories and duplicate groups and cluster every article of the archive again. */
export function reclusterArchive(archive: ArchiveSource, opts: StoriesOptions = {}): StoriesUpdate {
  const t0 = performance.now();
  const handle = openStories(archive.db, opts);
  const added = handle.recluster(articlesAfter(archive, 0));
  const stories = archive.db.prepare('SELECT count(*) FROM stories').pluck().get() as number;
  const duplicates = archive.db.prepare('SELECT count(*) FROM story_articles WHERE article_id != duplicate_group').pluck().get() as number;
  handle.close();
  return { added, stories, duplicates, ms: performance.now() - t0 };
}

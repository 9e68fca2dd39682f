// Stories inside the archive: keep them up to date after `dateline ingest`, rebuild them
// (`dateline recluster`), and serve them to the archive's reader (listStories / getStory).
// Works on the archive's own SQLite database: the stories tables live beside the archive's.
import type Database from 'better-sqlite3';
import type { StoredArticle } from '../types.js';
import type { StoryInput } from './features.js';
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

export function toStoryInput(a: StoredArticle): StoryInput {
  const input: StoryInput = { id: a.id, url: a.url, site: a.site, text: a.text };
  if (a.title) input.title = a.title;
  if (a.published) input.published = a.published;
  if (a.language) input.language = a.language;
  return input;
}

/**
 * The fields clustering needs, read straight from the rows in pages of 500 (getArticle() per id
 * also decompressed each article's markdown/html and looked up its story: a third of the time
 * of a stories update after ingest).
 */
function* articlesAfter(archive: ArchiveSource, afterId: number): Generator<StoryInput> {
  const page = archive.db.prepare(`SELECT a.id, a.url, s.host, a.title, a.text, a.published, a.language FROM articles a JOIN sites s ON s.id = a.site_id
    WHERE a.id > ? ORDER BY a.id LIMIT 500`);
  for (let after = afterId; ;) {
    const rows = page.all(after) as Array<{ id: number; url: string; host: string; title: string | null; text: string; published: string | null; language: string | null }>;
    if (!rows.length) return;
    for (const r of rows) {
      if (!r.text.trim()) continue;
      const input: StoryInput = { id: r.id, url: r.url, site: r.host, text: r.text };
      if (r.title) input.title = r.title;
      if (r.published) input.published = r.published;
      if (r.language) input.language = r.language;
      yield input;
    }
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Cluster the archive's articles that are not in a story yet (called at the end of every
 * `dateline ingest`). Articles are taken in id order; the largest clustered id is the watermark.
 * Re-extracted articles keep their story (run `dateline recluster` to redo everything).
 */
export function updateStories(archive: ArchiveSource, opts: StoriesOptions = {}): StoriesUpdate {
  const t0 = performance.now();
  const handle = openStories(archive.db, opts);
  const watermark = (archive.db.prepare('SELECT COALESCE(MAX(article_id), 0) FROM story_articles').pluck().get() as number);
  const results = handle.addBatch(articlesAfter(archive, watermark));
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

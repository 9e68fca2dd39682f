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

function* articlesAfter(archive: ArchiveSource, afterId: number): Generator<StoryInput> {
  const ids = archive.db.prepare('SELECT id FROM articles WHERE id > ? ORDER BY id').pluck().all(afterId) as number[];
  for (const id of ids) {
    const a = archive.getArticle(id);
    if (a && a.text.trim()) yield toStoryInput(a);
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

// Builds the serve benchmark's archive through the store's write API, and picks the paths the
// load generator requests (random articles, stories, typical searches) through the read API.
import Database from 'better-sqlite3';
import { openArchive } from '../src/store/index.js';
import { openStories } from '../src/stories/sqlite.js';
import type { StoryInput } from '../src/stories/features.js';
import { benchArticle, benchQueries, loadPool, rng } from './serve-corpus.js';

const BATCH = 2000;

export async function buildBenchArchive(path: string, n: number, log: (msg: string) => void): Promise<{ ms: number; real: boolean }> {
  const started = performance.now();
  const { pool, real } = loadPool();
  const random = rng(42);
  const archive = openArchive(path);
  try {
    for (let start = 0; start < n; start += BATCH) {
      archive.transaction(() => {
        for (let i = start; i < Math.min(n, start + BATCH); i++) {
          const a = benchArticle(i, pool, random);
          archive.saveArticle({ url: a.url, article: a.article });
        }
      });
      const done = Math.min(n, start + BATCH);
      if (process.stderr.isTTY) process.stderr.write(`\r  ${done.toLocaleString('en')} / ${n.toLocaleString('en')} articles`);
      else if (done % 20_000 === 0) log(`  ${done.toLocaleString('en')} articles`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
  } finally {
    archive.close();
  }
  return { ms: performance.now() - started, real };
}

/**
 * Clusters the archive's articles into stories with the stories stage (src/stories), oldest
 * first, in batches, as ingest would. Skipped when the archive already has stories.
 */
export function clusterBenchStories(path: string, log: (msg: string) => void): void {
  const db = new Database(path);
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'stories'").get() && (db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n > 0;
    if (has) return;
    const started = performance.now();
    const archive = openArchive(path, { readonly: true });
    const stories = openStories(db);
    try {
      const ids: { id: number; published: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = archive.listArticles({}, cursor, 100);
        for (const a of page.items) ids.push({ id: a.id, published: a.published ?? '' });
        cursor = page.next;
      } while (cursor);
      ids.sort((a, b) => a.published.localeCompare(b.published) || a.id - b.id);
      for (let i = 0; i < ids.length; i += BATCH) {
        const inputs: StoryInput[] = [];
        for (const { id } of ids.slice(i, i + BATCH)) {
          const a = archive.getArticle(id)!;
          inputs.push({ id: a.id, url: a.url, site: a.site, title: a.title, text: a.text, published: a.published, language: a.language });
        }
        stories.addBatch(inputs);
        const done = Math.min(ids.length, i + BATCH);
        if (process.stderr.isTTY) process.stderr.write(`\r  stories: ${done.toLocaleString('en')} / ${ids.length.toLocaleString('en')} articles`);
        else if (done % 10_000 === 0) log(`  stories: ${done.toLocaleString('en')} articles, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      if (process.stderr.isTTY) process.stderr.write('\n');
    } finally {
      stories.close();
      archive.close();
    }
    log(`clustered into stories in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    db.close();
  }
}

export interface BenchPaths {
  articles: number;
  stories: number;
  articlePaths: string[];
  storyPaths: string[];
  searchPaths: string[];
  searchApiPaths: string[];
}

export function benchPaths(path: string): BenchPaths {
  const archive = openArchive(path, { readonly: true });
  try {
    const random = rng(7);
    const total = archive.stats().articles;
    const articlePaths: string[] = [];
    // Article ids are not promised to be dense: probe random ids through the reader.
    for (let tries = 0; articlePaths.length < 5000 && tries < 50_000; tries++) {
      const id = 1 + Math.floor(random() * total * 1.05);
      if (archive.getArticle(id)) articlePaths.push(`/articles/${id}`);
    }
    const storyPaths: string[] = [];
    let cursor: string | undefined;
    do {
      const page = archive.listStories({}, cursor, 100);
      for (const s of page.items) if (s.articles.length > 1) storyPaths.push(`/stories/${s.id}`);
      cursor = page.next;
    } while (cursor && storyPaths.length < 2000);
    const queries = benchQueries(loadPool().pool, rng(11), 100);
    return {
      articles: total,
      stories: archive.stats().stories ?? 0,
      articlePaths,
      storyPaths: storyPaths.sort(() => random() - 0.5),
      searchPaths: queries.map((q) => `/search?${q}`),
      searchApiPaths: queries.map((q) => `/api/search?${q}`),
    };
  } finally {
    archive.close();
  }
}

// Builds the serve benchmark's archive through the store's write API, and picks the paths the
// load generator requests (random articles, stories, typical searches) through the read API.
import { openArchive } from '../src/store/index.js';
import { updateStories } from '../src/stories/archive.js';
import { benchArticle, benchQueries, loadPool } from './serve-corpus.js';
import { rng } from './rng.js';
import { writeBenchStories } from './serve-stories.js';

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
 * Gives the archive stories (once): rows written from the corpus's own grouping (serve-stories.ts,
 * seconds), or with `cluster` the stories stage's clusterer as `dateline ingest` runs it (slow at
 * 100,000 articles on a loaded machine).
 */
export function benchStories(path: string, n: number, mode: 'rows' | 'cluster', log: (msg: string) => void): void {
  if (mode === 'cluster') { clusterBenchStories(path, log); return; }
  const archive = openArchive(path);
  try {
    if ((archive.stats().stories ?? 0) > 0) return;
    const t0 = performance.now();
    const stories = writeBenchStories(archive.db, n);
    log(`stories: wrote ${stories.toLocaleString('en')} stories from the corpus's events (one event, one day) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    archive.close();
  }
}

/**
 * Clusters the archive's articles into stories with the stories stage, as the end of
 * `dateline ingest` does (updateStories: every article not in a story yet, in id order).
 */
export function clusterBenchStories(path: string, log: (msg: string) => void): void {
  const archive = openArchive(path);
  try {
    if ((archive.stats().stories ?? 0) > 0) return;
    log('clustering the archive into stories (as dateline ingest does)…');
    const r = updateStories(archive);
    log(`clustered ${r.added.toLocaleString('en')} articles into ${r.stories.toLocaleString('en')} stories in ${(r.ms / 1000).toFixed(1)} s`);
  } finally {
    archive.close();
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

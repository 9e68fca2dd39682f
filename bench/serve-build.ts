// Builds the serve benchmark's archive through the store's write API, and picks the paths the
// load generator requests (random articles, stories, typical searches) through the read API.
import { openArchive } from '../src/store/index.js';
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
      if (process.stderr.isTTY) process.stderr.write(`\r  ${Math.min(n, start + BATCH).toLocaleString('en')} / ${n.toLocaleString('en')} articles`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    await buildStories(archive, log);
  } finally {
    archive.close();
  }
  return { ms: performance.now() - started, real };
}

/** Clusters the archive into stories with the stories stage, when it is part of this build. */
async function buildStories(_archive: ReturnType<typeof openArchive>, log: (msg: string) => void): Promise<void> {
  log('stories: the stories stage is not in this build; the story page will be skipped');
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

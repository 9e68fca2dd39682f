// Stories for the serve benchmark's archive, written directly as rows of the stories tables
// (src/stories/sqlite.ts) instead of running the clusterer over 100,000 articles (which takes
// longer than a benchmark run should). The grouping is the corpus's own truth: every article
// knows the dev-set event its text comes from (serve-corpus.ts), so a story is one event on one
// day (≈ 3,000 stories of ≈ 35 articles at 100,000), and articles built from the same source
// text within a story form a duplicate group (a wire copy), as the clusterer would mark them.
// The server reads these rows exactly as it reads clustered ones; only the grouping is given.
import type Database from 'better-sqlite3';
import { migrateStories } from '../src/stories/sqlite.js';
import { isoToDay } from '../src/stories/numbers.js';
import { benchArticle, loadPool } from './serve-corpus.js';
import { rng } from './rng.js';

interface Member { id: number; url: string; site: string; title: string; published: string; hash: string; source: number; day: number }

const NAME = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/g;
const TERM = /\b[a-z]{6,14}\b/g;

function top(values: string[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([v]) => v);
}

/** Writes story rows for an archive built by buildBenchArchive with `n` articles; returns the number of stories. */
export function writeBenchStories(db: Database.Database, n: number): number {
  migrateStories(db);
  const { pool } = loadPool();
  const random = rng(42); // the builder's seed: the same sequence of articles
  const byUrl = new Map<string, { event: string; source: number }>();
  for (let i = 0; i < n; i++) {
    const a = benchArticle(i, pool, random);
    byUrl.set(a.url, { event: a.event, source: a.source });
  }
  const rows = db.prepare('SELECT a.id, a.url, s.host, a.title, a.published, a.content_hash FROM articles a JOIN sites s ON s.id = a.site_id ORDER BY a.id').all() as
    Array<{ id: number; url: string; host: string; title: string | null; published: string | null; content_hash: string }>;
  const stories = new Map<string, Member[]>();
  for (const r of rows) {
    const origin = byUrl.get(r.url);
    const day = isoToDay(r.published ?? undefined);
    if (!origin || day === undefined || !r.published) continue;
    const key = `${origin.event}|${day}`;
    const member: Member = { id: r.id, url: r.url, site: r.host, title: r.title ?? '', published: r.published, hash: r.content_hash, source: origin.source, day };
    const list = stories.get(key);
    if (list) list.push(member); else stories.set(key, [member]);
  }
  const insertArticle = db.prepare(`INSERT INTO story_articles (article_id, story_id, duplicate_group, duplicate_score, seq, url, site, title, published, day, lang, hash, features)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, ?)`);
  const insertStory = db.prepare(`INSERT INTO stories (id, title, first_seen, last_updated, size, sites, top_names, top_terms, updated_seq, last_day)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertGroup = db.prepare('INSERT INTO duplicate_groups (id, earliest_article, earliest_day, members) VALUES (?, ?, ?, ?)');
  let storyId = 0;
  db.transaction(() => {
    db.exec('DELETE FROM story_articles; DELETE FROM stories; DELETE FROM duplicate_groups;');
    const ordered = [...stories.values()].sort((a, b) => a[0]!.id - b[0]!.id);
    for (const members of ordered) {
      storyId++;
      const bySource = new Map<number, Member[]>();
      for (const m of members) { const g = bySource.get(m.source); if (g) g.push(m); else bySource.set(m.source, [m]); }
      for (const group of bySource.values()) {
        const first = group[0]!; // lowest id: the group's id, as the engine names groups
        insertGroup.run(first.id, first.id, first.day, group.length);
        for (const m of group) {
          insertArticle.run(m.id, storyId, first.id, m === first ? 0 : 1, m.id, m.url, m.site, m.title, m.published, m.day, m.hash,
            JSON.stringify({ vec: {}, day: m.day, lang: 'en', title: m.title }));
        }
      }
      const times = members.map((m) => m.published).sort((a, b) => Date.parse(a) - Date.parse(b));
      const titles = members.map((m) => m.title);
      insertStory.run(storyId, top(titles, 1)[0] ?? '(untitled)', times[0], times[times.length - 1], members.length,
        JSON.stringify([...new Set(members.map((m) => m.site))]),
        JSON.stringify(top(titles.flatMap((t) => t.match(NAME) ?? []).filter((x) => x.length > 3).map((x) => x.toLowerCase()), 6)), // match keys, as the clusterer stores them
        JSON.stringify(top(titles.flatMap((t) => t.toLowerCase().match(TERM) ?? []), 6)),
        members[members.length - 1]!.id, isoToDay(times[times.length - 1]) ?? null);
    }
  })();
  return storyId;
}

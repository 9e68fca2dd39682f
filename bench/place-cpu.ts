// CPU of ingest's stories placement alone (src/ingest/live-stories.ts on the main thread), replayed
// from an archive `npm run bench:ingest` left behind: its articles' rows and the stories features
// its workers computed (story_articles.features, hash, signature) are copied into a fresh slim
// database, then every article is handed to LiveStories exactly as the pipeline does it
// (noteStored, placeReady(2), write batches of BATCH articles, finish()), timed with the thread's
// CPU clock. The message the worker posts is replayed too: each PrecomputedStory goes through a
// structured clone (v8 serialize, deserialize — the deserialize is main-thread work in a real run).
// Then the placements are compared with the source archive's: they must be the same article by
// article (a speed change that moves one article is a behaviour change).
//
//   npm run bench:ingest -- --pages 10000 --db /tmp/x.db     (once)
//   node --import tsx bench/place-cpu.ts --db /tmp/x.db [--max N] [--save before.json | --against before.json]
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { LiveStories } from '../src/ingest/live-stories.js';
import { publishedIsBound, type PrecomputedStory } from '../src/stories/archive.js';
import { signatureFromBuffer } from '../src/stories/duplicates.js';
import type { ArticleFeatures } from '../src/stories/features.js';
import { threadCpuMs } from './runner.js';

const { values: v } = parseArgs({ options: { db: { type: 'string' }, max: { type: 'string' }, batch: { type: 'string' }, save: { type: 'string' }, against: { type: 'string' } } });
if (!v.db) { console.error('usage: place-cpu --db ARCHIVE (an archive bench:ingest built, with its stories)'); process.exit(2); }
const max = Number(v.max ?? Number.MAX_SAFE_INTEGER);
const BATCH = Number(v.batch ?? 500);


const path = join(tmpdir(), `dateline-place-cpu-${process.pid}.db`);
for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
const db = new Database(path);
db.pragma('journal_mode = WAL');
db.exec(`ATTACH '${v.db.replace(/'/g, "''")}' AS src;
  CREATE TABLE sites (id INTEGER PRIMARY KEY, host TEXT NOT NULL);
  CREATE TABLE articles (id INTEGER PRIMARY KEY, url TEXT NOT NULL, site_id INTEGER NOT NULL, title TEXT, published TEXT, language TEXT, warnings TEXT, text TEXT NOT NULL);
  INSERT INTO sites SELECT id, host FROM src.sites;
  CREATE TEMP TABLE source (id INTEGER PRIMARY KEY, url TEXT NOT NULL, site_id INTEGER NOT NULL, title TEXT, published TEXT, language TEXT, warnings TEXT, text TEXT NOT NULL);
  INSERT INTO source SELECT id, url, site_id, title, published, language, warnings, text FROM src.articles WHERE id <= ${Math.min(max, 2 ** 52)};`);
interface Row { id: number; url: string; title: string | null; published: string | null; language: string | null; warnings: string | null; features: string; hash: string; signature: Buffer | null; story_id: number; duplicate_group: number }
const rows = db.prepare(`SELECT a.id, a.url, a.title, a.published, a.language, a.warnings, s.features, s.hash, s.signature, s.story_id, s.duplicate_group
  FROM source a JOIN src.story_articles s ON s.article_id = a.id ORDER BY a.id`).all() as Row[];
// --against: the placements a run of this bench saved (--save); otherwise the source archive's (which
// may differ slightly: its pipeline also placed after pages found unchanged, at other moments).
const expected = v.against
  ? new Map((JSON.parse(readFileSync(v.against, 'utf8')) as Array<[number, number, number]>).map(([id, story, group]) => [id, { story, group }]))
  : new Map(rows.map((r) => [r.id, { story: r.story_id, group: r.duplicate_group }]));
// The messages as the workers posted them.
const messages = rows.map((r) => {
  const features = JSON.parse(r.features) as ArticleFeatures;
  const vec = Object.create(null) as Record<string, number>;
  Object.assign(vec, features.vec);
  features.vec = vec;
  const basis: PrecomputedStory['basis'] = {};
  if (r.url) basis.url = r.url;
  if (r.title) basis.title = r.title;
  if (r.published) basis.published = r.published;
  if (r.language) basis.language = r.language;
  if (publishedIsBound(r.warnings, r.published)) basis.publishedNotAfter = true;
  const pre: PrecomputedStory = { basis, features, featuresJson: r.features, hash: r.hash, ...(r.signature ? { signature: signatureFromBuffer(r.signature) } : {}) };
  return { id: r.id, buf: serialize(pre) };
});
db.exec('DETACH src');
const archive = { db, getArticle: () => undefined };
// Rows are stored as the run goes (the pipeline's saveArticle), so that LiveStories sees them arrive.
const store = db.prepare('INSERT INTO articles SELECT * FROM source WHERE id = ?');

const t0 = threadCpuMs();
let cloneMs = 0;
const live = new LiveStories(archive);
db.exec('BEGIN');
let inBatch = 0;
let storeMs = 0;
for (const m of messages) {
  const s0 = threadCpuMs();
  store.run(m.id);
  storeMs += threadCpuMs() - s0;
  const c = threadCpuMs();
  const pre = deserialize(m.buf) as PrecomputedStory;
  cloneMs += threadCpuMs() - c;
  live.noteStored(m.id, 'new', pre);
  live.placeReady(2);
  if (++inBatch >= BATCH) { db.exec('COMMIT'); db.exec('BEGIN'); inBatch = 0; }
}
db.exec('COMMIT');
const u = live.finish();
const total = threadCpuMs() - t0 - storeMs;
const n = messages.length;

// Same placements as the source archive? Story ids are assigned in arrival order, so equal ids mean equal clusterings.
// The story records too (titles, top names and terms, sizes, dates): a digest to compare between runs.
const storiesDigest = createHash('sha1').update(JSON.stringify(db.prepare('SELECT id, title, first_seen, last_updated, size, sites, top_names, top_terms FROM stories ORDER BY id').all())).digest('hex').slice(0, 12);
const got = db.prepare('SELECT article_id, story_id, duplicate_group FROM story_articles').all() as Array<{ article_id: number; story_id: number; duplicate_group: number }>;
if (v.save) writeFileSync(v.save, JSON.stringify(got.map((g) => [g.article_id, g.story_id, g.duplicate_group])));
let differ = 0;
for (const g of got) {
  const e = expected.get(g.article_id);
  if (!e || e.story !== g.story_id || e.group !== g.duplicate_group) differ++;
}
differ += Math.max(0, expected.size - got.length);
if (u.rebuiltAfter) console.log(`stories rebuilt after the run: ${u.rebuiltAfter}`);
db.close();
for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
console.log(`place-cpu: ${n} articles placed in ${u.stories} stories (${u.duplicates} duplicates), main-thread CPU ${(total / n).toFixed(3)} ms per article`
  + ` (of which receiving the workers' message ${(cloneMs / n).toFixed(3)}); ${differ} placements differ from ${v.against ?? 'the source archive'}'s; story records digest ${storiesDigest}`);

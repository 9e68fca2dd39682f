// SQLite persistence of stories and duplicate groups (module 'stories' of src/store/migrate.ts),
// plus the read side (list / get stories) the archive's ArchiveReader delegates to.
// The engine state lives in memory while a database is open and is rebuilt from these tables.
import Database from 'better-sqlite3';
import type { Story } from '../types.js';
import { migrate } from '../store/migrate.js';
import type { ClusterOptions } from './cluster.js';
import type { DuplicateOptions } from './duplicates.js';
import { signatureFromBuffer, signatureToBuffer } from './duplicates.js';
import { StoryEngine, type ArticleRecord, type DuplicateGroup, type PlaceResult, type PreparedArticle, type StoryPersistence } from './engine.js';
import type { ArticleFeatures, StoryInput } from './features.js';
import { isoToDay } from './numbers.js';

export const STORIES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE story_articles (
     article_id INTEGER PRIMARY KEY,
     story_id INTEGER NOT NULL,
     duplicate_group INTEGER NOT NULL,
     duplicate_score REAL NOT NULL,
     seq INTEGER NOT NULL,
     url TEXT, site TEXT, title TEXT, published TEXT, day INTEGER, lang TEXT,
     hash TEXT NOT NULL,
     features TEXT NOT NULL,
     signature BLOB
   );
   CREATE INDEX story_articles_story ON story_articles(story_id);
   CREATE INDEX story_articles_group ON story_articles(duplicate_group);
   CREATE INDEX story_articles_seq ON story_articles(seq);
   CREATE TABLE stories (
     id INTEGER PRIMARY KEY,
     title TEXT NOT NULL,
     first_seen TEXT NOT NULL,
     last_updated TEXT NOT NULL,
     size INTEGER NOT NULL,
     sites TEXT NOT NULL,
     top_names TEXT NOT NULL,
     top_terms TEXT NOT NULL,
     updated_seq INTEGER NOT NULL,
     last_day INTEGER
   );
   CREATE INDEX stories_recent ON stories(last_updated DESC, updated_seq DESC);
   CREATE TABLE duplicate_groups (
     id INTEGER PRIMARY KEY,
     earliest_article INTEGER NOT NULL,
     earliest_day INTEGER,
     members INTEGER NOT NULL
   );`,
  // 2: a story's timeline (the story page, and "other coverage" on every article page) read from
  // one covering index instead of one table row per member: members are spread over the table
  // (and their rows carry the features JSON), so 35 members cost ~35 page reads. 160 → ~30 µs
  // per story on the serve benchmark's archive.
  `CREATE INDEX story_articles_timeline ON story_articles(story_id, published, article_id, duplicate_group, site, url, title);`,
];

export function migrateStories(db: Database.Database): void {
  migrate(db, 'stories', STORIES_MIGRATIONS);
}

class SqlitePersistence implements StoryPersistence {
  private seq: number;
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM story_articles').get() as { s: number }).s;
    this.stmts = {
      article: db.prepare(`INSERT OR REPLACE INTO story_articles
        (article_id, story_id, duplicate_group, duplicate_score, seq, url, site, title, published, day, lang, hash, features, signature)
        VALUES (@id, @storyId, @duplicateGroup, @duplicateScore, @seq, @url, @site, @title, @published, @day, @lang, @hash, @features, @signature)`),
      move: db.prepare('UPDATE story_articles SET story_id = ? WHERE story_id = ?'),
      story: db.prepare(`INSERT OR REPLACE INTO stories (id, title, first_seen, last_updated, size, sites, top_names, top_terms, updated_seq, last_day)
        VALUES (@id, @title, @firstSeen, @lastUpdated, @size, @sites, @topNames, @topTerms, @seq, @lastDay)`),
      deleteStory: db.prepare('DELETE FROM stories WHERE id = ?'),
      group: db.prepare('INSERT OR REPLACE INTO duplicate_groups (id, earliest_article, earliest_day, members) VALUES (?, ?, ?, ?)'),
    };
  }

  saveArticle(rec: ArticleRecord): void {
    this.stmts.article.run({
      id: rec.id, storyId: rec.storyId, duplicateGroup: rec.duplicateGroup, duplicateScore: rec.duplicateScore, seq: ++this.seq,
      url: rec.url ?? null, site: rec.site ?? null, title: rec.title, published: rec.published ?? null, day: rec.day ?? null,
      lang: rec.lang ?? null, hash: rec.hash, features: JSON.stringify(rec.features),
      signature: rec.signature ? signatureToBuffer(rec.signature) : null,
    });
  }

  moveArticles(from: number, to: number): void {
    this.stmts.move.run(to, from);
  }

  saveStory(s: Story): void {
    this.stmts.story.run({
      id: s.id, title: s.title, firstSeen: s.firstSeen, lastUpdated: s.lastUpdated, size: s.articles.length,
      sites: JSON.stringify(s.sites), topNames: JSON.stringify(s.topNames), topTerms: JSON.stringify(s.topTerms), seq: this.seq,
      lastDay: isoToDay(s.lastUpdated) ?? null,
    });
  }

  deleteStory(id: number): void {
    this.stmts.deleteStory.run(id);
  }

  saveDuplicateGroup(g: DuplicateGroup): void {
    this.stmts.group.run(g.id, g.earliestArticle, g.earliestDay ?? null, g.members);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

interface ArticleRow {
  article_id: number; story_id: number; duplicate_group: number; duplicate_score: number;
  url: string | null; site: string | null; title: string | null; published: string | null; day: number | null; lang: string | null;
  hash: string; features: string; signature: Buffer | null;
}

function rowToRecord(r: ArticleRow): ArticleRecord {
  const rec: ArticleRecord = {
    id: r.article_id, storyId: r.story_id, duplicateGroup: r.duplicate_group, duplicateScore: r.duplicate_score,
    title: r.title ?? '', hash: r.hash, features: JSON.parse(r.features) as ArticleFeatures,
  };
  if (r.url) rec.url = r.url;
  if (r.site) rec.site = r.site;
  if (r.published) rec.published = r.published;
  if (r.day !== null) rec.day = r.day;
  if (r.lang) rec.lang = r.lang;
  if (r.signature) rec.signature = signatureFromBuffer(r.signature);
  return rec;
}

/** Recent articles whose terms are counted on open, beside the open stories' own. */
const STATISTICS_SAMPLE = 5000;

export type StoriesOptions = Partial<ClusterOptions> & { duplicates?: DuplicateOptions };

/** A stories engine bound to a database: `add` places and persists one article. */
export interface StoriesHandle {
  readonly db: Database.Database;
  readonly engine: StoryEngine;
  add(input: StoryInput): PlaceResult;
  /** Add the articles of one ingest run (term statistics of the whole batch are counted first). */
  addBatch(inputs: Iterable<StoryInput | PreparedArticle>): PlaceResult[];
  /** Has this article been clustered already? */
  has(articleId: number): boolean;
  /** Drop every story and duplicate group and cluster the given articles again, in order. */
  recluster(inputs: Iterable<StoryInput | PreparedArticle>): number;
  /** Re-cluster from the stored features (when the archive's texts are not at hand). */
  reclusterStored(): number;
  close(): void;
}

/**
 * Open (creating and migrating as needed) the stories tables in `db` — a better-sqlite3 Database
 * or a file path — and load the engine state from them.
 */
export function openStories(db: Database.Database | string, opts: StoriesOptions = {}): StoriesHandle {
  const ownDb = typeof db === 'string';
  const conn = typeof db === 'string' ? new Database(db) : db;
  if (ownDb) conn.pragma('journal_mode = WAL');
  migrateStories(conn);
  const makeEngine = () => new StoryEngine({ ...opts, persistence: new SqlitePersistence(conn) });
  let engine = makeEngine();
  // Only open stories are loaded: those a new article could still join (see StoryClusterer.evictStale).
  const clock = conn.prepare('SELECT MAX(updated_seq) AS seq, MAX(last_day) AS day FROM stories').get() as { seq: number | null; day: number | null };
  const window = engine.clusterer.opts.windowDays;
  const open = conn.prepare(`SELECT a.* FROM story_articles a JOIN stories s ON s.id = a.story_id
    WHERE (s.last_day IS NULL AND s.updated_seq > ?) OR s.last_day >= ? ORDER BY a.seq`);
  const restoreState = () => {
    for (const row of open.iterate((clock.seq ?? 0) - engine.clusterer.opts.undatedRetention, (clock.day ?? 0) - 2 * window) as IterableIterator<ArticleRow>) {
      engine.restore(rowToRecord(row));
    }
    const maxId = conn.prepare('SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM stories UNION ALL SELECT MAX(story_id) FROM story_articles)').pluck().get() as number | null;
    engine.clusterer.reserveIds(maxId ?? 0);
    // Term statistics: the open stories alone are a small sample; count recent closed articles too.
    const recent = conn.prepare('SELECT article_id, features FROM story_articles ORDER BY seq DESC LIMIT ?').iterate(STATISTICS_SAMPLE) as IterableIterator<{ article_id: number; features: string }>;
    const sample: ArticleFeatures[] = [];
    for (const r of recent) if (!engine.article(r.article_id)) sample.push(JSON.parse(r.features) as ArticleFeatures);
    engine.clusterer.seed(sample);
  };
  restoreState();
  const clear = () => conn.exec('DELETE FROM story_articles; DELETE FROM stories; DELETE FROM duplicate_groups;');
  return {
    db: conn,
    get engine() { return engine; },
    add: (input) => engine.add(input),
    addBatch: (inputs) => conn.transaction(() => engine.addBatch(inputs))(),
    has: (id) => engine.article(id) !== undefined,
    recluster(inputs) {
      let n = 0;
      conn.transaction(() => {
        clear();
        engine = makeEngine();
        n = engine.addBatch(inputs).length;
      })();
      return n;
    },
    reclusterStored() {
      const rows = conn.prepare('SELECT * FROM story_articles ORDER BY seq').all() as ArticleRow[];
      conn.transaction(() => {
        clear();
        engine = makeEngine();
        const batch: PreparedArticle[] = [];
        for (const r of rows) {
          const rec = rowToRecord(r);
          const input: PreparedArticle['input'] = { id: rec.id, title: rec.title };
          if (rec.url) input.url = rec.url;
          if (rec.site) input.site = rec.site;
          if (rec.published) input.published = rec.published;
          const prepared: PreparedArticle = { input, features: rec.features, hash: rec.hash };
          if (rec.signature) prepared.signature = rec.signature;
          batch.push(prepared);
        }
        engine.addBatch(batch);
      })();
      return rows.length;
    },
    close() { if (ownDb) conn.close(); },
  };
}

export { getStory, listStories } from './read.js';

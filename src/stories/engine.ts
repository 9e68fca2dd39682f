// The stories engine: duplicates + incremental clustering + story summaries, with a small
// persistence interface so the algorithm runs (and is tested) in memory and is kept in SQLite.
import type { Story, StoryArticle } from '../types.js';
import { StoryClusterer, type ClusterOptions, type StoryState } from './cluster.js';
import { DuplicateIndex, exactHash, signature, type DuplicateOptions, type Signature } from './duplicates.js';
import { articleFeatures, bodyWordsOf, splitLead, type ArticleFeatures, type StoryInput } from './features.js';

/** Everything the engine keeps about one article; enough to rebuild its state without re-reading texts. */
export interface ArticleRecord {
  id: number;
  url?: string;
  site?: string;
  title: string;
  published?: string;
  day?: number;
  lang?: string;
  storyId: number;
  duplicateGroup: number;
  /** Similarity to its duplicate group's first member (1 for the first member itself). */
  duplicateScore: number;
  hash: string;
  features: ArticleFeatures;
  signature?: Signature;
  /** JSON.stringify(features) when computed ahead (ingest's workers): persisted as it is, then dropped. */
  featuresJson?: string;
}

export interface DuplicateGroup {
  id: number;
  /** The earliest-published member (by day, then arrival). */
  earliestArticle: number;
  earliestDay?: number;
  members: number;
}

/** Where the engine writes its changes. Implementations: none (memory only) and SQLite (sqlite.ts). */
export interface StoryPersistence {
  saveArticle(rec: ArticleRecord): void;
  /** Several articles moved to another story (a merge). */
  moveArticles(fromStory: number, toStory: number): void;
  saveStory(story: Story): void;
  deleteStory(id: number): void;
  saveDuplicateGroup(group: DuplicateGroup): void;
  /** Group writes of one article in a transaction. */
  transaction<T>(fn: () => T): T;
}

export interface EngineOptions extends Partial<ClusterOptions> {
  duplicates?: DuplicateOptions;
  persistence?: StoryPersistence;
}

export interface PlaceResult {
  storyId: number;
  duplicateGroup: number;
  /** The article this one duplicates (the first member of its group), if it is a copy. */
  duplicateOf?: number;
  createdStory: boolean;
  mergedStories: number[];
}

const DAY_MS = 86_400_000;
/** Closed stories are looked for after this many arrivals. */
const EVICT_EVERY = 2000;

/** An article with its features computed: the part of `add` that needs the text. */
export interface PreparedArticle {
  input: Omit<StoryInput, 'text'>;
  features: ArticleFeatures;
  hash: string;
  signature?: Signature;
  /** JSON.stringify(features), when computed ahead (ingest's workers), so the thread placing articles does not. */
  featuresJson?: string;
}

export function prepareArticle(input: StoryInput): PreparedArticle {
  const { text, ...meta } = input;
  // One tokenisation of the lead serves the features and the body's words (hash and signature).
  const split = splitLead(text);
  const bw = bodyWordsOf(split);
  const body = bw.join(' ');
  const p: PreparedArticle = { input: meta, features: articleFeatures(input, split), hash: exactHash(text, body) };
  const sig = signature(text, body, bw);
  if (sig) p.signature = sig;
  return p;
}

export class StoryEngine {
  readonly clusterer: StoryClusterer;
  private readonly dups: DuplicateIndex;
  private readonly articles = new Map<number, ArticleRecord>();
  private readonly groups = new Map<number, DuplicateGroup>();
  private readonly persistence?: StoryPersistence;
  private sinceEviction = 0;

  constructor(opts: EngineOptions = {}) {
    const { duplicates, persistence, ...cluster } = opts;
    this.clusterer = new StoryClusterer(cluster);
    this.dups = new DuplicateIndex(duplicates);
    this.persistence = persistence;
  }

  get articleCount(): number {
    return this.articles.size;
  }

  /** Add one article: find its duplicate group, place it in a story, persist the changes. */
  add(input: StoryInput): PlaceResult {
    return this.addPrepared(prepareArticle(input));
  }

  /**
   * Add a batch (one ingest run): the batch's term statistics are counted first, so the first
   * articles of a fresh archive are weighted as well as the last; then each is placed in order.
   */
  addBatch(inputs: Iterable<StoryInput | PreparedArticle>): PlaceResult[] {
    const prepared = [...inputs].map((x) => ('features' in x ? x : prepareArticle(x)));
    this.clusterer.seed(prepared.map((p) => p.features));
    return prepared.map((p) => this.addPrepared(p));
  }

  /** Add an article whose features are already computed (re-clustering from stored features). */
  addPrepared(prepared: PreparedArticle): PlaceResult {
    const { input, features, hash, signature: sig } = prepared;
    if (this.articles.has(input.id)) throw new Error(`article ${input.id} is already clustered`);
    const dup = this.dups.find(hash, sig);
    const dupOf = dup ? this.articles.get(dup.articleId) : undefined;
    // A copy joins its original's story unless the dates say it is a later re-run of old copy.
    const forced = dupOf && dayDistance(dupOf.day, features.day) <= this.clusterer.opts.windowDays ? dupOf.storyId : undefined;
    const placed = this.clusterer.add(input.id, features, forced);
    this.dups.add(input.id, hash, sig);

    const group = this.groupFor(input.id, features.day, dupOf?.duplicateGroup);
    const rec: ArticleRecord = {
      id: input.id, title: features.title, storyId: placed.storyId, duplicateGroup: group.id,
      duplicateScore: dup ? dup.jaccard : 1, hash, features,
    };
    if (input.url) rec.url = input.url;
    if (input.site) rec.site = input.site;
    if (input.published) rec.published = input.published;
    else if (features.day !== undefined) rec.published = new Date(features.day * DAY_MS).toISOString().slice(0, 10);
    if (features.day !== undefined) rec.day = features.day;
    if (features.lang) rec.lang = features.lang;
    if (sig) rec.signature = sig;
    if (prepared.featuresJson !== undefined) rec.featuresJson = prepared.featuresJson;
    this.articles.set(input.id, rec);
    for (const m of placed.merged) this.reassign(m, placed.storyId);

    const p = this.persistence;
    if (p) {
      p.transaction(() => {
        p.saveArticle(rec);
        p.saveDuplicateGroup(group);
        for (const m of placed.merged) { p.moveArticles(m, placed.storyId); p.deleteStory(m); }
        p.saveStory(this.story(placed.storyId)!);
      });
    }
    delete rec.featuresJson;
    // Evict only after the story was saved: eviction may close the very story this article joined
    // (an old article placed in a story outside the window), and a closed story cannot be read back.
    if (++this.sinceEviction >= EVICT_EVERY) this.evict();
    const result: PlaceResult = { storyId: placed.storyId, duplicateGroup: group.id, createdStory: placed.created, mergedStories: placed.merged };
    if (dupOf) result.duplicateOf = dup!.articleId;
    return result;
  }

  /** Rebuild in-memory state from persisted records (in arrival order) without re-scoring. */
  restore(rec: ArticleRecord): void {
    this.clusterer.restore(rec.id, rec.features, rec.storyId);
    this.dups.add(rec.id, rec.hash, rec.signature);
    this.articles.set(rec.id, rec);
    const g = this.groups.get(rec.duplicateGroup);
    if (!g) this.groups.set(rec.duplicateGroup, { id: rec.duplicateGroup, earliestArticle: rec.id, earliestDay: rec.day, members: 1 });
    else {
      g.members++;
      if (rec.day !== undefined && (g.earliestDay === undefined || rec.day < g.earliestDay)) { g.earliestArticle = rec.id; g.earliestDay = rec.day; }
    }
  }

  /** Forget closed stories (see StoryClusterer.evictStale); they stay in the database. */
  evict(): number {
    this.sinceEviction = 0;
    const ids = this.clusterer.evictStale();
    const hashes: string[] = [];
    for (const id of ids) {
      const rec = this.articles.get(id);
      if (!rec) continue;
      hashes.push(rec.hash);
      this.articles.delete(id);
      // Single-member groups are forgotten with their article; real groups are few and stay.
      const g = this.groups.get(rec.duplicateGroup);
      if (g && g.members <= 1) this.groups.delete(g.id);
    }
    this.dups.remove(ids);
    this.dups.removeExact(hashes);
    return ids.length;
  }

  article(id: number): ArticleRecord | undefined {
    return this.articles.get(id);
  }

  duplicateGroup(id: number): DuplicateGroup | undefined {
    return this.groups.get(id);
  }

  storyIds(): number[] {
    return [...this.clusterer.stories.keys()];
  }

  /** The story record (the shape of src/types.ts) for a live story id. */
  story(id: number): Story | undefined {
    const s = this.clusterer.stories.get(this.clusterer.resolve(id));
    return s ? this.summarise(s) : undefined;
  }

  private summarise(s: StoryState): Story {
    const members = s.members.map((m) => this.articles.get(m)).filter((a): a is ArticleRecord => !!a);
    const articles: StoryArticle[] = members.map((a) => {
      const sa: StoryArticle = { id: a.id, url: a.url ?? '', site: a.site ?? '', title: a.title, duplicateGroup: a.duplicateGroup };
      if (a.published) sa.published = a.published;
      return sa;
    }).sort((x, y) => byInstant(x.published, y.published) || x.id - y.id);
    // Times carry different offsets (+06:00, -05:00): order by instant, not by string.
    const dated = articles.map((a) => a.published).filter((p): p is string => !!p).sort(byInstant);
    const rep = this.articles.get(s.repArticle) ?? members[0];
    return {
      id: s.id,
      title: rep?.title ?? '',
      firstSeen: dated[0] ?? '',
      lastUpdated: dated[dated.length - 1] ?? '',
      articles,
      sites: [...new Set(articles.map((a) => a.site).filter(Boolean))].sort(),
      topNames: this.clusterer.topFeatures(s, 'n:', 8),
      topTerms: this.clusterer.topFeatures(s, 'w:', 8),
    };
  }

  private groupFor(articleId: number, day: number | undefined, existing: number | undefined): DuplicateGroup {
    if (existing !== undefined) {
      const g = this.groups.get(existing)!;
      g.members++;
      if (day !== undefined && (g.earliestDay === undefined || day < g.earliestDay)) { g.earliestArticle = articleId; g.earliestDay = day; }
      return g;
    }
    // Group ids are the id of the group's first article: stable, and no counter to persist.
    const g: DuplicateGroup = { id: articleId, earliestArticle: articleId, members: 1 };
    if (day !== undefined) g.earliestDay = day;
    this.groups.set(g.id, g);
    return g;
  }

  private reassign(from: number, to: number): void {
    const story = this.clusterer.stories.get(to);
    if (!story) return;
    for (const id of story.members) {
      const a = this.articles.get(id);
      if (a && a.storyId === from) a.storyId = to;
    }
  }
}

function dayDistance(a: number | undefined, b: number | undefined): number {
  return a === undefined || b === undefined ? 0 : Math.abs(a - b);
}

/** Order ISO 8601 times by the instant they denote; undated last; unparsable ones by text. */
function byInstant(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a.localeCompare(b);
  return ta - tb || a.localeCompare(b);
}

// Incremental story clustering. Each arriving article is compared with the centroids of a few
// candidate stories and joins the best one above a threshold, or starts a new story; when it also
// matches another story well, and the two stories' centroids agree, they merge. This is the
// single-pass centroid scheme of news topic detection and tracking (Allan et al., "Topic Detection
// and Tracking Pilot Study", 1998; Miranda et al., EMNLP 2018, "Multilingual Clustering of
// Streaming News"), with hand-set weights instead of a learned model. Which story an article
// joins, and when a weaker match is enough, is decided in decide.ts; scores come from scoring.ts;
// the time window and event-weekday vetoes from time-window.ts.
//
// Cost per article is bounded independently of the archive size: candidates come from inverted
// postings of the article's rarest features, only the newest entries of each posting list are
// read, stories outside the time window are skipped, and at most `maxCandidates` are scored.
import type { ArticleFeatures } from './features.js';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from './cluster-options.js';
import { chooseStory } from './decide.js';
import { TermStats } from './idf.js';
import { StoryScorer } from './scoring.js';
import { MAX_STATED_DAYS, articleFits, sameDayEvent, timeCompatible } from './time-window.js';
import { Heaviest, isTextFeature, prune, type PackedVector } from './vectors.js';

export { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from './cluster-options.js';
export { articleFits, dayFits } from './time-window.js';

export interface StoryState {
  id: number;
  /** Sum of member feature weights (no idf: idf is applied when scoring, so it stays current). */
  centroid: Map<string, number>;
  size: number;
  members: number[];
  firstDay?: number;
  lastDay?: number;
  /** Event weekdays its members state (bit mask, bit 0 = Sunday; see time-window.ts). */
  weekdays: number;
  /** Days of the year undated members state (see DaySpan.statedDays). */
  statedDays?: number[];
  /** Language → member count. */
  langs: Map<string, number>;
  /** Representative member: the one that matched the story best when it joined. */
  repArticle: number;
  repScore: number;
  /** Arrival number of the last article that joined (for evicting undated stories). */
  lastSeq: number;
}

export interface Assignment {
  storyId: number;
  score: number;
  /** Stories merged into `storyId` while placing this article. */
  merged: number[];
  created: boolean;
}

export class StoryClusterer {
  readonly opts: ClusterOptions;
  /** Document frequencies (in fixed memory, counts.ts) and idf weights keyed by interned feature ids (idf.ts). */
  private readonly terms: TermStats;
  readonly stories = new Map<number, StoryState>();
  /** Feature → ids of stories having it, oldest first; a single id is stored bare (most features belong to one story). */
  private readonly postings = new Map<string, number | number[]>();
  private readonly redirect = new Map<number, number>();
  /** Raw features of the articles of live stories (average linkage compares members one by one). */
  private readonly memberFeatures = new Map<number, ArticleFeatures>();
  /** Weighted, normalised member vectors, recomputed when idf has drifted (the archive grew by 10%). */
  private readonly vecCache = new Map<number, { vec: PackedVector; docs: number }>();
  private nextId = 1;
  private seq = 0;
  /** The newest publication day seen: the clock that closes old stories. */
  private newestDay: number | undefined;

  /** Similarities, conflicts and corroboration (scoring.ts), over this clusterer's idf and member vectors. */
  private readonly scorer: StoryScorer;

  constructor(opts: Partial<ClusterOptions> = {}) {
    this.opts = { ...DEFAULT_CLUSTER_OPTIONS, ...opts };
    this.terms = new TermStats(this.opts.idfPower);
    this.scorer = new StoryScorer({
      opts: this.opts,
      idf: (k) => this.idf(k),
      memberVec: (id) => this.memberVec(id),
      memberLang: (id) => this.memberFeatures.get(id)?.lang,
    });
  }

  /** The idf weight of a feature (memoised: see idf.ts). */
  idf(feature: string): number {
    return this.terms.idf(feature);
  }

  /** The live id of a story that may have been merged away. */
  resolve(id: number): number {
    let cur = id;
    for (let next = this.redirect.get(cur); next !== undefined; next = this.redirect.get(cur)) cur = next;
    if (cur !== id) this.redirect.set(id, cur);
    return cur;
  }

  /**
   * Count document frequencies of articles ahead of clustering them (a rebuild knows the whole
   * archive): early articles are then weighted with archive-wide idf instead of a cold start.
   * `add` does not count these articles again.
   */
  seed(features: Iterable<ArticleFeatures>): void {
    for (const f of features) { this.count(f); this.seeded.add(f); }
  }

  private readonly seeded = new WeakSet<ArticleFeatures>();

  /** Place an article: join the best story, start one, and merge stories it connects. */
  add(articleId: number, f: ArticleFeatures, forced?: number): Assignment {
    if (!this.seeded.has(f)) this.count(f);
    const vec = this.weighted(f);
    const all = forced !== undefined && this.stories.has(this.resolve(forced))
      ? [{ story: this.stories.get(this.resolve(forced))!, score: 1 }]
      : this.candidates(f, this.lookupKeys(vec)).map((story) => ({ story, score: this.scorer.similarity(vec, story, f) })).sort((a, b) => b.score - a.score);
    const best = chooseStory(all, this.opts, (c) => this.scorer.corroborates(vec, c.story.centroid) || sameDayEvent(c.story, f),
      (a, b) => this.sameEvent(a.story, b.story));
    let story: StoryState;
    const merged: number[] = [];
    if (best) {
      story = best.story;
      this.join(story, articleId, f, best.score);
      story = this.consolidate(story, merged, all.slice(1).map((c) => c.story));
    } else {
      story = this.create(articleId, f);
    }
    return { storyId: story.id, score: best?.score ?? 0, merged, created: !best };
  }

  /**
   * Merge into `story` the stories it now matches (group-average similarity ≥ mergeThreshold):
   * candidates are the extra stories given (an arriving article's other matches) and those found
   * through the story's own strongest features. Returns the surviving story.
   */
  consolidate(story: StoryState, merged: number[] = [], extra: StoryState[] = []): StoryState {
    // Looked up by the centroid's heaviest features under current idf.
    const top = new Heaviest(this.opts.lookupFeatures);
    for (const [k, w] of story.centroid) top.push(k, w * this.idf(k));
    const found = this.candidates({ vec: {}, title: '', ...(story.lastDay !== undefined ? { day: story.lastDay } : {}) }, top);
    const seen = new Set<number>([story.id]);
    const pool = [...extra.slice(0, this.opts.mergeCandidates), ...found.slice(0, this.opts.mergeCandidates + 1)];
    const scored: Array<{ other: StoryState; sim: number }> = [];
    for (const other of pool) {
      if (seen.has(other.id) || !this.stories.has(other.id)) continue;
      seen.add(other.id);
      if (!timeCompatible(story, other, this.opts.windowDays)) continue;
      const sim = this.scorer.storySimilarity(story, other);
      if (sim >= this.opts.mergeThreshold || (sim >= this.opts.weakMergeThreshold && this.scorer.corroborates(story.centroid, other.centroid))) scored.push({ other, sim });
    }
    scored.sort((a, b) => b.sim - a.sim);
    for (const { other } of scored) {
      if (!this.stories.has(other.id) || !this.stories.has(story.id)) continue;
      if (!timeCompatible(story, other, this.opts.windowDays)) continue;
      const before = story;
      story = this.merge(story, other);
      merged.push(story === before ? other.id : before.id);
    }
    return story;
  }

  /**
   * Whether two stories look like fragments of one event: compatible times, a shared fact and no
   * conflicting one, and related text (half the weak join level: stories on unrelated subjects
   * score 0.01–0.03 on the dev set, fragments of one event 0.065 and up). A date shared alone is
   * common to a whole day's news in a large archive; with related text it is not.
   */
  private sameEvent(a: StoryState, b: StoryState): boolean {
    return timeCompatible(a, b, this.opts.windowDays) && this.scorer.corroborates(a.centroid, b.centroid)
      && this.scorer.storySimilarity(a, b) >= this.opts.weakJoinThreshold / 2;
  }

  /** Put an article into a known story without scoring (restoring persisted state). */
  restore(articleId: number, f: ArticleFeatures, storyId: number): void {
    this.count(f);
    let story = this.stories.get(storyId);
    if (!story) {
      story = this.create(articleId, f, storyId);
    } else {
      this.join(story, articleId, f, 0);
    }
    this.nextId = Math.max(this.nextId, storyId + 1);
  }

  topFeatures(story: StoryState, prefix: string, n: number): string[] {
    const top = new Heaviest(n);
    for (const [k, w] of story.centroid) if (k.startsWith(prefix)) top.push(k, w * this.idf(k));
    return top.keys.map((k) => k.slice(prefix.length));
  }

  /**
   * Forget stories no new article can join any more: dated ones whose last day is more than two
   * windows before the newest day seen, undated ones not updated in `undatedRetention` arrivals.
   * Returns the article ids of the forgotten stories. Keeps memory and lookups bounded.
   */
  evictStale(): number[] {
    const out: number[] = [];
    for (const s of this.stories.values()) {
      const old = s.lastDay !== undefined
        ? this.newestDay !== undefined && s.lastDay < this.newestDay - 2 * this.opts.windowDays
        : s.lastSeq < this.seq - this.opts.undatedRetention;
      if (!old) continue;
      this.stories.delete(s.id);
      for (const m of s.members) { this.memberFeatures.delete(m); this.vecCache.delete(m); out.push(m); }
    }
    // Posting lists keep only live stories (under their current id) and only the newest end that is
    // read; lists of features no live story has are dropped, so the index stays the size of the open
    // stories, not of the archive.
    for (const [k, entry] of this.postings) {
      const list = typeof entry === 'number' ? [entry] : entry;
      const live: number[] = [];
      for (const raw of list.length > 2 * this.opts.postingsScan ? list.slice(-this.opts.postingsScan) : list) {
        const id = this.resolve(raw);
        if (this.stories.has(id) && live[live.length - 1] !== id) live.push(id);
      }
      if (!live.length) this.postings.delete(k);
      else this.postings.set(k, live.length === 1 ? live[0]! : live);
    }
    for (const [from, to] of this.redirect) if (!this.stories.has(to)) this.redirect.delete(from);
    return out;
  }

  /** New stories get ids above `maxId` (stories closed and left on disk keep theirs). */
  reserveIds(maxId: number): void {
    this.nextId = Math.max(this.nextId, maxId + 1);
  }

  get liveStories(): number {
    return this.stories.size;
  }

  /** Articles counted in the document frequencies (restored, seeded or added). */
  get documents(): number {
    return this.terms.docs;
  }

  private count(f: ArticleFeatures): void {
    this.terms.count(f);
  }

  /** The lookupFeatures heaviest features of a vector (candidates()). */
  private lookupKeys(vec: Map<string, number>): Heaviest {
    const top = new Heaviest(this.opts.lookupFeatures);
    for (const [k, x] of vec) top.push(k, x);
    return top;
  }

  /** The article's idf-weighted vector, normalised. */
  private weighted(f: ArticleFeatures): Map<string, number> {
    return this.terms.weighted(f);
  }

  /** Stories sharing the heaviest features of a vector (`top`: its lookupFeatures heaviest, see lookupKeys). */
  private candidates(f: ArticleFeatures, top: Heaviest): StoryState[] {
    const votes = new Map<number, number>();
    for (let t = 0; t < top.keys.length; t++) {
      const k = top.keys[t]!;
      const x = top.vals[t]!;
      const entry = this.postings.get(k);
      if (entry === undefined) continue;
      const list = typeof entry === 'number' ? [entry] : entry;
      const stop = Math.max(0, list.length - this.opts.postingsScan);
      for (let i = list.length - 1; i >= stop; i--) {
        const id = this.resolve(list[i]!);
        votes.set(id, (votes.get(id) ?? 0) + x);
      }
    }
    const out: StoryState[] = [];
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    for (const [id] of ranked) {
      const s = this.stories.get(id);
      if (!s || !articleFits(s, f, this.opts.windowDays)) continue;
      out.push(s);
      if (out.length >= this.opts.maxCandidates) break;
    }
    return out;
  }

  /** A member's weighted, normalised vector under current idf (cached; see vecCache). */
  private memberVec(id: number): PackedVector | undefined {
    const cached = this.vecCache.get(id);
    if (cached && this.documents <= cached.docs * 1.1 + 5) return cached.vec;
    const f = this.memberFeatures.get(id);
    if (!f) return undefined;
    const vec = this.terms.weightedPacked(f);
    this.vecCache.set(id, { vec, docs: this.documents });
    return vec;
  }

  private create(articleId: number, f: ArticleFeatures, id = this.nextId++): StoryState {
    const story: StoryState = { id, centroid: new Map(), size: 0, members: [], langs: new Map(), repArticle: articleId, repScore: -1, lastSeq: 0, weekdays: 0 };
    this.stories.set(id, story);
    this.join(story, articleId, f, -1);
    return story;
  }

  private join(story: StoryState, articleId: number, f: ArticleFeatures, score: number): void {
    story.members.push(articleId);
    story.lastSeq = ++this.seq;
    if (f.day !== undefined && (this.newestDay === undefined || f.day > this.newestDay)) this.newestDay = f.day;
    this.memberFeatures.set(articleId, f);
    story.size++;
    // Unit-length contributions so a long article does not outweigh the rest of the story.
    let norm = 0;
    for (const w of Object.values(f.vec)) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of Object.entries(f.vec)) {
      const had = story.centroid.has(k);
      story.centroid.set(k, (story.centroid.get(k) ?? 0) + w / norm);
      if (!had) this.post(k, story.id);
    }
    if (story.centroid.size > this.opts.centroidSize * 1.5) prune(story.centroid, this.opts.centroidSize, isFact);
    if (f.weekday !== undefined) story.weekdays |= 1 << f.weekday;
    if (f.day === undefined && f.doy !== undefined) addStatedDays(story, [f.doy]);
    if (f.day !== undefined) {
      story.firstDay = Math.min(story.firstDay ?? f.day, f.day);
      story.lastDay = Math.max(story.lastDay ?? f.day, f.day);
    }
    if (f.lang) story.langs.set(f.lang, (story.langs.get(f.lang) ?? 0) + 1);
    if (score > story.repScore) { story.repArticle = articleId; story.repScore = score; }
  }

  private post(feature: string, storyId: number): void {
    const entry = this.postings.get(feature);
    if (entry === undefined) this.postings.set(feature, storyId);
    else if (typeof entry === 'number') { if (entry !== storyId) this.postings.set(feature, [entry, storyId]); }
    else if (entry[entry.length - 1] !== storyId) entry.push(storyId);
  }

  /** Merge the smaller story into the larger; the survivor keeps its id. */
  private merge(a: StoryState, b: StoryState): StoryState {
    const [big, small] = a.size >= b.size ? [a, b] : [b, a];
    for (const [k, w] of small.centroid) {
      if (!big.centroid.has(k)) this.post(k, big.id);
      big.centroid.set(k, (big.centroid.get(k) ?? 0) + w);
    }
    if (big.centroid.size > this.opts.centroidSize * 1.5) prune(big.centroid, this.opts.centroidSize, isFact);
    big.members.push(...small.members);
    big.size += small.size;
    big.weekdays |= small.weekdays;
    if (small.statedDays) addStatedDays(big, small.statedDays);
    if (small.firstDay !== undefined) big.firstDay = Math.min(big.firstDay ?? small.firstDay, small.firstDay);
    if (small.lastDay !== undefined) big.lastDay = Math.max(big.lastDay ?? small.lastDay, small.lastDay);
    for (const [l, c] of small.langs) big.langs.set(l, (big.langs.get(l) ?? 0) + c);
    if (small.repScore > big.repScore) { big.repArticle = small.repArticle; big.repScore = small.repScore; }
    big.lastSeq = Math.max(big.lastSeq, small.lastSeq);
    this.stories.delete(small.id);
    this.redirect.set(small.id, big.id);
    return big;
  }
}


/** Typed numbers and weekdays: never pruned from a centroid (see prune). */
const isFact = (k: string): boolean => !isTextFeature(k);

function addStatedDays(story: StoryState, days: readonly number[]): void {
  const list = (story.statedDays ??= []);
  for (const d of days) if (list.length < MAX_STATED_DAYS && !list.includes(d)) list.push(d);
}

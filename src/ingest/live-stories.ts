// Stories placed while ingest is still storing the run's articles, instead of in a serial phase
// after it. The stories update used to wait for the whole run so that its term statistics (idf)
// were counted before the first article was placed; on two cores that tail was a fifth of an
// ingest's wall clock (23 s of 106 s for 10,000 pages) with a worker core idle. Here the run's
// features are counted as they arrive (the workers compute them) and an article is placed once
// the idf has counted at least WARM_DOCS articles and LAG articles stored after it — so early
// articles are never weighted from a cold start, and each sees the statistics of what follows it
// closely — and the last LAG articles are placed when the run ends. A run of fewer than WARM_DOCS
// articles (on a fresh archive) is therefore placed exactly as before: all counted, then placed.
//
// Placements are written inside the pipeline's open write batch, so an article and its story
// commit together; after a crash, articles stored but not yet placed are above the stories
// watermark (the largest clustered id) and the next run places them first, as before.
import type { StoriesUpdate } from '../stories/archive.js';
import { articlesAfter, type ArchiveSource, type PrecomputedStory } from '../stories/archive.js';
import { prepareArticle, type PreparedArticle } from '../stories/engine.js';
import { openStories, type StoriesHandle, type StoriesOptions } from '../stories/sqlite.js';
import { updateStories } from '../stories/archive.js';

/** Articles the idf must have counted before anything is placed (see the header). */
export const WARM_DOCS = 1000;
/** Articles stored after an article before it is placed. */
export const LAG = 500;

export interface LiveStoriesOptions extends StoriesOptions {
  warmDocs?: number;
  lag?: number;
}

export interface LiveStoriesUpdate extends StoriesUpdate {
  /** Articles placed while the run was storing (the others: when it ended). */
  duringRun: number;
  /** Why the stories were rebuilt from the database at the end, when they were (a failed placement or a lost batch). */
  rebuiltAfter?: string;
}

export class LiveStories {
  private readonly handle: StoriesHandle;
  /** Every article with an id up to this one is placed (the stories watermark). */
  private placedUpTo: number;
  /** Ids of this run's new articles not placed yet, ascending. */
  private readonly pending: number[] = [];
  private readonly precomputed = new Map<number, PrecomputedStory>();
  /** Articles stored before this run but never placed (a killed run): placed first. */
  private leftovers: PreparedArticle[];
  /** The largest article id when the run started: the leftovers are the unplaced articles up to it. */
  private readonly leftoversUpTo: number;
  private readonly warmDocs: number;
  private readonly lag: number;
  private added = 0;
  /** Placed before the run ended (the rest: by finish()). */
  private duringRun = 0;
  private duplicates = 0;
  private ms = 0;
  /** A placement or a commit failed: the engine no longer matches the database (finish() starts over from it). */
  private broken?: string;

  constructor(private readonly archive: ArchiveSource, private readonly opts: LiveStoriesOptions = {}) {
    const t0 = performance.now();
    const { warmDocs, lag, ...storiesOpts } = opts;
    this.warmDocs = warmDocs ?? WARM_DOCS;
    this.lag = lag ?? LAG;
    this.handle = openStories(archive.db, storiesOpts);
    this.placedUpTo = archive.db.prepare('SELECT COALESCE(MAX(article_id), 0) FROM story_articles').pluck().get() as number;
    this.leftoversUpTo = archive.db.prepare('SELECT COALESCE(MAX(id), 0) FROM articles').pluck().get() as number;
    this.leftovers = [...articlesAfter(archive, this.placedUpTo, undefined, this.leftoversUpTo)].map((x) => ('features' in x ? x : prepareArticle(x)));
    this.handle.engine.clusterer.seed(this.leftovers.map((p) => p.features));
    this.ms += performance.now() - t0;
  }

  /** The pipeline stored an article (inside its open batch), with the features its worker computed. */
  noteStored(articleId: number, outcome: 'new' | 'updated', story: PrecomputedStory | undefined): void {
    if (articleId <= this.placedUpTo) return; // placed already: a changed article keeps its story
    if (outcome === 'new') this.pending.push(articleId);
    if (!story) return;
    this.precomputed.set(articleId, story);
    // Counted now (placement does not count a seeded article again).
    this.handle.engine.clusterer.seed([story.features]);
  }

  /** Place up to `limit` articles that are ready (see the header); call inside the open write batch. */
  placeReady(limit: number): void {
    if (this.broken) return;
    if (this.handle.engine.clusterer.documents < this.warmDocs) return;
    const n = Math.min(limit, this.pending.length - this.lag);
    if (n <= 0) return;
    const before = this.added;
    this.place(this.pending[n - 1]!);
    this.duringRun += this.added - before;
    this.pending.splice(0, n);
  }

  /** A batch of writes was lost (rolled back): its placements with it. */
  abandon(): void {
    this.broken ??= 'a write batch was rolled back';
  }

  /** The run is over: place the rest (in one transaction) and report. */
  finish(): LiveStoriesUpdate {
    if (this.broken) {
      // Start over from what the database holds: it places every article above its watermark.
      const { warmDocs: _w, lag: _l, ...storiesOpts } = this.opts;
      const u = updateStories(this.archive, storiesOpts, this.precomputed);
      return { ...u, ms: Math.round(this.ms + u.ms), duringRun: 0, rebuiltAfter: this.broken };
    }
    this.archive.db.transaction(() => this.place(Number.MAX_SAFE_INTEGER))();
    if (this.broken) return this.finish();
    this.pending.length = 0;
    const stories = this.archive.db.prepare('SELECT count(*) FROM stories').pluck().get() as number;
    this.handle.close();
    return { added: this.added, stories, duplicates: this.duplicates, ms: Math.round(this.ms), duringRun: this.duringRun };
  }

  private place(upTo: number): void {
    const t0 = performance.now();
    try {
      const engine = this.handle.engine;
      if (this.leftovers.length) {
        for (const p of this.leftovers) this.count(engine.addPrepared(p));
        this.leftovers = [];
        this.placedUpTo = Math.max(this.placedUpTo, this.leftoversUpTo);
      }
      // In id order through the rows (as updateStories): a precomputed feature set is used only
      // when the stored row still has the fields it was computed from.
      for (const x of articlesAfter(this.archive, this.placedUpTo, this.precomputed, upTo)) {
        const p = 'features' in x ? x : prepareArticle(x);
        this.count(engine.addPrepared(p));
        this.precomputed.delete(p.input.id);
      }
      this.placedUpTo = upTo;
    } catch (err) {
      // The failed article's writes were rolled back (a savepoint) but the engine holds it: start over at the end.
      this.broken ??= `placing an article failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      this.ms += performance.now() - t0;
    }
  }

  private count(r: { duplicateOf?: number }): void {
    this.added++;
    if (r.duplicateOf !== undefined) this.duplicates++;
  }
}

// Scoring for the clusterer: an article against a story, a story against a story, the number
// conflicts that mark different events, and the corroboration the weak decision path requires.
import type { StoryState } from './cluster.js';
import { CONFLICT_TYPES, type ClusterOptions } from './cluster-options.js';
import { shareSpecificFact } from './decide.js';
import type { ArticleFeatures } from './features.js';
import { cosine, crossLingualCosine, unpack, type PackedVector } from './vectors.js';

/** What scoring reads from the clusterer. */
export interface ScoringContext {
  readonly opts: ClusterOptions;
  idf(feature: string): number;
  /** A live member's weighted, normalised vector. */
  memberVec(id: number): PackedVector | undefined;
  memberLang(id: number): string | undefined;
}

export class StoryScorer {
  constructor(private readonly ctx: ScoringContext) {}

  /** Group-average similarity of an article's vector to a story's newest members (or its centroid). */
  similarity(vec: Map<string, number>, story: StoryState, f: ArticleFeatures): number {
    if (this.ctx.opts.linkage === 'average') {
      const members = story.members.slice(-this.ctx.opts.linkMembers);
      let sum = 0;
      let n = 0;
      for (const m of members) {
        const mv = this.ctx.memberVec(m);
        if (!mv) continue;
        const mLang = this.ctx.memberLang(m);
        // Across languages words do not meet: compare language-neutral forms (vectors.ts).
        sum += f.lang && mLang && f.lang !== mLang ? crossLingualCosine(vec, mv) : cosine(vec, mv);
        n++;
      }
      return n ? (sum / n) * this.conflict(vec, story.centroid) : this.centroidScore(vec, story);
    }
    return this.centroidScore(vec, story);
  }

  /** Cosine of the article's weighted vector with the story's centroid under current idf. */
  private centroidScore(vec: Map<string, number>, story: StoryState): number {
    return this.idfCosine(vec, true, story.centroid) * this.conflict(vec, story.centroid);
  }

  /**
   * Cosine of `a` with the idf-weighted centroid `b`: `a` is weighted too unless it already is
   * (`aWeighted`, an article's normalised vector). Terms with no weight (idf 0) count on neither side.
   */
  private idfCosine(a: ReadonlyMap<string, number>, aWeighted: boolean, b: ReadonlyMap<string, number>): number {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const [k, w] of a) {
      const x = aWeighted ? w : w * this.ctx.idf(k);
      if (x > 0) na += x * x;
    }
    for (const [k, w] of b) {
      const idf = this.ctx.idf(k);
      const y = w * idf;
      if (y <= 0) continue;
      nb += y * y;
      const x = a.get(k);
      if (x) dot += (aWeighted ? x : x * idf) * y;
    }
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
  }

  /** Independent evidence beyond text similarity: a shared specific fact and no conflicting one. */
  corroborates(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
    return shareSpecificFact(a, b) && this.conflict(a, b) === 1;
  }

  /** Penalty when both sides state numbers of a type (magnitude, rate range, score) and share none of them. */
  conflict(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
    let factor = 1;
    for (const type of CONFLICT_TYPES) {
      let inA = false;
      let shared = false;
      for (const k of a.keys()) {
        if (!k.startsWith(type)) continue;
        inA = true;
        if (b.has(k)) { shared = true; break; }
      }
      if (!inA || shared) continue;
      for (const k of b.keys()) if (k.startsWith(type)) { factor *= this.ctx.opts.conflictPenalty; break; }
    }
    return factor;
  }

  /** Group-average similarity between two stories' newest members (or their centroids). */
  storySimilarity(a: StoryState, b: StoryState): number {
    if (this.ctx.opts.linkage !== 'average') return this.centroidSimilarity(a, b);
    const cap = Math.max(4, Math.floor(this.ctx.opts.linkMembers / 2));
    let sum = 0;
    let n = 0;
    for (const x of a.members.slice(-cap)) {
      const packed = this.ctx.memberVec(x);
      if (!packed) continue;
      const vx = unpack(packed);
      const lx = this.ctx.memberLang(x);
      for (const y of b.members.slice(-cap)) {
        const vy = this.ctx.memberVec(y);
        if (!vy) continue;
        const ly = this.ctx.memberLang(y);
        sum += lx && ly && lx !== ly ? crossLingualCosine(vx, vy) : cosine(vx, vy);
        n++;
      }
    }
    return n ? (sum / n) * this.conflict(a.centroid, b.centroid) : this.centroidSimilarity(a, b);
  }

  private centroidSimilarity(a: StoryState, b: StoryState): number {
    return this.idfCosine(a.centroid, false, b.centroid) * this.conflict(a.centroid, b.centroid);
  }
}

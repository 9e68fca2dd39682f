// Options of the story clusterer (cluster.ts) with their defaults, and the number types whose
// disagreement marks different events.

export interface ClusterOptions {
  /** Articles with known days join a story only within this many days of its known days. */
  windowDays: number;
  /** Minimum similarity to join a story. */
  joinThreshold: number;
  /**
   * A weaker match still joins when it is unambiguous: at least this similarity, and `joinMargin`
   * times the next-best story's (a ratio test, as in nearest-neighbour matching: Lowe, IJCV 2004).
   * 1.7 rather than 1.5 since fragments of the article's own event no longer count as rivals
   * (decide.ts): over 16 split halves of the dev set (bench/stories-splits.ts) 1.7–1.8 leave
   * confusable merges in 3 halves instead of 5 at no recall cost.
   */
  weakJoinThreshold: number;
  joinMargin: number;
  /** Minimum centroid-centroid similarity for two stories to merge. */
  mergeThreshold: number;
  /**
   * Two stories sharing a specific fact (and no conflicting one) merge from this similarity. Below
   * the weak join level: a group average over all member pairs is diluted by any weakly attached
   * member (a teaser that joined on a shared fact), so story pairs score lower than article pairs.
   */
  weakMergeThreshold: number;
  /** Features of an article used to look up candidates (its highest-weighted ones). */
  lookupFeatures: number;
  /** Newest entries of each posting list read per lookup. */
  postingsScan: number;
  /** Stories scored in full per article. */
  maxCandidates: number;
  /** Centroid size cap (features kept per story). */
  centroidSize: number;
  /** Exponent of idf in feature weights: above 1 favours rare, event-specific features over shared actors. */
  idfPower: number;
  /** Other candidate stories of an arriving article checked for a merge with the story it joined. */
  mergeCandidates: number;
  /** 'average': mean similarity to the story's members (group-average link); 'centroid': similarity to the centroid. */
  linkage: 'average' | 'centroid';
  /** Members (the most recent) compared under average linkage. */
  linkMembers: number;
  /** Undated stories stay in memory while they were updated within this many arrivals. */
  undatedRetention: number;
  /** Factor applied per number type (magnitude, rate range, score) the article and story both state but never share. */
  conflictPenalty: number;
}

/** Types whose disagreement means a different event: magnitudes, rate ranges, scores, set-by-set results, headline amounts and weekdays. */
export const CONFLICT_TYPES = ['mag:', 'r:', 's:', 'ss:', 'h$:', 'hwd:'];

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  windowDays: 3,
  joinThreshold: 0.14,
  weakJoinThreshold: 0.1,
  joinMargin: 1.7,
  mergeThreshold: 0.15,
  weakMergeThreshold: 0.08,
  lookupFeatures: 24,
  postingsScan: 300,
  maxCandidates: 12,
  centroidSize: 400,
  idfPower: 1.2,
  linkage: 'average',
  mergeCandidates: 5,
  linkMembers: 12,
  conflictPenalty: 0.5,
  undatedRetention: 50_000,
};


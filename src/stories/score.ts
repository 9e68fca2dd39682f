// Scoring a clustering against gold labels.
//
// B-cubed (Bagga & Baldwin 1998, "Entity-based cross-document coreferencing using the vector space
// model"; as formalised for clustering by Amigó, Gonzalo, Artiles & Verdejo 2009, "A comparison of
// extrinsic clustering evaluation metrics based on formal constraints", Inf. Retrieval 12(4)):
// for each item i, with C(i) its predicted cluster and L(i) its gold class,
//   precision(i) = |C(i) ∩ L(i)| / |C(i)|,  recall(i) = |C(i) ∩ L(i)| / |L(i)|;
// B³ precision and recall are the averages over all items, F1 their harmonic mean.
//
// Pairwise (e.g. Manning, Raghavan & Schütze 2008, §16.3, the "pair counting" view of the Rand
// index): over all unordered item pairs, TP = pairs in the same predicted cluster and the same
// class, precision = TP / pairs clustered together, recall = TP / pairs of the same class.
// With no such pairs the ratio is 1 (nothing was claimed / nothing was to be found).

export interface ClusterScores {
  items: number;
  predictedClusters: number;
  goldClusters: number;
  bcubed: { precision: number; recall: number; f1: number };
  pairwise: { precision: number; recall: number; f1: number; truePositives: number; predictedPairs: number; goldPairs: number };
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Score `predicted` against `gold`: both map an item id to a cluster label. Items missing from
 * `predicted` count as singletons (an item the system dropped was not grouped with anything).
 */
export function scoreClustering<K, A, B>(gold: ReadonlyMap<K, A>, predicted: ReadonlyMap<K, B>): ClusterScores {
  const items = [...gold.keys()];
  const pred = new Map<K, unknown>();
  for (const id of items) pred.set(id, predicted.has(id) ? predicted.get(id) : { singleton: id });

  const goldSize = new Map<A, number>();
  const predSize = new Map<unknown, number>();
  const joint = new Map<unknown, Map<A, number>>();
  for (const id of items) {
    const g = gold.get(id)!;
    const p = pred.get(id);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    let row = joint.get(p);
    if (!row) joint.set(p, (row = new Map()));
    row.set(g, (row.get(g) ?? 0) + 1);
  }

  let bp = 0;
  let br = 0;
  for (const id of items) {
    const g = gold.get(id)!;
    const p = pred.get(id);
    const both = joint.get(p)!.get(g)!;
    bp += both / predSize.get(p)!;
    br += both / goldSize.get(g)!;
  }
  const n = items.length || 1;
  const bcubedP = items.length ? bp / n : 1;
  const bcubedR = items.length ? br / n : 1;

  let tp = 0;
  for (const row of joint.values()) for (const c of row.values()) tp += pairs(c);
  let predPairs = 0;
  for (const c of predSize.values()) predPairs += pairs(c);
  let goldPairs = 0;
  for (const c of goldSize.values()) goldPairs += pairs(c);
  const pp = predPairs ? tp / predPairs : 1;
  const pr = goldPairs ? tp / goldPairs : 1;

  return {
    items: items.length,
    predictedClusters: predSize.size,
    goldClusters: goldSize.size,
    bcubed: { precision: bcubedP, recall: bcubedR, f1: f1(bcubedP, bcubedR) },
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr), truePositives: tp, predictedPairs: predPairs, goldPairs },
  };
}

/**
 * Gold classes that share a predicted cluster, restricted to the given groups of confusable
 * classes: each result names two classes of one group that the clustering put together.
 */
export function mergedConfusables<K, A, B>(
  gold: ReadonlyMap<K, A>,
  predicted: ReadonlyMap<K, B>,
  groups: ReadonlyMap<string, readonly A[]>,
): Array<{ group: string; a: A; b: A; cluster: B }> {
  const classesByCluster = new Map<B, Set<A>>();
  for (const [id, p] of predicted) {
    const g = gold.get(id);
    if (g === undefined) continue;
    let s = classesByCluster.get(p);
    if (!s) classesByCluster.set(p, (s = new Set()));
    s.add(g);
  }
  const out: Array<{ group: string; a: A; b: A; cluster: B }> = [];
  for (const [cluster, classes] of classesByCluster) {
    for (const [group, members] of groups) {
      const hit = members.filter((m) => classes.has(m));
      for (let i = 0; i < hit.length; i++) for (let j = i + 1; j < hit.length; j++) out.push({ group, a: hit[i]!, b: hit[j]!, cluster });
    }
  }
  return out;
}

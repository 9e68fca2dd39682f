// Clustering cost per incoming article on large archives (part of `npm run bench:stories -- --scale`).
//
// The archive is a synthetic stream made from the dev set's real texts: each synthetic event takes
// one real article's features and renames all but the common vocabulary consistently (so events
// are distinct but keep real feature counts and weights),
// and each of its 1–8 articles drops a random 15% of the features and perturbs the MinHash
// signature. Events arrive at ~3,000 articles a day (a large news crawl), 20% of articles undated.
// The archive is prefilled without scoring (see runScale); then 2,000 articles are clustered for
// real and timed. Features are computed once per real text: the timing covers clustering and duplicate lookup
// (StoryEngine.addPrepared), the part whose cost could grow with the archive. Feature extraction
// is a fixed per-article cost, reported separately. Runs in memory (no SQLite).
import { performance } from 'node:perf_hooks';
import { StoryEngine, prepareArticle, type ArticleRecord, type PreparedArticle } from '../src/stories/engine.js';
import { devSetPath, readLabelled } from '../src/stories/dev-set.js';
import { HASHES } from '../src/stories/duplicates.js';
import { rng } from './rng.js';

const PER_DAY = 3000;
const MEASURE = 2000;

class Stream {
  private readonly rand = rng(42);
  private nextId = 1;
  private eventNo = 0;
  private pending: PreparedArticle[] = [];

  /** Features common across the real texts (in ≥ 10% of them): shared vocabulary every event keeps. */
  private readonly common = new Set<string>();

  constructor(private readonly bases: PreparedArticle[]) {
    const df = new Map<string, number>();
    for (const b of bases) for (const k of Object.keys(b.features.vec)) df.set(k, (df.get(k) ?? 0) + 1);
    for (const [k, n] of df) if (n >= bases.length * 0.1) this.common.add(k);
  }

  next(): PreparedArticle {
    if (!this.pending.length) this.pending = this.makeEvent();
    return this.pending.shift()!;
  }

  /** The event (a story id) of each article made, for the prefill. */
  readonly eventOf = new Map<number, number>();

  private makeEvent(): PreparedArticle[] {
    const ev = ++this.eventNo;
    const base = this.bases[Math.floor(this.rand() * this.bases.length)]!;
    const day = 20_000 + Math.floor((this.nextId) / PER_DAY);
    const tag = ev.toString(36);
    // A new event from a real article: every feature renamed for this event except the common
    // vocabulary, so events drawn from the same text share only what unrelated news shares.
    const renamed: Record<string, number> = {};
    for (const [k, w] of Object.entries(base.features.vec)) renamed[this.common.has(k) ? k : `${k}~${tag}`] = w;
    const size = 1 + Math.floor(this.rand() * this.rand() * 8);
    const out: PreparedArticle[] = [];
    for (let i = 0; i < size; i++) {
      const vec: Record<string, number> = {};
      for (const [k, w] of Object.entries(renamed)) if (this.rand() > 0.15) vec[k] = w;
      const id = this.nextId++;
      const dated = this.rand() > 0.2;
      const features = { vec, title: `${base.features.title} #${tag}`, ...(dated ? { day: day + (this.rand() < 0.3 ? 1 : 0) } : {}) };
      const p: PreparedArticle = { input: { id, site: `site${Math.floor(this.rand() * 5000)}.example` }, features, hash: `${tag}-${id}` };
      if (base.signature) {
        const mins = Uint32Array.from(base.signature.mins);
        for (let k = 0; k < HASHES; k++) if (this.rand() < 0.3) mins[k] = Math.floor(this.rand() * 0xffffffff);
        mins[0] = ev; // keep events' signatures apart
        p.signature = { mins, shingles: base.signature.shingles };
      }
      out.push(p);
      this.eventOf.set(id, ev);
    }
    return out;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function runScale(sizes: number[]): void {
  const path = devSetPath();
  if (!path) { console.log('stories scale bench: skipped — no dev set to draw real texts from'); return; }
  const records = readLabelled(path);
  const t0 = performance.now();
  const bases = records.map((r, i) => prepareArticle({ id: i + 1, url: r.url, text: r.text }));
  const featureMs = (performance.now() - t0) / records.length;
  console.log(`\nscale: feature extraction ${featureMs.toFixed(2)} ms/article (fixed cost, independent of the archive)`);
  console.log('scale: clustering time per incoming article (in memory; machine shared, figures noisy)');
  const engine = new StoryEngine();
  const stream = new Stream(bases);
  let added = 0;
  const fill = performance.now();
  let fillCpu = 0;
  for (const size of [...sizes].sort((a, b) => a - b)) {
    // Prefill: articles are put into their (synthetic) event's story without scoring, building the
    // same indexes a clustered archive has (postings, term statistics, centroids, LSH bands) at a
    // fraction of the cost; closed stories are evicted as in a real run. Then MEASURE articles
    // are clustered for real on top of that archive.
    const fill0 = process.cpuUsage();
    while (added < size) {
      const p = stream.next();
      const rec: ArticleRecord = {
        id: p.input.id, title: p.features.title, storyId: stream.eventOf.get(p.input.id)!, duplicateGroup: p.input.id,
        duplicateScore: 1, hash: p.hash, features: p.features, ...(p.signature ? { signature: p.signature } : {}),
        ...(p.features.day !== undefined ? { day: p.features.day } : {}),
      };
      engine.restore(rec);
      stream.eventOf.delete(p.input.id);
      if (++added % 2000 === 0) engine.evict();
    }
    const fc = process.cpuUsage(fill0);
    fillCpu += (fc.user + fc.system) / 1000;
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < MEASURE; i++) {
      const a = stream.next();
      const s = performance.now();
      engine.addPrepared(a);
      times.push(performance.now() - s);
      added++;
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / MEASURE;
    times.sort((a, b) => a - b);
    const mean = times.reduce((x, y) => x + y, 0) / times.length;
    // With --expose-gc the heap is measured after a full collection (what the engine really holds).
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(`  archive ${size.toLocaleString('en')}: CPU ${cpuMs.toFixed(3)} ms per article; wall mean ${mean.toFixed(3)} ms, p50 ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms, max ${times[times.length - 1]!.toFixed(1)} ms; ${engine.clusterer.liveStories.toLocaleString('en')} open stories, ${engine.articleCount.toLocaleString('en')} articles in memory, heap ${mem.toFixed(0)} MiB (prefill CPU ${(fillCpu / 1000).toFixed(0)} s, wall ${((performance.now() - fill) / 1000).toFixed(0)} s so far)`);
  }
}

// Extraction is the CPU-heavy step of ingest, so it runs in worker threads while the main
// thread reads inputs and writes SQLite. With `jobs <= 0` it runs inline (tests, tiny batches).
import { Worker } from 'node:worker_threads';
import { extract } from '../extract/index.js';
import type { Article, ExtractOptions } from '../types.js';

interface Pending { resolve: (a: Article) => void; reject: (e: Error) => void; worker: Worker }

export class ExtractPool {
  private workers: Worker[] = [];
  private load = new Map<Worker, number>();
  private pending = new Map<number, Pending>();
  private nextId = 1;
  /** Milliseconds spent in extract(), summed over workers (or inline). */
  extractMs = 0;

  constructor(jobs: number) {
    if (jobs <= 0) return;
    const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
    const file = new URL(`./extract-worker.${ext}`, import.meta.url);
    for (let i = 0; i < jobs; i++) {
      // Running from sources (tsx): register the TypeScript loader in the worker first.
      const w = ext === 'ts'
        ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file.href)}); });`, { eval: true })
        : new Worker(file);
      w.unref();
      w.on('message', (m: { id: number; article?: Article; error?: string; ms?: number }) => {
        this.extractMs += m.ms ?? 0;
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        this.load.set(w, (this.load.get(w) ?? 1) - 1);
        if (m.article) p.resolve(m.article); else p.reject(new Error(m.error ?? 'extraction failed'));
      });
      w.on('error', (e) => this.failWorker(w, e));
      this.workers.push(w);
      this.load.set(w, 0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  extract(body: Uint8Array, options: ExtractOptions): Promise<Article> {
    if (!this.workers.length) {
      const t = performance.now();
      try {
        return Promise.resolve(extract(body, options));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        this.extractMs += performance.now() - t;
      }
    }
    // The least-loaded worker: pages vary a lot in size, round-robin would queue behind a big one.
    let w = this.workers[0]!;
    for (const x of this.workers) if ((this.load.get(x) ?? 0) < (this.load.get(w) ?? 0)) w = x;
    const id = this.nextId++;
    this.load.set(w, (this.load.get(w) ?? 0) + 1);
    return new Promise<Article>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: w });
      w.postMessage({ id, body, options });
    });
  }

  private failWorker(w: Worker, e: Error): void {
    for (const [id, p] of this.pending) {
      if (p.worker === w) { this.pending.delete(id); p.reject(e); }
    }
    this.workers = this.workers.filter((x) => x !== w);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}

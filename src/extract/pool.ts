// Running extract() over many pages: in-process for one job, else a pool of worker threads.
// Each worker handles one page at a time; a page that takes longer than pageTimeoutMs gets its
// worker terminated and replaced, so one pathological page cannot stall a batch.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extract } from './index.js';
import type { Article, ExtractOptions } from '../types.js';

export interface ExtractJob {
  id: number;
  bytes: Uint8Array;
  options: ExtractOptions;
}

export type ExtractReply =
  | { id: number; ok: true; article: Article; ms: number }
  | { id: number; ok: false; code: string; message: string };

export class ExtractFailure extends Error {
  override name = 'ExtractFailure';
  constructor(readonly code: string, message: string) { super(message); }
}

export interface Extractor {
  run(bytes: Uint8Array, options: ExtractOptions): Promise<Article>;
  close(): Promise<void>;
  /** Milliseconds spent inside extract() so far, summed over workers (queueing excluded). */
  readonly extractMs: number;
}

export interface ExtractorOptions {
  /** A page taking longer gets its worker replaced and fails with ETIMEOUT. Default 60 s. */
  pageTimeoutMs?: number;
  /**
   * Hand the page's buffer to the worker instead of copying it (when the caller owns all of it).
   * The caller's bytes are unusable afterwards: only for callers that do not keep the page.
   */
  transferInput?: boolean;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** `jobs <= 1`: in-process; otherwise a pool of `jobs` worker threads. */
export function createExtractor(jobs: number, opts: ExtractorOptions = {}): Extractor {
  return jobs <= 1 ? inProcess() : new WorkerPool(jobs, opts.pageTimeoutMs ?? 60_000, opts.transferInput ?? false);
}

function inProcess(): Extractor {
  let ms = 0;
  return {
    run: async (bytes, options) => {
      const t = performance.now();
      try { return extract(bytes, options); } catch (e) {
        throw new ExtractFailure('EEXTRACT', e instanceof Error ? e.message : String(e));
      } finally {
        ms += performance.now() - t;
      }
    },
    close: async () => undefined,
    get extractMs() { return ms; },
  };
}

/**
 * The worker script next to this module: dist/extract/pool-worker.js normally. When the sources run
 * under tsx (tests, `node --import tsx`), Node 20 does not carry tsx's loader hooks into workers,
 * so the worker registers tsx itself before importing the .ts file (tsx is a dev dependency).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pool-worker.js', import.meta.url));
  const target = new URL('./pool-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); })`;
  return new Worker(boot, { eval: true });
}

interface Pending {
  job: ExtractJob;
  resolve: (a: Article) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
  timer?: NodeJS.Timeout;
}

class WorkerPool implements Extractor {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;
  /** Crashes since the last page that succeeded: a worker that cannot even start must not respawn forever. */
  private crashesInARow = 0;
  private broken?: string;
  extractMs = 0;

  constructor(size: number, private readonly pageTimeoutMs: number, private readonly transferInput: boolean) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(bytes: Uint8Array, options: ExtractOptions): Promise<Article> {
    return new Promise<Article>((resolve, reject) => {
      if (this.broken) return reject(new ExtractFailure('EWORKER', this.broken));
      this.queue.push({ job: { id: this.nextId++, bytes, options }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker() };
    // An idle pool must not keep the process alive; busy workers are ref'd while they work.
    slot.worker.unref();
    slot.worker.on('message', (reply: ExtractReply) => this.finish(slot, reply));
    slot.worker.on('error', (err) => this.crash(slot, `extraction worker crashed: ${err.message}`));
    slot.worker.on('exit', (code) => { if (!this.closed) this.crash(slot, `extraction worker exited (code ${code})`); });
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = next;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.timeout(slot), this.pageTimeoutMs);
      const { bytes } = next.job;
      // Transfer the buffer when we own all of it; otherwise structured clone copies it.
      const owned = this.transferInput && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      slot.worker.postMessage(next.job, owned ? [bytes.buffer as ArrayBuffer] : []);
    }
  }

  private release(slot: Slot): Pending | undefined {
    const p = slot.busy;
    slot.busy = undefined;
    if (slot.timer) clearTimeout(slot.timer);
    slot.worker.unref();
    return p;
  }

  private finish(slot: Slot, reply: ExtractReply): void {
    const p = this.release(slot);
    this.crashesInARow = 0;
    if (p) {
      if (reply.ok) { this.extractMs += reply.ms; p.resolve(reply.article); }
      else p.reject(new ExtractFailure(reply.code, reply.message));
    }
    this.dispatch();
  }

  /** Replace a worker that died or hung, failing only the page it was working on. */
  private replace(slot: Slot, code: string, message: string): void {
    const p = this.release(slot);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    if (this.closed || this.broken) { p?.reject(new ExtractFailure(code, message)); return; }
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn();
    p?.reject(new ExtractFailure(code, message));
    this.dispatch();
  }

  private crash(slot: Slot, message: string): void {
    if (!this.slots.includes(slot)) return;
    if (++this.crashesInARow > this.slots.length + 2) {
      this.broken = message;
      for (const p of this.queue.splice(0)) p.reject(new ExtractFailure('EWORKER', message));
    }
    this.replace(slot, 'EWORKER', message);
  }

  private timeout(slot: Slot): void {
    this.replace(slot, 'ETIMEOUT', `extraction took longer than ${this.pageTimeoutMs / 1000} s; page skipped`);
  }
}

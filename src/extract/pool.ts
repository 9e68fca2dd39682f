// Running work over many pages: in-process for one job, else a pool of worker threads.
// Each worker handles one job at a time; a job that takes longer than pageTimeoutMs gets its
// worker terminated and replaced, so one pathological page cannot stall a batch.
//
// The pool is generic over the job (TaskPool): `dateline extract` and `reextract` run plain
// extract() (createExtractor, worker ./pool-worker), ingest runs extraction plus the CPU work
// of storing (hashing, compression) in its own worker module (src/ingest/extract-worker.ts), so
// the main thread is left with little more than the database writes.
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { extract } from './index.js';
import type { Article, ExtractOptions } from '../types.js';

export interface ExtractJob {
  bytes: Uint8Array;
  options: ExtractOptions;
}

export type TaskReply<R> =
  | { id: number; ok: true; result: R; ms: number }
  | { id: number; ok: false; code: string; message: string };

export class ExtractFailure extends Error {
  override name = 'ExtractFailure';
  constructor(readonly code: string, message: string) { super(message); }
}

export interface TaskRunner<J, R> {
  run(job: J): Promise<R>;
  close(): Promise<void>;
  /** Milliseconds spent inside the job handler so far, summed over workers (queueing excluded). */
  readonly busyMs: number;
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

/** The buffer behind `bytes` when handing it over (instead of copying) loses nothing: it holds exactly these bytes. */
export function transferable(bytes: Uint8Array): ArrayBuffer | undefined {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : undefined;
}

/** `jobs <= 1`: in-process; otherwise a pool of `jobs` worker threads running extract(). */
export function createExtractor(jobs: number, opts: ExtractorOptions = {}): Extractor {
  const transfer = opts.transferInput ? (job: ExtractJob) => { const b = transferable(job.bytes); return b ? [b] : []; } : undefined;
  const pool = createTaskPool<ExtractJob, Article>(jobs, workerModule(import.meta.url, 'pool-worker'), (job) => extract(job.bytes, job.options), {
    ...(opts.pageTimeoutMs !== undefined ? { pageTimeoutMs: opts.pageTimeoutMs } : {}), ...(transfer ? { transfer } : {}),
  });
  return {
    run: (bytes, options) => pool.run({ bytes, options }),
    close: () => pool.close(),
    get extractMs() { return pool.busyMs; },
  };
}

export interface TaskPoolOptions<J> {
  /** A job taking longer gets its worker replaced and fails with ETIMEOUT. Default 60 s. */
  pageTimeoutMs?: number;
  /** Buffers of a job to hand over to the worker instead of copying (the caller must not use them afterwards). */
  transfer?: (job: J) => ArrayBuffer[];
  /**
   * Jobs handed to each worker at a time (default 1). With 2 a worker starts its next job as soon
   * as it finishes one, instead of waiting until the main thread, busy with an earlier result
   * (ingest: storing it), reads the reply and sends another.
   */
  depth?: number;
}

/**
 * `jobs <= 1`: `handler` in-process; otherwise `jobs` worker threads running `module`, which
 * must call serveTasks() with the same handler.
 */
export function createTaskPool<J, R>(jobs: number, module: URL, handler: (job: J) => R, opts: TaskPoolOptions<J> = {}): TaskRunner<J, R> {
  return jobs <= 1 ? inProcess(handler) : new WorkerPool<J, R>(jobs, module, opts.pageTimeoutMs ?? 60_000, opts.transfer, Math.max(1, opts.depth ?? 1));
}

/** The worker module `name` next to the caller: .ts when the sources run under tsx, else the compiled .js. */
export function workerModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/** Worker side: answer each job posted by the pool with the handler's result (or its failure). */
export function serveTasks<J, R>(handler: (job: J) => R, transfer?: (result: R) => ArrayBuffer[]): void {
  if (!parentPort) throw new Error('a pool worker must run in a worker thread');
  const port = parentPort;
  port.on('message', ({ id, job }: { id: number; job: J }) => {
    let reply: TaskReply<R>;
    let list: ArrayBuffer[] = [];
    try {
      const t = performance.now();
      const result = handler(job);
      reply = { id, ok: true, result, ms: performance.now() - t };
      list = transfer?.(result) ?? [];
    } catch (e) {
      reply = { id, ok: false, code: e instanceof ExtractFailure ? e.code : 'EEXTRACT', message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply, list);
  });
}

function inProcess<J, R>(handler: (job: J) => R): TaskRunner<J, R> {
  let ms = 0;
  return {
    run: async (job) => {
      const t = performance.now();
      try { return handler(job); } catch (e) {
        throw e instanceof ExtractFailure ? e : new ExtractFailure('EEXTRACT', e instanceof Error ? e.message : String(e));
      } finally {
        ms += performance.now() - t;
      }
    },
    close: async () => undefined,
    get busyMs() { return ms; },
  };
}

/**
 * Start a worker on `module`. When the sources run under tsx (tests, `node --import tsx`), Node 20
 * does not carry tsx's loader hooks into workers, so the worker registers tsx itself before
 * importing the .ts file (tsx is a dev dependency).
 */
function startWorker(module: URL): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(boot, { eval: true });
}

interface Pending<J, R> {
  id: number;
  job: J;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

interface Slot<J, R> {
  worker: Worker;
  /** Jobs handed to this worker, oldest (the one it is working on) first. */
  busy: Array<Pending<J, R>>;
  timer?: NodeJS.Timeout;
}

class WorkerPool<J, R> implements TaskRunner<J, R> {
  private readonly slots: Array<Slot<J, R>> = [];
  private readonly queue: Array<Pending<J, R>> = [];
  private nextId = 0;
  private closed = false;
  /** Crashes since the last job that succeeded: a worker that cannot even start must not respawn forever. */
  private crashesInARow = 0;
  private broken?: string;
  busyMs = 0;

  constructor(size: number, private readonly module: URL, private readonly pageTimeoutMs: number, private readonly transfer?: (job: J) => ArrayBuffer[], private readonly depth = 1) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.broken) return reject(new ExtractFailure('EWORKER', this.broken));
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot<J, R> {
    const slot: Slot<J, R> = { worker: startWorker(this.module), busy: [] };
    // An idle pool must not keep the process alive; busy workers are ref'd while they work.
    slot.worker.unref();
    slot.worker.on('message', (reply: TaskReply<R>) => this.finish(slot, reply));
    slot.worker.on('error', (err) => this.crash(slot, `extraction worker crashed: ${err.message}`));
    slot.worker.on('exit', (code) => { if (!this.closed) this.crash(slot, `extraction worker exited (code ${code})`); });
    return slot;
  }

  /** Hand queued jobs to workers, up to `depth` each (the ones after the first wait in the worker's own queue). */
  private dispatch(): void {
    for (let level = 0; level < this.depth; level++) {
      for (const slot of this.slots) {
        if (slot.busy.length > level) continue;
        const next = this.queue.shift();
        if (!next) return;
        slot.busy.push(next);
        const head = slot.busy.length === 1;
        if (head) this.started(slot);
        // Only a job the worker starts at once has its buffers handed over: one waiting behind
        // another is copied, so that it can go to a fresh worker if this one dies or hangs.
        slot.worker.postMessage({ id: next.id, job: next.job }, head ? this.transfer?.(next.job) ?? [] : []);
      }
    }
  }

  /** The slot's oldest job is being worked on from now: time it, keep the process alive. */
  private started(slot: Slot<J, R>): void {
    slot.worker.ref();
    slot.timer = setTimeout(() => this.timeout(slot), this.pageTimeoutMs);
  }

  /** The slot's oldest job is done (or abandoned): the next one, if any, starts. */
  private release(slot: Slot<J, R>): Pending<J, R> | undefined {
    const p = slot.busy.shift();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.busy.length) this.started(slot);
    else slot.worker.unref();
    return p;
  }

  private finish(slot: Slot<J, R>, reply: TaskReply<R>): void {
    const p = this.release(slot);
    this.crashesInARow = 0;
    if (p) {
      if (reply.ok) { this.busyMs += reply.ms; p.resolve(reply.result); }
      else p.reject(new ExtractFailure(reply.code, reply.message));
    }
    this.dispatch();
  }

  /** Replace a worker that died or hung, failing only the job it was working on (the ones queued behind it go back to the queue). */
  private replace(slot: Slot<J, R>, code: string, message: string): void {
    const p = this.release(slot);
    this.queue.unshift(...slot.busy.splice(0));
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    if (this.closed || this.broken) {
      p?.reject(new ExtractFailure(code, message));
      if (this.broken) for (const q of this.queue.splice(0)) q.reject(new ExtractFailure('EWORKER', this.broken));
      return;
    }
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn();
    p?.reject(new ExtractFailure(code, message));
    this.dispatch();
  }

  private crash(slot: Slot<J, R>, message: string): void {
    if (!this.slots.includes(slot)) return;
    if (++this.crashesInARow > this.slots.length + 2) {
      this.broken = message;
      for (const p of this.queue.splice(0)) p.reject(new ExtractFailure('EWORKER', message));
    }
    this.replace(slot, 'EWORKER', message);
  }

  private timeout(slot: Slot<J, R>): void {
    this.replace(slot, 'ETIMEOUT', `extraction took longer than ${this.pageTimeoutMs / 1000} s; page skipped`);
  }
}

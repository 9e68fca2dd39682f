// WAL checkpoints off the writing thread. In WAL mode SQLite copies the log back into the
// database file every 1,000 pages (4 MB), inside whichever commit crosses that mark, and with
// synchronous = NORMAL each checkpoint fsyncs the log and the database. During an ingest that
// is one checkpoint every ~70 articles, each blocking the main thread for the write and the
// fsyncs (writing and fsyncing 4 MB took 80–210 ms on the shared VM of session 5) — while the
// extraction workers, whose results wait for that thread, run out of queued pages and sit idle.
//
// Here a second connection in a small worker thread runs PASSIVE checkpoints (they never block
// the writer, and copy only committed frames) after each batch commit, so the writing thread
// only appends to the log. The writer keeps a fallback autocheckpoint, at a larger mark, in
// case the checkpointer falls behind or cannot start. Crash safety is unchanged: a checkpoint
// only copies committed pages, and kill -9 in the middle of one is what SQLite recovers from.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain JavaScript (no TypeScript loader needed in the thread), given the driver's resolved path.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const closed = new Int32Array(workerData.closed);
parentPort.on('message', (m) => {
  if (m === 'close') {
    try { db.close(); } catch {}
    Atomics.store(closed, 0, 1);
    Atomics.notify(closed, 0);
    parentPort.close();
    return;
  }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  parentPort.postMessage('done');
});
`;

/** The writer's own autocheckpoint mark (pages) while a checkpointer runs: only a fallback. */
export const FALLBACK_AUTOCHECKPOINT = 8000;

export class BackgroundCheckpointer {
  private readonly worker: Worker;
  /** Set to 1 by the thread once its connection is closed. */
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private pending = false;
  private closed = false;

  constructor(path: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_CODE, { eval: true, workerData: { path, driver, closed: this.done.buffer } });
    // Never keeps the process alive; a checkpoint cut short by exit is one SQLite finishes later.
    this.worker.unref();
    this.worker.on('message', () => { this.pending = false; });
    // If the thread fails, the writer's fallback autocheckpoint keeps the log bounded.
    this.worker.on('error', () => { this.closed = true; });
  }

  /** Copy what is committed so far into the database file (at most one request in flight). */
  request(): void {
    if (this.closed || this.pending) return;
    this.pending = true;
    this.worker.postMessage('checkpoint');
  }

  /**
   * Close the thread's connection and wait for it (at most a few seconds), so that the writer,
   * closing last, runs the final checkpoint and removes the log as it always did.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.postMessage('close');
    Atomics.wait(this.done, 0, 0, 5000);
  }
}

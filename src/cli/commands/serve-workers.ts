// `dateline serve --workers N`: N server processes (node:cluster) sharing one listening socket.
// Each worker opens the archive itself, read-only: SQLite in WAL mode lets readers work in
// parallel, so pages are rendered on several cores at once (one Node process uses one). The
// primary only forks, prints the URL once the first worker listens, restarts a worker that dies
// while serving, and stops them all on SIGINT/SIGTERM.
import cluster, { type Worker } from 'node:cluster';
import { EXIT } from '../errors.js';

/** What a worker tells the primary. */
export type WorkerMessage = { type: 'listening'; url: string; notice: string } | { type: 'failed'; code: number };

/** Runs in the primary: forks `n` workers (they re-run this command) and supervises them. */
export async function superviseWorkers(n: number): Promise<number> {
  let announced = false;
  let stopping = false;
  let exitCode: number = EXIT.ok;
  const live = new Set<Worker>();
  return new Promise<number>((resolve) => {
    const fork = (): void => {
      const w = cluster.fork();
      live.add(w);
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'listening' && !announced) {
          announced = true;
          process.stdout.write(`${m.url}\n`);
          process.stderr.write(`${m.notice} (${n} worker processes)\n`);
        }
        if (m.type === 'failed') exitCode = m.code;
      });
      w.on('exit', (code, signal) => {
        live.delete(w);
        if (!stopping && announced && code !== 0) {
          // A worker died while serving (a crash, out of memory): replace it, the others carry on.
          process.stderr.write(`dateline: worker ${w.process.pid} ended (${signal ?? `exit ${code}`}); starting another\n`);
          fork();
          return;
        }
        if (!stopping && !announced) {
          // Failed before listening (port in use, unreadable archive): the worker said why; stop all.
          stopping = true;
          if (exitCode === EXIT.ok) exitCode = code ?? 1;
          for (const other of live) other.process.kill('SIGTERM');
        }
        if (live.size === 0) resolve(exitCode);
      });
    };
    for (let i = 0; i < n; i++) fork();
    const stop = (): void => {
      stopping = true;
      // The signal itself (not Worker.kill, which first waits for a graceful disconnect): each
      // worker closes its server and archive on SIGTERM, then lets go of the IPC channel.
      for (const w of live) w.process.kill('SIGTERM');
      if (live.size === 0) resolve(exitCode);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function isWorker(): boolean {
  return cluster.isWorker;
}

export function tellPrimary(message: WorkerMessage): void {
  process.send?.(message);
}

/** A worker that has closed its server lets go of the channel to the primary, so it can exit. */
export function leavePrimary(): void {
  if (cluster.isWorker && process.connected) process.disconnect();
}

// `dateline serve`: the web app and JSON API over an archive (see src/server).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { openArchive, resolveDbPath } from '../../store/index.js';
import { startServer } from '../../server/index.js';
import { archiveIngest } from '../../server/archive-ingest.js';
import { EXIT, UsageError } from '../errors.js';
import { isWorker, leavePrimary, superviseWorkers, tellPrimary } from './serve-workers.js';

/** Default worker processes: one per core, at most 4 (pages are small; more mostly costs memory). */
const DEFAULT_WORKERS = Math.min(4, availableParallelism());

const HELP = `Usage: dateline serve [options]

Serve the archive as a web app (/, /stories/ID, /articles/ID, /search, /sites, /entities) and a JSON API
(/api/…, described at /api/openapi.json).

Options:
  --db PATH          the archive (default: $DATELINE_DB, else ./dateline.db)
  --port N           port to listen on (default 8080; 0 picks a free one)
  --host ADDR        address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --allow-private    let POST /api/ingest fetch loopback and private-network addresses
  --workers N        server processes sharing the port, each reading the archive (SQLite WAL
                     readers run in parallel); default: one per core, at most 4 (${DEFAULT_WORKERS} here);
                     always 1 when DATELINE_TOKEN enables ingest (one writer)
  -h, --help         show this help

Environment:
  DATELINE_TOKEN     enables POST /api/ingest for clients sending Authorization: Bearer <token>

The server's URL is printed on stdout once it listens. Ctrl-C stops it.
`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, allowPositionals: false, options: {
      db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'allow-private': { type: 'boolean' }, workers: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${HELP}`);
  }
  if (values.help) { process.stdout.write(HELP); return EXIT.ok; }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '8080') || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535; got '${values.port}'`);
  const host = values.host ?? '127.0.0.1';
  const path = resolveDbPath(values.db);
  if (!existsSync(path)) throw new UsageError(`no archive at ${path}; create one with 'dateline ingest SOURCE…' or pass --db PATH`);
  const token = process.env.DATELINE_TOKEN || undefined;
  if (values.workers !== undefined && (!/^\d{1,3}$/.test(values.workers) || Number(values.workers) < 1 || Number(values.workers) > 64)) {
    throw new UsageError(`--workers must be a whole number from 1 to 64; got '${values.workers}'`);
  }
  if (values.workers !== undefined && Number(values.workers) > 1 && token) {
    throw new UsageError('--workers above 1 serves read-only; unset DATELINE_TOKEN (ingest over HTTP needs a single writer process) or use --workers 1');
  }
  const workers = values.workers !== undefined ? Number(values.workers) : token ? 1 : DEFAULT_WORKERS;
  if (workers > 1 && !isWorker()) return superviseWorkers(workers);
  // Read-only unless ingest over HTTP is enabled: a server that cannot write cannot damage the archive.
  const archive = openArchive(path, { readonly: !token });
  // Pages read random articles of a large file: reading it through a memory map saves a system
  // call and a copy per page read (SQLite falls back to reads where mapping is not possible).
  archive.db.pragma('mmap_size = 268435456');
  let running;
  try {
    running = await startServer({ archive, host, port, token, allowPrivate: values['allow-private'] === true, ingest: token ? archiveIngest(archive) : undefined });
  } catch (e) {
    archive.close();
    if (isWorker()) tellPrimary({ type: 'failed', code: EXIT.usage });
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is already in use; pick another with --port`);
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UsageError(`cannot listen on ${host}:${port} (${code}); check --host, or use a port above 1023`);
    throw e;
  }
  const beyond = ['127.0.0.1', 'localhost', '::1'].includes(host) ? '' : '\ndateline: note: listening beyond this machine; anyone who can reach it can read the archive';
  const notice = `dateline: serving ${path} at ${running.url}${token ? ' (POST /api/ingest enabled)' : ''}; Ctrl-C to stop${beyond}`;
  if (isWorker()) {
    tellPrimary({ type: 'listening', url: running.url, notice });
  } else {
    process.stdout.write(`${running.url}\n`);
    process.stderr.write(`${notice}\n`);
  }
  await new Promise<void>((resolve) => {
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      void running.close().then(() => { archive.close(); leavePrimary(); resolve(); });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // A worker whose primary is gone (killed) stops too, instead of serving on unsupervised.
    if (isWorker()) process.once('disconnect', stop);
  });
  return EXIT.ok;
}

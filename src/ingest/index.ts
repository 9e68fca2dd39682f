// Public API of the ingest stage: turn sources (files, folders, globs, JSONL, WARC/WET, URLs of
// articles, feeds, sitemaps, home pages) into stored articles.
import type { Archive } from '../store/api.js';
import type { Enrichment } from '../types.js';
import type { SourceEvent } from './item.js';
import { expandLocal, readLocalFile, readManifest, type LocalFile } from './local.js';
import { IngestPipeline, type IngestSummary, type PipelineOptions } from './pipeline.js';
import { WebCrawler, type WebOptions } from './web.js';
import type { ArchiveSource } from '../stories/archive.js';
import { LiveStories } from './live-stories.js';

export type { IngestSummary } from './pipeline.js';
export type { IngestItem, SourceEvent } from './item.js';
export { IngestPipeline } from './pipeline.js';
export { readWarc, parseHttpResponse } from './warc.js';
export { WebCrawler, type WebOptions } from './web.js';
export { parseListing, discoverFeeds, type FeedEntry } from './feeds.js';
export { parseRobots, type RobotsRules } from './robots.js';
export { fetchPage, parseRetryAfter, type FetchOptions, type FetchResult } from './fetch.js';
export { FetchError, type FetchErrorCode } from './fetch-error.js';
export { DEFAULT_USER_AGENT, DATELINE_VERSION } from './user-agent.js';
export { isPrivateAddress, guardedLookup, BlockedAddressError } from './net-guard.js';

export interface IngestOptions extends Omit<PipelineOptions, 'archive'> {
  manifest?: string;
  /** Progress hook: bytes of local input done / total. */
  onBytes?: (done: number, total: number) => void;
  /** Options for http(s) sources (see src/ingest/web.ts). */
  web?: WebOptions;
  /** Update stories and duplicate groups after the run (default true; needs a SQLite archive). */
  stories?: boolean;
  /**
   * Enrich the stored articles (names, places, quotes, dates; src/enrich) — default false here,
   * true in `dateline ingest`. Needs a SQLite archive. Enrichments are computed by the extraction
   * workers and written with their articles; articles left without one (stored by an older run,
   * or whose enrichment failed to save) are enriched after the run.
   */
  enrich?: boolean;
  /** When stories are placed during the run (live-stories.ts; tests and benchmarks tune it). */
  storiesPacing?: { warmDocs?: number; lag?: number };
  /** Called as each phase of the run starts (benchmarks read CPU time per phase with it). */
  onPhase?: (phase: 'pipeline' | 'enrich-catch-up' | 'stories' | 'done') => void;
}

export function isWebSource(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** Ingest sources: local ones first (files, folders, globs, JSONL, WARC/WET), then http(s) URLs. */
export async function ingest(archive: Archive, sources: string[], opts: IngestOptions): Promise<IngestSummary> {
  const web = sources.filter(isWebSource);
  const local = sources.filter((s) => !isWebSource(s));
  const manifest = opts.manifest ? readManifest(opts.manifest) : undefined;
  // With only a manifest, its files are the input.
  const paths = local.length ? local : manifest && !web.length ? [...manifest.keys()] : [];
  const { files, missing } = expandLocal(paths);
  const sqlite = isArchiveSource(archive);
  const stories = opts.stories !== false && sqlite;
  const enrichArchive = opts.enrich === true && sqlite ? await import('../enrich/store.js') : undefined;
  if (enrichArchive && sqlite) enrichArchive.migrateEnrich(archive.db);
  // Stories and duplicate groups are kept up to date as articles are stored (live-stories.ts).
  const liveStories = stories && sqlite ? new LiveStories(archive, opts.storiesPacing ?? {}) : undefined;
  const pipeline = new IngestPipeline({
    ...opts, archive,
    ...(enrichArchive && sqlite ? { saveEnrichment: (id: number, hash: string, e: Enrichment) => enrichArchive.saveEnrichment(archive.db, id, hash, e) } : {}),
    ...(liveStories ? { liveStories } : {}),
  });
  for (const m of missing) pipeline.fail({ source: m, stage: 'read', reason: 'not-found', message: `no such file, folder or matching glob: ${m}` });
  const total = files.reduce((n, f) => n + f.size, 0);
  opts.onPhase?.('pipeline');
  await pipeline.run(localEvents(files, manifest, (done) => opts.onBytes?.(done, total)));
  if (web.length && !pipeline.full) {
    const crawler = new WebCrawler(archive, pipeline, { ...opts.web, ...(opts.refetch ? { refetch: true } : {}), ...(opts.since ? { since: opts.since } : {}) });
    await crawler.run(web);
  }
  const summary = await pipeline.close();
  if (enrichArchive && sqlite) {
    opts.onPhase?.('enrich-catch-up');
    // Catch up: articles without a current enrichment (normally none of this run's).
    const t = performance.now();
    summary.enriched = (summary.enriched ?? 0) + enrichArchive.enrichStored(archive.db, (id) => archive.getArticle(id)).enriched;
    summary.enrichCatchUpMs = Math.round(performance.now() - t);
  }
  // Place the run's last articles (most were placed while the pipeline ran).
  if (liveStories) {
    opts.onPhase?.('stories');
    summary.stories = liveStories.finish();
  }
  opts.onPhase?.('done');
  return summary;
}

function isArchiveSource(a: Archive): a is Archive & ArchiveSource {
  return typeof (a as Partial<ArchiveSource>).db?.prepare === 'function';
}

async function* localEvents(files: LocalFile[], manifest: ReturnType<typeof readManifest> | undefined, onBytes: (done: number) => void): AsyncGenerator<SourceEvent> {
  let done = 0;
  for (const f of files) {
    yield* readLocalFile(f, manifest);
    done += f.size;
    onBytes(done);
  }
}

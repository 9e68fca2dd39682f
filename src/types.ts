// The contracts between pipeline stages (fetch → extract → enrich → store → stories → serve).
// Every stage imports its input and output types from here, so this file is the one place
// to read to learn what flows through Dateline.

/** A structured news article. Every field is absent when unknown: nothing is invented. */
export interface Article {
  /** The address the page was fetched from (or given with `url`). */
  url?: string;
  /** `<link rel=canonical>` / og:url, made absolute. */
  canonicalUrl?: string;
  title?: string;
  description?: string;
  authors: string[];
  /** ISO 8601: `2025-10-15T19:36:00+06:00` when time and offset are known, `2025-10-15` for a bare day. */
  published?: string;
  modified?: string;
  section?: string;
  tags: string[];
  siteName?: string;
  /** BCP 47 language tag, e.g. `en`, `de`, `zh-Hans`. */
  language?: string;
  /** Absolute URL of the lead image. */
  image?: string;
  /** The body as plain text; paragraphs separated by a blank line. */
  text: string;
  markdown: string;
  /** Safe, minimal HTML (see src/extract/sanitize for the allowed elements). */
  html: string;
  wordCount: number;
  /** What went wrong or was guessed: `charset-guessed`, `no-main-content`, `input-truncated`, … */
  warnings: ExtractWarning[];
}

export interface ExtractWarning {
  code: string;
  message: string;
  /** The value the warning is about, when a later stage needs it: the day for `published-page-date`. */
  value?: string;
}

export type InputKind = 'html' | 'text';

export interface ExtractOptions {
  /** The page's original address: base for relative links, a date and site hint. */
  url?: string;
  /** A Content-Type header value (`text/html; charset=windows-1251`): charset and kind hint. */
  contentType?: string;
  /** IANA zone (`Asia/Dhaka`) or fixed offset (`+06:00`) for local times the page states without an offset. */
  timezone?: string;
  /** Force the input kind instead of detecting it. */
  kind?: InputKind;
  /** A publication time known from outside the page (feed, sitemap, manifest); used when the page states none. */
  published?: string;
  /** Inputs larger than this many bytes are truncated (with a warning). Default 8 MiB. */
  maxBytes?: number;
}

// ---- Enrichment (src/enrich) --------------------------------------------------------------
// The JSON shape is the one ../shared/bench/understand/README.md describes, so it can be scored directly.

export interface PlaceMention {
  name: string;
  /** ISO 3166-1 alpha-2, or null for places without one (Middle East, Soviet Union). */
  country: string | null;
  lat?: number;
  lon?: number;
  kind?: 'country' | 'region' | 'city' | 'feature' | 'other';
}

export interface Quote {
  /** Canonical name of the person or organisation the text attributes the words to; null when unattributed. */
  speaker: string | null;
  text: string;
}

export interface ResolvedDate {
  mention: string;
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a range. */
  resolved: string | { from: string; to: string };
}

export type EventAction =
  | 'meet' | 'visit' | 'statement' | 'agreement' | 'accuse' | 'protest' | 'attack' | 'disaster'
  | 'court_ruling' | 'election_result' | 'economic_decision' | 'announcement' | 'other';

export interface MainEvent {
  actors: string[];
  action: EventAction;
  targets: string[];
  place: string | null;
  date: string | null;
}

export interface Enrichment {
  people: string[];
  organizations: string[];
  places: PlaceMention[];
  quotes: Quote[];
  dates: ResolvedDate[];
  event: MainEvent | null;
  /** Other surface forms per canonical name ("Putin" → "Vladimir Putin"). */
  aliases?: Record<string, string[]>;
}

// ---- Archive records (src/store) — what ingest writes and stories/server read -------------

export interface StoredArticle extends Article {
  id: number;
  /** The canonicalised URL the archive keys the article by. */
  url: string;
  /** Host name, lower-cased, without `www.`. */
  site: string;
  fetchedAt: string;
  contentHash: string;
  storyId?: number;
  duplicateGroup?: number;
  enrichment?: Enrichment;
}

export interface ArticleFilters {
  /** ISO date or date-time; published on or after. */
  since?: string;
  /** Published before or on. */
  until?: string;
  site?: string;
  section?: string;
  lang?: string;
}

export interface SearchHit {
  id: number;
  url: string;
  site: string;
  title?: string;
  published?: string;
  /** Text around the matches, matches wrapped in `<mark>`…`</mark>` (everything else HTML-escaped). */
  snippet: string;
  score: number;
}

/** A page of results; `next` is an opaque cursor for the following page. */
export interface Page<T> {
  items: T[];
  next?: string;
}

export interface ArchiveStats {
  articles: number;
  sites: number;
  languages: Record<string, number>;
  failures: number;
  bytes: number;
  stories?: number;
}

export interface SiteSummary {
  site: string;
  siteName?: string;
  articles: number;
  firstPublished?: string;
  lastPublished?: string;
}

export interface StoryArticle {
  id: number;
  url: string;
  site: string;
  title?: string;
  published?: string;
  duplicateGroup?: number;
}

export interface Story {
  id: number;
  /** Representative headline. */
  title: string;
  section?: string;
  firstSeen: string;
  lastUpdated: string;
  articles: StoryArticle[];
  sites: string[];
  topNames: string[];
  topTerms: string[];
}

/**
 * The read side of the archive, as the CLI and the HTTP server use it. The SQLite store
 * implements it (src/store); a PostgreSQL one can follow without touching its callers.
 */
export interface ArchiveReader {
  getArticle(id: number): StoredArticle | undefined;
  getArticleByUrl(url: string): StoredArticle | undefined;
  /** Newest first (published, then fetched). */
  listArticles(filters: ArticleFilters, cursor?: string, limit?: number): Page<StoredArticle>;
  /** FTS query language: words, "phrases", prefix*, AND/OR/NOT, parentheses. Best first. */
  search(query: string, filters: ArticleFilters, cursor?: string, limit?: number): Page<SearchHit>;
  stats(): ArchiveStats;
  listSites(): SiteSummary[];
  /** Most recently updated first. */
  listStories(filters: ArticleFilters, cursor?: string, limit?: number): Page<Story>;
  getStory(id: number): Story | undefined;
  close(): void;
}

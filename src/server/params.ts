// Query-string parameters shared by the API and the pages, validated once: a bad value is a 400
// with a message that names the parameter and says what is expected.
import type { ArticleFilters } from '../types.js';
import { HttpError } from './http.js';

const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SITE = /^[a-z0-9.-]{1,253}$/i;
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
const CURSOR = /^[A-Za-z0-9_.:=+/-]{1,512}$/;

export const MAX_LIMIT = 100;

/** One value of a parameter; repeated parameters are refused rather than silently picking one. */
export function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw new HttpError(400, `parameter '${name}' given ${all.length} times; give it once`);
  const v = all[0]?.trim();
  return v === '' ? undefined : v;
}

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T')))) {
    throw new HttpError(400, `parameter '${name}' must be an ISO date like 2025-10-15 or 2025-10-15T19:36:00Z, got '${value.slice(0, 64)}'`);
  }
  return value.replace(' ', 'T');
}

export function parseFilters(params: URLSearchParams): ArticleFilters {
  const filters: ArticleFilters = {};
  const since = checkDate('since', single(params, 'since'));
  const until = checkDate('until', single(params, 'until'));
  if (since && until && since > until) throw new HttpError(400, `'since' (${since}) is after 'until' (${until})`);
  const site = single(params, 'site');
  if (site !== undefined && !SITE.test(site)) throw new HttpError(400, `parameter 'site' must be a host name like example.com`);
  const lang = single(params, 'lang');
  if (lang !== undefined && !LANG.test(lang)) throw new HttpError(400, `parameter 'lang' must be a language tag like en or pt-BR`);
  const section = single(params, 'section');
  if (section !== undefined && section.length > 200) throw new HttpError(400, `parameter 'section' is too long (200 characters at most)`);
  if (since) filters.since = since;
  if (until) filters.until = until;
  if (site) filters.site = site.toLowerCase().replace(/^www\./, '');
  if (section) filters.section = section;
  if (lang) filters.lang = lang;
  return filters;
}

export function parseLimit(params: URLSearchParams, fallback = 20): number {
  const raw = single(params, 'limit');
  if (raw === undefined) return fallback;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_LIMIT) {
    throw new HttpError(400, `parameter 'limit' must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return Number(raw);
}

export function parseCursor(params: URLSearchParams): string | undefined {
  const raw = single(params, 'cursor');
  if (raw !== undefined && !CURSOR.test(raw)) throw new HttpError(400, `parameter 'cursor' is not a cursor this server returned; use the 'next' value of a previous page`);
  return raw;
}

/** Path ids are positive integers; anything else is a 400 (API) — pages treat it as not found. */
export function parseId(segment: string, what: string): number {
  if (!/^[1-9]\d{0,14}$/.test(segment)) throw new HttpError(400, `${what} id must be a positive whole number, got '${segment.slice(0, 32)}'`);
  return Number(segment);
}

export function filtersToParams(filters: ArticleFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['since', 'until', 'site', 'section', 'lang'] as const) if (filters[key]) p.set(key, filters[key]!);
  return p;
}

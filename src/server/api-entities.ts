// The enrichment part of the JSON API: /api/entities, /api/entities/{id}, /api/quotes (described
// in ./openapi-entities.ts). Lists page with an offset cursor ("o40"): entity rankings have no
// stable key to seek on, and enrichment lists are short enough for OFFSET to stay cheap.
import { entityDetail, findEntity, listEntities, listQuotes } from '../enrich/store.js';
import type { EntityType } from '../enrich/normalize.js';
import type { RequestContext } from './context.js';
import { enrichmentDb } from './entity-source.js';
import { HttpError, json, type Reply } from './http.js';
import { parseFilters, parseId, parseLimit, single } from './params.js';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/** The offset a cursor we issued stands for; anything else is a 400. */
export function parseOffsetCursor(params: URLSearchParams): number {
  const raw = single(params, 'cursor');
  if (raw === undefined) return 0;
  const m = /^o(\d{1,9})$/.exec(raw);
  if (!m) throw new HttpError(400, `parameter 'cursor' is not a cursor this server returned; use the 'next' value of a previous page`);
  return Number(m[1]);
}

/** Fetches one row more than asked to know whether a next page exists. */
function paged<T>(fetch: (limit: number, offset: number) => T[], limit: number, offset: number): { items: T[]; next?: string } {
  const rows = fetch(limit + 1, offset);
  return rows.length > limit ? { items: rows.slice(0, limit), next: `o${offset + limit}` } : { items: rows };
}

export function parseEntityType(params: URLSearchParams): EntityType | undefined {
  const type = single(params, 'type');
  if (type === undefined) return undefined;
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new HttpError(400, `parameter 'type' must be one of ${ENTITY_TYPES.join(', ')}; got '${type.slice(0, 32)}'`);
  return type as EntityType;
}

function text(params: URLSearchParams, name: string, max = 200): string | undefined {
  const v = single(params, name);
  if (v !== undefined && v.length > max) throw new HttpError(400, `parameter '${name}' is too long (${max} characters at most)`);
  return v;
}

export function listEntitiesApi(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const type = parseEntityType(q);
  const prefix = text(q, 'q');
  const { since } = parseFilters(q);
  const limit = parseLimit(q);
  const offset = parseOffsetCursor(q);
  const db = enrichmentDb(ctx.archive);
  if (!db) return json({ entities: [] });
  const page = paged((l, o) => listEntities(db, { type, prefix, since, limit: l, offset: o }), limit, offset);
  return json({ entities: page.items, ...(page.next ? { next: page.next } : {}) });
}

export function getEntityApi(ctx: RequestContext): Reply {
  const id = parseId(ctx.params.id!, 'entity');
  const limit = parseLimit(ctx.url.searchParams, 50);
  const db = enrichmentDb(ctx.archive);
  // findEntity also takes names and keys; the API path is ids only, so a number that names nothing is a 404.
  const e = db ? findEntity(db, String(id)) : undefined;
  if (!db || !e || e.id !== id) throw new HttpError(404, `no entity with id ${id}`);
  const { quoteList, timeline, related, quotes: quoteCount, ...rest } = entityDetail(db, e, limit);
  return json({ ...rest, quoteCount, recentArticles: timeline, quotes: quoteList, related });
}

export function listQuotesApi(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const speaker = text(q, 'speaker');
  const { since } = parseFilters(q);
  const limit = parseLimit(q);
  const offset = parseOffsetCursor(q);
  const db = enrichmentDb(ctx.archive);
  if (!db) return json({ quotes: [] });
  const page = paged((l, o) => listQuotes(db, { speaker, since, limit: l, offset: o }), limit, offset);
  return json({ quotes: page.items, ...(page.next ? { next: page.next } : {}) });
}

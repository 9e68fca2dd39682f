// The JSON API (described by ./openapi.ts, served at /api/openapi.json).
import type { StoredArticle, Story } from '../types.js';
import { askArchive, type RequestContext } from './context.js';
import { HttpError, json, type Reply } from './http.js';
import { parseCursor, parseFilters, parseId, parseLimit, single } from './params.js';

/** List entries leave out the bodies (text, markdown, html): fetch /api/articles/{id} for those. */
export function articleSummary(a: StoredArticle): Record<string, unknown> {
  return {
    id: a.id, url: a.url, site: a.site, title: a.title, description: a.description, authors: a.authors,
    published: a.published, section: a.section, language: a.language, image: a.image, wordCount: a.wordCount,
    storyId: a.storyId, duplicateGroup: a.duplicateGroup,
  };
}

export function listArticles(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const filters = parseFilters(q);
  const page = askArchive(() => ctx.archive.listArticles(filters, parseCursor(q), parseLimit(q)));
  return json({ articles: page.items.map(articleSummary), ...(page.next ? { next: page.next } : {}) });
}

export function getArticle(ctx: RequestContext): Reply {
  const id = parseId(ctx.params.id!, 'article');
  const article = ctx.archive.getArticle(id);
  if (!article) throw new HttpError(404, `no article with id ${id}`);
  return json(article);
}

export function search(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const query = single(q, 'q');
  if (!query) throw new HttpError(400, `parameter 'q' is required: words, "a phrase", prefix*, AND/OR/NOT`);
  if (query.length > 500) throw new HttpError(400, `parameter 'q' is too long (500 characters at most)`);
  const filters = parseFilters(q);
  const page = askArchive(() => ctx.archive.search(query, filters, parseCursor(q), parseLimit(q)));
  const results = page.items.map((h) => ({ id: h.id, url: h.url, site: h.site, title: h.title, published: h.published, snippet: h.snippet, score: h.score }));
  return json({ results, ...(page.next ? { next: page.next } : {}) });
}

function storyJson(s: Story): Record<string, unknown> {
  return { ...s, outlets: s.sites.length };
}

export function listStories(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const filters = parseFilters(q);
  const page = askArchive(() => ctx.archive.listStories(filters, parseCursor(q), parseLimit(q)));
  return json({ stories: page.items.map(storyJson), ...(page.next ? { next: page.next } : {}) });
}

export function getStory(ctx: RequestContext): Reply {
  const id = parseId(ctx.params.id!, 'story');
  const story = ctx.archive.getStory(id);
  if (!story) throw new HttpError(404, `no story with id ${id}`);
  return json(storyJson(story));
}

export function listSites(ctx: RequestContext): Reply {
  return json({ sites: ctx.cache.listSites() });
}

export function stats(ctx: RequestContext): Reply {
  return json(ctx.archive.stats());
}

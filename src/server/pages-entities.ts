// Enrichment in the web app: /entities (the most-named people, organisations and places),
// /entities/{id} (one entity's stories and articles over time, its quotes, the names it appears
// with), and the panels the article and story pages add (names, places and quotes, each linking
// to its entity page). Everything goes through the `html` template, so names and quote texts
// taken from articles are escaped like any other page content.
import { entityDetail, findEntity, listEntities, type EntityDetail } from '../enrich/store.js';
import type { EntityType } from '../enrich/normalize.js';
import type { RequestContext } from './context.js';
import { parseEntityType, parseOffsetCursor } from './api-entities.js';
import { articleEntities, articleQuotes, enrichmentDb, storyEntities, type NamedEntity } from './entity-source.js';
import { html, safeHttpUrl, type SafeHtml } from './html.js';
import { HttpError, type Reply } from './http.js';
import { single } from './params.js';
import { plural, renderPage, timeTag } from './pages/layout.js';

const TYPE_LABEL: Record<EntityType, string> = { person: 'Person', organization: 'Organisation', place: 'Place' };
const GROUP_LABEL: Record<EntityType, string> = { person: 'People', organization: 'Organisations', place: 'Places' };
const PAGE_SIZE = 50;

function entityLink(e: { id: number; name: string }, className = 'badge'): SafeHtml {
  return html`<a class="${className}" href="/entities/${e.id}">${e.name}</a>`;
}

function hostOf(url: string): string {
  try { return new URL(url).hostname.replace(/^www\./, ''); } catch { return ''; }
}

/** Names grouped People / Organisations / Places, each a link to its page; places show their country. */
function namesByType(entities: NamedEntity[], headingLevel: 'h2' | 'h3'): SafeHtml[] {
  return (['person', 'organization', 'place'] as const).flatMap((type) => {
    const of = entities.filter((e) => e.type === type);
    if (!of.length) return [];
    const items = of.map((e) => html`<li>${entityLink(e)}${e.country ? html` <span class="muted">${e.country}</span>` : ''}</li>`);
    return [headingLevel === 'h2' ? html`<h2>${GROUP_LABEL[type]}</h2><ul class="names">${items}</ul>` : html`<h3>${GROUP_LABEL[type]}</h3><ul class="names">${items}</ul>`];
  });
}

/** One quote; `source` (entity pages) replaces the speaker, who is the page's entity. */
function quoteItem(q: { text: string; speaker?: string | null; entityId?: number }, source?: SafeHtml): SafeHtml {
  const speaker = q.entityId !== undefined && q.speaker ? entityLink({ id: q.entityId, name: q.speaker }, '') : q.speaker ?? 'speaker not identified';
  return html`<li><q>${q.text}</q> <span class="meta">${source ?? html`<span>${speaker}</span>`}</span></li>`;
}

/** The article page's panel: who and where it names, and who said what. Nothing without enrichment. */
export function articleEnrichmentPanel(ctx: RequestContext, articleId: number): SafeHtml | '' {
  const db = enrichmentDb(ctx.archive);
  if (!db) return '';
  const entities = articleEntities(db, articleId);
  const quotes = articleQuotes(db, articleId);
  if (!entities.length && !quotes.length) return '';
  return html`<section aria-labelledby="in-article"><h2 id="in-article">In this article</h2>
${namesByType(entities, 'h3')}
${quotes.length ? html`<h3>Quotes</h3><ul class="story-list">${quotes.map((q) => quoteItem(q))}</ul>` : ''}</section>`;
}

/** The story page's panel: the names its articles mention most, linking to their pages. */
export function storyEntitiesPanel(ctx: RequestContext, storyId: number): SafeHtml | '' {
  const db = enrichmentDb(ctx.archive);
  const entities = db ? storyEntities(db, storyId) : [];
  if (!entities.length) return '';
  return html`<section aria-labelledby="story-entities"><h2 id="story-entities">People, organisations and places</h2>
<ul class="names">${entities.map((e) => html`<li>${entityLink(e)} <span class="muted">${TYPE_LABEL[e.type]}, ${plural(e.count, 'article')}</span></li>`)}</ul></section>`;
}

/** Stories the entity appears in, newest first, named by the headline of its latest article there. */
function storiesOf(d: EntityDetail): SafeHtml | '' {
  const stories = new Map<number, { title: string; articles: number; latest?: string }>();
  for (const a of d.timeline) {
    if (a.storyId === undefined) continue;
    const s = stories.get(a.storyId);
    if (s) s.articles++;
    else stories.set(a.storyId, { title: a.title ?? '(untitled)', articles: 1, ...(a.published ? { latest: a.published } : {}) });
  }
  if (!stories.size) return '';
  return html`<section aria-labelledby="stories"><h2 id="stories">Stories</h2><ul class="story-list">${[...stories].map(([id, s]) =>
    html`<li><a class="headline" href="/stories/${id}">${s.title}</a><span class="meta"><span>${plural(s.articles, 'article')} naming ${d.name}</span><span>${timeTag(s.latest)}</span></span></li>`)}</ul></section>`;
}

export function entityPage(ctx: RequestContext): Reply {
  const id = /^[1-9]\d{0,14}$/.test(ctx.params.id!) ? Number(ctx.params.id) : undefined;
  const db = enrichmentDb(ctx.archive);
  const e = db && id !== undefined ? findEntity(db, String(id)) : undefined;
  if (!db || !e || e.id !== id) throw new HttpError(404, 'There is no person, organisation or place with this number in the archive.');
  const d = entityDetail(db, e, PAGE_SIZE);
  const where = d.type === 'place'
    ? html`${d.country ? html`<span>Country ${d.country}</span>` : ''}${d.kind ? html`<span>${d.kind}</span>` : ''}${d.lat !== undefined ? html`<span>${d.lat.toFixed(3)}, ${d.lon?.toFixed(3)}</span>` : ''}`
    : '';
  const timeline = d.timeline.map((a) => {
    const original = safeHttpUrl(a.url);
    return html`<li><span class="meta"><span>${timeTag(a.published) || 'date unknown'}</span><span class="outlet">${hostOf(a.url)}</span></span>
<a class="title" href="/articles/${a.articleId}">${a.title ?? '(untitled)'}</a>${a.storyId !== undefined ? html` <a class="muted" href="/stories/${a.storyId}">the story</a>` : ''}${original ? html` <a class="muted" href="${original}" rel="noopener noreferrer">original</a>` : ''}</li>`;
  });
  const quotes = d.quoteList.map((q) => quoteItem({ text: q.text }, html`<span><a href="/articles/${q.articleId}">${q.title ?? 'the article'}</a></span><span>${timeTag(q.published)}</span>`));
  const content = html`<p class="kicker">${TYPE_LABEL[d.type]}</p><h1>${d.name}</h1>
<p class="meta"><span>${plural(d.articles, 'article')}</span><span>${plural(d.quotes, 'quote')}</span>${where}</p>
${storiesOf(d)}
<section aria-labelledby="timeline"><h2 id="timeline">Articles, newest first</h2>${d.articles > d.timeline.length ? html`<p class="muted">The latest ${d.timeline.length} of ${d.articles}.</p>` : ''}
<ol class="timeline">${timeline}</ol></section>
${quotes.length ? html`<section aria-labelledby="quotes"><h2 id="quotes">Quotes</h2><ul class="story-list">${quotes}</ul></section>` : ''}
${d.related.length ? html`<section aria-labelledby="related"><h2 id="related">Appears with</h2><ul class="names">${d.related.map((r) => html`<li>${entityLink(r)} <span class="muted">${plural(r.together, 'article')}</span></li>`)}</ul></section>` : ''}`;
  return renderPage({ title: d.name, nav: 'entities' }, content);
}

/** /entities?type=&q=: the most-named entities, filterable by type and name prefix. */
export function entitiesPage(ctx: RequestContext): Reply {
  const p = ctx.url.searchParams;
  const type = parseEntityType(p);
  const prefix = single(p, 'q')?.slice(0, 200);
  const offset = parseOffsetCursor(p);
  const db = enrichmentDb(ctx.archive);
  const rows = db ? listEntities(db, { type, prefix, limit: PAGE_SIZE + 1, offset }) : [];
  const more = rows.length > PAGE_SIZE;
  const shown = rows.slice(0, PAGE_SIZE);
  const link = (o: number): string => {
    const q = new URLSearchParams();
    if (type) q.set('type', type);
    if (prefix) q.set('q', prefix);
    if (o) q.set('cursor', `o${o}`);
    const s = q.toString();
    return s ? `/entities?${s}` : '/entities';
  };
  const options = [html`<option value="">All</option>`, ...(['person', 'organization', 'place'] as const).map((t) =>
    t === type ? html`<option value="${t}" selected>${GROUP_LABEL[t]}</option>` : html`<option value="${t}">${GROUP_LABEL[t]}</option>`)];
  const table = shown.length
    ? html`<table class="plain"><caption class="visually-hidden">Entities and how many articles name them</caption><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Quotes</th></tr></thead>
<tbody>${shown.map((e) => html`<tr><td>${entityLink(e, '')}${e.country ? html` <span class="muted">${e.country}</span>` : ''}</td><td>${TYPE_LABEL[e.type]}</td><td class="num">${e.articles.toLocaleString('en')}</td><td class="num">${e.quotes.toLocaleString('en')}</td></tr>`)}</tbody></table>`
    : html`<p class="notice">${db ? 'No names match.' : 'This archive has no names yet: run dateline reenrich to extract people, organisations and places from its articles.'}</p>`;
  const pager = offset || more
    ? html`<nav class="pager" aria-label="Entity pages">${offset ? html`<a href="${link(Math.max(0, offset - PAGE_SIZE))}">Previous</a>` : ''}${more ? html`<a rel="next" href="${link(offset + PAGE_SIZE)}">More</a>` : ''}</nav>`
    : '';
  return renderPage({ title: 'People, organisations and places', nav: 'entities' }, html`<h1>People, organisations and places</h1>
<form class="search-form" role="search" action="/entities" method="get">
<label for="entity-q">Name starts with</label> <input type="text" id="entity-q" name="q" value="${prefix ?? ''}">
<label for="entity-type">Type</label> <select id="entity-type" name="type">${options}</select>
<button type="submit">Show</button></form>
${table}${pager}`);
}

// Source pages: /sites lists every outlet in the archive; /sites/{site} shows one outlet's
// figures and its recent articles (cursor pagination).
import type { RequestContext } from '../context.js';
import { html, type SafeHtml } from '../html.js';
import { HttpError, type Reply } from '../http.js';
import { parseCursor } from '../params.js';
import { askArchive } from '../context.js';
import { plural, renderPage, timeTag } from './layout.js';

const PAGE_SIZE = 30;
const SITES_SHOWN = 1000;

export function sitesPage(ctx: RequestContext): Reply {
  const sites = ctx.cache.listSites();
  const rows = sites.slice(0, SITES_SHOWN).map((s) => html`<tr><td><a href="/sites/${encodeURIComponent(s.site)}">${s.siteName ?? s.site}</a>${s.siteName ? html` <span class="muted">${s.site}</span>` : ''}</td><td class="num">${s.articles.toLocaleString('en')}</td><td>${timeTag(s.lastPublished)}</td></tr>`);
  const more = sites.length > SITES_SHOWN ? html`<p class="muted">Showing the ${SITES_SHOWN} largest of ${sites.length.toLocaleString('en')} sources.</p>` : '';
  return renderPage({ title: 'Sources', nav: 'sites' }, html`<h1>Sources</h1><p class="muted">${plural(sites.length, 'source')} in the archive, largest first.</p>${more}
<table class="plain"><caption class="visually-hidden">Sources and their article counts</caption><thead><tr><th scope="col">Source</th><th scope="col" class="num">Articles</th><th scope="col">Latest article</th></tr></thead><tbody>${rows}</tbody></table>`);
}

export function sitePage(ctx: RequestContext): Reply {
  const name = ctx.params.site!.toLowerCase();
  const summary = ctx.cache.listSites().find((s) => s.site === name);
  if (!summary) throw new HttpError(404, 'There are no articles from this source in the archive.');
  const cursor = parseCursor(ctx.url.searchParams);
  const page = askArchive(() => ctx.archive.listArticles({ site: summary.site }, cursor, PAGE_SIZE));
  const sections = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const a of page.items) {
    if (a.section) sections.set(a.section, (sections.get(a.section) ?? 0) + 1);
    if (a.language) languages.set(a.language, (languages.get(a.language) ?? 0) + 1);
  }
  const top = (m: Map<string, number>): string => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k]) => k).join(', ') || '—';
  const figure = (label: string, value: SafeHtml | string): SafeHtml => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const pager = page.next || cursor
    ? html`<nav class="pager" aria-label="Article pages">${cursor ? html`<a href="/sites/${encodeURIComponent(summary.site)}">Newest</a>` : ''}${page.next ? html`<a rel="next" href="/sites/${encodeURIComponent(summary.site)}?cursor=${encodeURIComponent(page.next)}">Older articles</a>` : ''}</nav>`
    : '';
  const title = summary.siteName ?? summary.site;
  return renderPage({ title, nav: 'sites' }, html`<p class="kicker">Source</p><h1>${title}</h1>
<p class="muted">${summary.site}</p>
<dl class="figures">
${figure('Articles', summary.articles.toLocaleString('en'))}
${figure('First article', summary.firstPublished ? timeTag(summary.firstPublished) : '—')}
${figure('Latest article', summary.lastPublished ? timeTag(summary.lastPublished) : '—')}
${figure('Sections (recent)', top(sections))}
${figure('Languages (recent)', top(languages))}
</dl>
<h2>${cursor ? 'Older articles' : 'Recent articles'}</h2>
<ul class="story-list">${page.items.map((a) => html`<li><a class="headline" href="/articles/${a.id}">${a.title ?? a.url}</a><span class="meta">${a.section ? html`<span>${a.section}</span>` : ''}<span>${timeTag(a.published) || 'date unknown'}</span>${a.storyId !== undefined ? html`<span><a href="/stories/${a.storyId}">story</a></span>` : ''}</span></li>`)}</ul>
${pager}`);
}

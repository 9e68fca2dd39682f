// Search page: query box, filters (dates, site, section, language), highlighted snippets and
// cursor pagination. Snippets come from the archive with <mark>; they are re-sanitised to text
// plus <mark> only. A bad parameter re-shows the form with the message (status 400).
import type { ArticleFilters, Page, SearchHit } from '../../types.js';
import { askArchive, type RequestContext } from '../context.js';
import { html, raw, type SafeHtml } from '../html.js';
import { HttpError, type Reply } from '../http.js';
import { filtersToParams, parseCursor, parseFilters, single } from '../params.js';
import { SNIPPET_POLICY, sanitizeHtml } from '../sanitize.js';
import { renderPage, timeTag } from './layout.js';

const PAGE_SIZE = 20;

function field(id: string, label: string, value: string | undefined, type = 'text', extra: SafeHtml | '' = ''): SafeHtml {
  return html`<div><label for="${id}">${label}</label><input type="${type}" id="${id}" name="${id}" value="${value ?? ''}"${extra}></div>`;
}

function form(params: URLSearchParams): SafeHtml {
  const v = (name: string): string | undefined => params.get(name) ?? undefined;
  return html`<form class="search-form" role="search" action="/search" method="get">
<div class="q"><label for="q">Words, "a phrase", prefix*, AND / OR / NOT</label><input type="search" id="q" name="q" value="${v('q') ?? ''}"></div>
${field('since', 'Published from', v('since'), 'date')}
${field('until', 'Published until', v('until'), 'date')}
${field('site', 'Site', v('site'), 'text', raw(' placeholder="example.com" autocapitalize="none" spellcheck="false"'))}
${field('section', 'Section', v('section'))}
${field('lang', 'Language', v('lang'), 'text', raw(' placeholder="en" size="6" autocapitalize="none" spellcheck="false"'))}
<div><button type="submit">Search</button></div>
</form>`;
}

function results(query: string, filters: ArticleFilters, page: Page<SearchHit>, hadCursor: boolean): SafeHtml {
  if (!page.items.length) return html`<p class="notice">${hadCursor ? 'No more results.' : 'Nothing matches this search. Try fewer words, a prefix like elect*, or remove filters.'}</p>`;
  const base = filtersToParams(filters);
  base.set('q', query);
  let pager: SafeHtml | '' = '';
  if (page.next || hadCursor) {
    const next = new URLSearchParams(base);
    if (page.next) next.set('cursor', page.next);
    pager = html`<nav class="pager" aria-label="Result pages">${hadCursor ? html`<a href="/search?${base.toString()}">First page</a>` : ''}${page.next ? html`<a href="/search?${next.toString()}" rel="next">Next page</a>` : ''}</nav>`;
  }
  return html`<ol class="results">${page.items.map((h) => html`<li>
<a class="title" href="/articles/${h.id}">${h.title ?? h.url}</a>
<div class="meta"><span><a href="/sites/${encodeURIComponent(h.site)}">${h.site}</a></span>${h.published ? html`<span>${timeTag(h.published)}</span>` : ''}</div>
<p class="snippet">${raw(sanitizeHtml(h.snippet, SNIPPET_POLICY))}</p></li>`)}</ol>${pager}`;
}

export function searchPage(ctx: RequestContext): Reply {
  const params = ctx.url.searchParams;
  let query: string | undefined;
  let content: SafeHtml;
  let status = 200;
  try {
    query = single(params, 'q');
    const filters = parseFilters(params);
    const cursor = parseCursor(params);
    if (query && query.length > 500) throw new HttpError(400, 'The query is too long (500 characters at most).');
    content = query
      ? results(query, filters, askArchive(() => ctx.archive.search(query!, filters, cursor, PAGE_SIZE)), cursor !== undefined)
      : html`<p class="muted">Search titles and texts. Examples: <a href="/search?q=%22central+bank%22">"central bank"</a>, <a href="/search?q=elect*">elect*</a>, <a href="/search?q=putin+NOT+trump">putin NOT trump</a>.</p>`;
  } catch (e) {
    if (!(e instanceof HttpError) || e.status !== 400) throw e;
    status = 400;
    content = html`<p class="notice" role="alert">${e.message}</p>`;
  }
  const heading = query ? html`<h1>Search: ${query}</h1>` : html`<h1>Search the archive</h1>`;
  return renderPage({ title: query ? `Search: ${query}` : 'Search', nav: 'search', query, noindex: true }, html`${heading}${form(params)}${content}`, status);
}

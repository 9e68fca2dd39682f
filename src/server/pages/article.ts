// Article page (reader view): section, headline, byline, time (the reader's zone, the source's
// offset kept), lead image, the clean body, the original link and the story's other coverage.
// The body is the extractor's safe HTML, sanitised again here with a strict allowlist.
import type { StoredArticle } from '../../types.js';
import type { RequestContext } from '../context.js';
import { esc, html, raw, safeHttpUrl, type SafeHtml } from '../html.js';
import { HttpError, keptPageReply, type Reply } from '../http.js';
import { keptPage, type KeptPage } from '../page-cache.js';
import { BODY_POLICY, sanitizeHtml } from '../sanitize.js';
import { renderPage, timeTag } from './layout.js';
import { sortByPublished } from './story.js';
import { articleEnrichmentPanel } from '../pages-entities.js';

const LANG_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * Sanitised bodies by article id and content hash, for archives whose pages are not kept (see
 * page-cache.ts): popular articles are cleaned once. With kept pages it would only hold a second
 * copy of what the kept page holds, and every body it kept survived young-generation GCs (it
 * was most of what they copied) to die later in the old generation.
 */
class BodyCache {
  private readonly map = new Map<string, string>();
  constructor(private readonly max = 1000) {}
  get(a: StoredArticle): string {
    const key = `${a.id}:${a.contentHash}`;
    const hit = this.map.get(key);
    if (hit !== undefined) { this.map.delete(key); this.map.set(key, hit); return hit; }
    const value = cleanBody(a);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return value;
  }
}
const bodies = new BodyCache();

function cleanBody(a: StoredArticle): string {
  if (a.html.trim()) return sanitizeHtml(a.html, BODY_POLICY, { baseUrl: safeHttpUrl(a.url) });
  // Crawl-text articles may come without HTML: paragraphs from the text.
  return a.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('\n');
}

/** Lines of "other coverage" an article page shows (one more is read: it may be the article itself). */
const COVERAGE_SHOWN = 15;

/**
 * What article pages show of their story, rendered once per story and kept (ctx.cache.stories):
 * the first lines of its timeline and the link to the whole story. A story is shared by all its
 * articles' pages, so most uncached article pages find it kept; a line's "Same text" badge
 * depends on the article shown and is added per page.
 */
interface KeptCoverage {
  lines: Array<{ id: number; group: number | undefined; markup: string }>;
  footer: string;
}

function keptCoverage(ctx: RequestContext, storyId: number): KeptCoverage | undefined {
  return ctx.cache.stories.get(`coverage:${storyId}`, () => {
    const story = ctx.archive.getStory(storyId);
    if (!story) return undefined;
    const lines = sortByPublished(story.articles).slice(0, COVERAGE_SHOWN + 1).map((o) => ({
      id: o.id, group: o.duplicateGroup,
      markup: html`<li><a class="headline" href="/articles/${o.id}">${o.title ?? '(untitled)'}</a><span class="meta"><span>${o.site}</span><span>${timeTag(o.published)}</span>`.value,
    }));
    return { lines, footer: html`<p><a href="/stories/${story.id}">The whole story: ${story.title} (${story.articles.length} articles)</a></p></section>`.value };
  }, (c) => 2 * c.footer.length + c.lines.reduce((n, l) => n + 40 + 2 * l.markup.length, 100));
}

function otherCoverage(article: StoredArticle, coverage: KeptCoverage | undefined): SafeHtml | '' {
  if (!coverage) return '';
  const others = coverage.lines.filter((x) => x.id !== article.id).slice(0, COVERAGE_SHOWN);
  if (!others.length) return '';
  let list = '';
  for (const o of others) list += `${o.markup}${o.group !== undefined && o.group === article.duplicateGroup ? '<span class="badge">Same text</span>' : ''}</span></li>`;
  return raw(`<section aria-labelledby="other"><h2 id="other">Other coverage of this story</h2>\n<ul class="story-list">${list}</ul>\n${coverage.footer}`);
}

export function articlePage(ctx: RequestContext): Reply {
  const id = /^[1-9]\d{0,14}$/.test(ctx.params.id!) ? Number(ctx.params.id) : undefined;
  if (id !== undefined) ctx.cache.check();
  const page = id === undefined ? undefined : ctx.cache.pages.get(`article:${id}`, () => renderArticle(ctx, id), (p) => p.body.length);
  if (!page) throw new HttpError(404, 'There is no article with this number in the archive.');
  return keptPageReply(page);
}

/** The whole page (it depends on the article id and the archive only, so it is kept; see page-cache.ts). */
function renderArticle(ctx: RequestContext, id: number): KeptPage | undefined {
  const a = ctx.archive.getArticle(id);
  if (!a) return undefined;
  const coverage = a.storyId !== undefined ? keptCoverage(ctx, a.storyId) : undefined;
  const original = safeHttpUrl(a.canonicalUrl) ?? safeHttpUrl(a.url);
  const image = safeHttpUrl(a.image);
  const lang = a.language && LANG_TAG.test(a.language) ? a.language : undefined;
  const title = a.title ?? '(untitled)';
  const byline = a.authors.length ? html`<span class="byline">By ${a.authors.join(', ')}</span>` : '';
  const source = html`<span><a href="/sites/${encodeURIComponent(a.site)}">${a.siteName ?? a.site}</a></span>`;
  const content = html`<article${lang ? html` lang="${lang}"` : ''}>
<header>
${a.section ? html`<p class="kicker">${a.section}</p>` : ''}
<h1>${title}</h1>
<p class="meta">${byline}${source}${a.published ? html`<span>${timeTag(a.published, true)}</span>` : ''}</p>
${a.description ? html`<p class="muted">${a.description}</p>` : ''}
</header>
${image ? html`<figure class="lead-image"><img src="${image}" alt="" loading="lazy" referrerpolicy="no-referrer"></figure>` : ''}
<div class="body">${raw(ctx.cache.pages.enabled ? cleanBody(a) : bodies.get(a))}</div>
</article>
${articleEnrichmentPanel(ctx, a.id)}
${original ? html`<p class="source-link">Read the original at <a href="${original}" rel="noopener noreferrer">${a.siteName ?? a.site}</a> <span class="muted">(${original})</span></p>` : ''}
${otherCoverage(a, coverage)}`;
  return keptPage(renderPage({ title, reader: true, description: a.description }, content).body as string);
}

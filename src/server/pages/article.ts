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
import { keptStory, type KeptStory } from './story.js';
import { articleEnrichmentPanel } from '../pages-entities.js';

const LANG_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Sanitised bodies by article id and content hash: popular articles are cleaned once. */
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

function otherCoverage(article: StoredArticle, kept: KeptStory | undefined): SafeHtml | '' {
  if (!kept) return '';
  const { story, timeline } = kept;
  const others = timeline.filter((x) => x.id !== article.id);
  if (!others.length) return '';
  const shown = others.slice(0, 15);
  return html`<section aria-labelledby="other"><h2 id="other">Other coverage of this story</h2>
<ul class="story-list">${shown.map((o) => html`<li><a class="headline" href="/articles/${o.id}">${o.title ?? '(untitled)'}</a><span class="meta"><span>${o.site}</span><span>${timeTag(o.published)}</span>${o.duplicateGroup !== undefined && o.duplicateGroup === article.duplicateGroup ? html`<span class="badge">Same text</span>` : ''}</span></li>`)}</ul>
<p><a href="/stories/${story.id}">The whole story: ${story.title} (${story.articles.length} articles)</a></p></section>`;
}

export function articlePage(ctx: RequestContext): Reply {
  const id = /^[1-9]\d{0,14}$/.test(ctx.params.id!) ? Number(ctx.params.id) : undefined;
  if (id !== undefined) ctx.cache.pages.check();
  const page = id === undefined ? undefined : ctx.cache.pages.get(`article:${id}`, () => renderArticle(ctx, id), (p) => p.body.length);
  if (!page) throw new HttpError(404, 'There is no article with this number in the archive.');
  return keptPageReply(page);
}

/** The whole page (it depends on the article id and the archive only, so it is kept; see page-cache.ts). */
function renderArticle(ctx: RequestContext, id: number): KeptPage | undefined {
  const a = ctx.archive.getArticle(id);
  if (!a) return undefined;
  const story = a.storyId !== undefined ? keptStory(ctx, a.storyId) : undefined;
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
<div class="body">${raw(bodies.get(a))}</div>
</article>
${articleEnrichmentPanel(ctx, a.id)}
${original ? html`<p class="source-link">Read the original at <a href="${original}" rel="noopener noreferrer">${a.siteName ?? a.site}</a> <span class="muted">(${original})</span></p>` : ''}
${otherCoverage(a, story)}`;
  return keptPage(renderPage({ title, reader: true, description: a.description }, content).body as string);
}

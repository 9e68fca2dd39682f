// Front page: the latest stories grouped by section, each with its headline, number of outlets
// and last update. An archive without stories (clustering not run) shows its latest articles.
import type { ArchiveReader, Story } from '../../types.js';
import type { RequestContext } from '../context.js';
import { html, type SafeHtml } from '../html.js';
import type { Reply } from '../http.js';
import { plural, renderPage, timeTag } from './layout.js';

const STORIES_SHOWN = 60;
const PER_SECTION = 8;
const OTHER = 'More news';

/**
 * The story's section, or else the section most of its first few articles were filed under
 * (the clustering may not name one). The first letter is capitalised ("world" → "World").
 */
function sectionName(s: Story, archive: ArchiveReader): string {
  let raw = s.section?.trim();
  if (!raw) {
    const votes = new Map<string, number>();
    for (const a of s.articles.slice(0, 3)) {
      const section = archive.getArticle(a.id)?.section?.trim();
      if (section && section.length <= 40) votes.set(section, (votes.get(section) ?? 0) + 1);
    }
    raw = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  if (!raw) return OTHER;
  return raw.charAt(0).toUpperCase() + raw.slice(1);
}

function storyItem(s: Story): SafeHtml {
  return html`<li><a class="headline" href="/stories/${s.id}">${s.title}</a>
<span class="meta"><span>${plural(s.sites.length, 'outlet')}</span><span>${plural(s.articles.length, 'article')}</span><span>${timeTag(s.lastUpdated)}</span></span></li>`;
}

export function frontPage(ctx: RequestContext): Reply {
  const stories = ctx.archive.listStories({}, undefined, STORIES_SHOWN).items;
  if (stories.length) {
    // Sections in the order of their freshest story; "More news" last.
    const groups = new Map<string, Story[]>();
    for (const s of stories) {
      const name = sectionName(s, ctx.archive);
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name)!.push(s);
    }
    const names = [...groups.keys()].sort((a, b) => Number(a === OTHER) - Number(b === OTHER));
    const sections = names.map((name, i) => html`<section aria-labelledby="sec-${i}"><h2 id="sec-${i}">${name}</h2>
<ul class="story-list">${groups.get(name)!.slice(0, PER_SECTION).map(storyItem)}</ul></section>`);
    return renderPage({ title: 'Latest stories', nav: 'latest', description: 'The latest news stories in this archive, grouped by section.' },
      html`<h1>Latest stories</h1><div class="sections">${sections}</div>`);
  }
  const articles = ctx.archive.listArticles({}, undefined, 30).items;
  const body = articles.length
    ? html`<p class="muted">No stories have been built yet; these are the newest articles.</p><ul class="story-list">${articles.map((a) => html`<li><a class="headline" href="/articles/${a.id}">${a.title ?? a.url}</a>
<span class="meta"><span><a href="/sites/${encodeURIComponent(a.site)}">${a.siteName ?? a.site}</a></span><span>${timeTag(a.published)}</span></span></li>`)}</ul>`
    : html`<p class="notice">The archive is empty. Add articles with <code>dateline ingest</code>, then reload this page.</p>`;
  return renderPage({ title: 'Latest', nav: 'latest' }, html`<h1>Latest articles</h1>${body}`);
}

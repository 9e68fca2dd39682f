// Story page: the event's headline, a timeline of every outlet's coverage, republished copies of
// the same wire text marked (one letter per duplicate group), and the story's key names.
import type { Story, StoryArticle } from '../../types.js';
import type { RequestContext } from '../context.js';
import { html, safeHttpUrl, type SafeHtml } from '../html.js';
import { HttpError, keptPageReply, type Reply } from '../http.js';
import { keptPage } from '../page-cache.js';
import { plural, renderPage, timeTag } from './layout.js';
import { storyEntitiesPanel } from '../pages-entities.js';

/** A bare day ("2025-10-15") counts as the end of that day: items with a known time come first. */
function instant(iso: string): number {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T23:59:59Z` : iso);
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
}

/** Oldest first; articles without a date go last. */
export function byPublished(a: StoryArticle, b: StoryArticle): number {
  if (!a.published || !b.published) return Number(!a.published) - Number(!b.published) || a.id - b.id;
  return instant(a.published) - instant(b.published) || a.id - b.id;
}

/**
 * The articles in byPublished order, each date parsed once (a comparator that parses costs
 * 2·n·log n Date.parse calls: a large share of an article page with 35 other articles).
 */
export function sortByPublished<T extends StoryArticle>(articles: readonly T[]): T[] {
  const keyed = articles.map((a) => ({ a, t: a.published ? instant(a.published) : Number.POSITIVE_INFINITY }));
  keyed.sort((x, y) => x.t - y.t || x.a.id - y.a.id);
  return keyed.map((k) => k.a);
}

/** Labels (A, B, …) for duplicate groups with more than one member in this story. */
export function copyLabels(articles: StoryArticle[]): Map<number, string> {
  const counts = new Map<number, number>();
  for (const a of articles) if (a.duplicateGroup !== undefined) counts.set(a.duplicateGroup, (counts.get(a.duplicateGroup) ?? 0) + 1);
  const labels = new Map<number, string>();
  for (const a of articles) {
    const g = a.duplicateGroup;
    if (g === undefined || (counts.get(g) ?? 0) < 2 || labels.has(g)) continue;
    const n = labels.size;
    labels.set(g, n < 26 ? String.fromCharCode(65 + n) : `#${n + 1}`);
  }
  return labels;
}

function timelineItem(a: StoryArticle, labels: Map<number, string>, firstOfGroup: Set<number>): SafeHtml {
  const label = a.duplicateGroup !== undefined ? labels.get(a.duplicateGroup) : undefined;
  const original = safeHttpUrl(a.url);
  const copy = label
    ? html` <span class="badge" title="Same text as the other articles marked ${label}">${firstOfGroup.has(a.id) ? `Copy ${label} · first` : `Copy ${label}`}</span>`
    : '';
  return html`<li><span class="meta"><span>${timeTag(a.published) || 'date unknown'}</span><span class="outlet"><a href="/sites/${encodeURIComponent(a.site)}">${a.site}</a></span></span>${copy}
<a class="title" href="/articles/${a.id}">${a.title ?? '(untitled)'}</a>${original ? html`<a class="muted" href="${original}" rel="noopener noreferrer">Original at ${a.site}</a>` : ''}</li>`;
}

/** Prefer a capitalised form over an all-caps or lowercase one ("Putin" over "PUTIN"). */
function surfaceRank(w: string): number {
  return /^\p{Lu}\p{Ll}/u.test(w) ? 2 : /^\p{Lu}/u.test(w) ? 1 : 0;
}

/**
 * Story names are stored as lowercase match keys ("sharaa"); show them as the headlines write them
 * ("Sharaa"), falling back to an initial capital when no headline has the word.
 */
export function displayNames(story: Story): string[] {
  // Only the words that are names are looked at (a story page has dozens of headlines).
  const wanted = new Set(story.topNames);
  // Headlines that cannot hold a wanted name are not split into words (most of them, on a story
  // page of dozens). Lower-casing a headline and a word alone differ only in Greek final sigma
  // (the one context-dependent rule), so σ/ς are folded for this check: it never skips a headline
  // that has a wanted word.
  const fold = (x: string): string => x.toLowerCase().replace(/ς/g, 'σ');
  const keys = story.topNames.map(fold);
  const surface = new Map<string, string>();
  for (const a of [{ title: story.title }, ...story.articles]) {
    if (!a.title) continue;
    const lower = fold(a.title);
    if (!keys.some((k) => lower.includes(k))) continue;
    for (const word of a.title.match(/[\p{L}\p{N}]+/gu) ?? []) {
      const key = word.toLowerCase();
      if (!wanted.has(key)) continue;
      const seen = surface.get(key);
      if (seen === undefined || surfaceRank(word) > surfaceRank(seen)) surface.set(key, word);
    }
  }
  return story.topNames.map((n) => {
    const s = surface.get(n);
    if (s && /^\p{Lu}/u.test(s)) return s;
    return n.replace(/(^|[\s-])(\p{Ll})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase());
  });
}

/** A story with its articles in timeline order. */
export interface KeptStory { story: Story; timeline: StoryArticle[] }

/**
 * The story and its timeline, read afresh: only the rendered story page is kept (pages cache),
 * not the story itself — a story of 80 articles is tens of KB of small objects, and keeping
 * thousands of them would crowd out the small coverage lists article pages keep (article.ts).
 */
export function readStory(ctx: RequestContext, id: number): KeptStory | undefined {
  const story = ctx.archive.getStory(id);
  return story && { story, timeline: sortByPublished(story.articles) };
}

export function storyBody(story: Story, timeline = sortByPublished(story.articles)): SafeHtml {
  const articles = timeline;
  const labels = copyLabels(articles);
  const firstOfGroup = new Set<number>();
  const seen = new Set<number>();
  for (const a of articles) if (a.duplicateGroup !== undefined && labels.has(a.duplicateGroup) && !seen.has(a.duplicateGroup)) { seen.add(a.duplicateGroup); firstOfGroup.add(a.id); }
  const names = story.topNames.length
    ? html`<section aria-labelledby="names"><h2 id="names">Key names</h2><ul class="names">${displayNames(story).map((n) => html`<li><a class="badge" href="/search?q=${encodeURIComponent(`"${n.replace(/"/g, '')}"`)}">${n}</a></li>`)}</ul></section>`
    : '';
  const copies = labels.size
    ? html`<p class="muted">Articles with the same <span class="badge">Copy</span> letter carry the same (wire) text under different headlines; “first” marks the earliest.</p>`
    : '';
  return html`${story.section ? html`<p class="kicker">${story.section}</p>` : ''}<h1>${story.title}</h1>
<p class="meta"><span>${plural(story.sites.length, 'outlet')}</span><span>${plural(story.articles.length, 'article')}</span><span>first seen ${timeTag(story.firstSeen)}</span><span>updated ${timeTag(story.lastUpdated)}</span></p>
${names}
<section aria-labelledby="coverage"><h2 id="coverage">Coverage timeline</h2>${copies}
<ol class="timeline">${articles.map((a) => timelineItem(a, labels, firstOfGroup))}</ol></section>
${story.topTerms.length ? html`<p class="muted">Terms: ${story.topTerms.join(', ')}</p>` : ''}`;
}

export function storyPage(ctx: RequestContext): Reply {
  const id = /^[1-9]\d{0,14}$/.test(ctx.params.id!) ? Number(ctx.params.id) : undefined;
  if (id !== undefined) ctx.cache.check();
  const page = id === undefined ? undefined : ctx.cache.pages.get(`story-page:${id}`, () => {
    const kept = readStory(ctx, id);
    if (!kept) return undefined;
    const { story, timeline } = kept;
    return keptPage(renderPage({ title: story.title, nav: 'latest' }, html`${storyBody(story, timeline)}${storyEntitiesPanel(ctx, story.id)}`).body as string);
  }, (p) => p.body.length);
  if (!page) throw new HttpError(404, 'There is no story with this number. It may have been merged into another story after re-clustering.');
  return keptPageReply(page);
}

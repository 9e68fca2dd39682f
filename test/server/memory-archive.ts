// A small in-memory ArchiveReader for the server's tests: the same contract as the SQLite store,
// with deliberately simple search (every word must occur in title or text; "phrases" as substrings).
// It lets the HTTP and page tests run without a database; the e2e tests use the real store.
import type { ArchiveReader, ArchiveStats, ArticleFilters, Page, SearchHit, SiteSummary, Story, StoredArticle } from '../../src/types.js';

export class QueryError extends Error {
  override name = 'QueryError';
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function matchesFilters(a: StoredArticle, f: ArticleFilters): boolean {
  if (f.site && a.site !== f.site) return false;
  if (f.section && a.section?.toLowerCase() !== f.section.toLowerCase()) return false;
  if (f.lang && a.language !== f.lang) return false;
  if (f.since && (!a.published || a.published < f.since)) return false;
  if (f.until && (!a.published || a.published.slice(0, f.until.length) > f.until)) return false;
  return true;
}

function pageOf<T>(all: T[], cursor: string | undefined, limit = 20): Page<T> {
  let start = 0;
  if (cursor !== undefined) {
    if (!/^o\d+$/.test(cursor)) throw new RangeError('invalid cursor');
    start = Number(cursor.slice(1));
  }
  const items = all.slice(start, start + limit);
  return start + limit < all.length ? { items, next: `o${start + limit}` } : { items };
}

export class MemoryArchive implements ArchiveReader {
  closed = false;
  constructor(readonly articles: StoredArticle[], readonly stories: Story[] = []) {}

  getArticle(id: number): StoredArticle | undefined {
    return this.articles.find((a) => a.id === id);
  }

  getArticleByUrl(url: string): StoredArticle | undefined {
    return this.articles.find((a) => a.url === url || a.canonicalUrl === url);
  }

  listArticles(filters: ArticleFilters, cursor?: string, limit?: number): Page<StoredArticle> {
    const sorted = this.articles.filter((a) => matchesFilters(a, filters))
      .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || b.id - a.id);
    return pageOf(sorted, cursor, limit);
  }

  search(query: string, filters: ArticleFilters, cursor?: string, limit?: number): Page<SearchHit> {
    if ((query.match(/"/g)?.length ?? 0) % 2 === 1) throw new QueryError('unbalanced quote in query');
    const terms = [...query.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => (m[1] ?? m[2]!).toLowerCase().replace(/\*$/, ''))
      .filter((t) => !['and', 'or', 'not'].includes(t));
    if (!terms.length) throw new QueryError('empty query');
    const hits: SearchHit[] = [];
    for (const a of this.articles) {
      if (!matchesFilters(a, filters)) continue;
      const hay = `${a.title ?? ''}\n${a.text}`.toLowerCase();
      if (!terms.every((t) => hay.includes(t))) continue;
      const at = Math.max(0, a.text.toLowerCase().indexOf(terms[0]!) - 40);
      let snippet = escapeHtml(a.text.slice(at, at + 160));
      for (const t of terms) snippet = snippet.replace(new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), (m) => `<mark>${m}</mark>`);
      hits.push({ id: a.id, url: a.url, site: a.site, title: a.title, published: a.published, snippet, score: -terms.length });
    }
    return pageOf(hits, cursor, limit);
  }

  stats(): ArchiveStats {
    const languages: Record<string, number> = {};
    for (const a of this.articles) if (a.language) languages[a.language] = (languages[a.language] ?? 0) + 1;
    return { articles: this.articles.length, sites: this.listSites().length, languages, failures: 0, bytes: 0, stories: this.stories.length };
  }

  listSites(): SiteSummary[] {
    const bySite = new Map<string, SiteSummary>();
    for (const a of this.articles) {
      const s = bySite.get(a.site) ?? { site: a.site, siteName: a.siteName, articles: 0 };
      s.articles++;
      if (a.published && (!s.firstPublished || a.published < s.firstPublished)) s.firstPublished = a.published;
      if (a.published && (!s.lastPublished || a.published > s.lastPublished)) s.lastPublished = a.published;
      bySite.set(a.site, s);
    }
    return [...bySite.values()].sort((a, b) => b.articles - a.articles || a.site.localeCompare(b.site));
  }

  listStories(filters: ArticleFilters, cursor?: string, limit?: number): Page<Story> {
    const list = this.stories.filter((s) => (!filters.since || s.lastUpdated >= filters.since) && (!filters.section || s.section === filters.section))
      .sort((a, b) => b.lastUpdated.localeCompare(a.lastUpdated));
    return pageOf(list, cursor, limit);
  }

  getStory(id: number): Story | undefined {
    return this.stories.find((s) => s.id === id);
  }

  close(): void {
    this.closed = true;
  }
}

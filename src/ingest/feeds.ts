// Feeds and sitemaps → lists of article addresses with what they say about each (date, title).
// RSS 0.9x/1.0/2.0, Atom 1.0, JSON Feed 1.x; sitemaps (urlset, sitemapindex, Google News
// `news:publication_date`). Feeds in the wild have bad dates and relative links: a date that
// does not parse is dropped (never guessed), links resolve against xml:base or the feed's URL.
import { parseDocument } from 'htmlparser2';
import type { Element, ChildNode } from 'domhandler';
import { gunzipSync } from 'node:zlib';

export interface FeedEntry {
  url: string;
  published?: string;
  title?: string;
}

export type DocKind = 'rss' | 'atom' | 'jsonfeed' | 'urlset' | 'sitemapindex' | 'html' | 'other';

export interface ParsedListing {
  kind: DocKind;
  /** Articles (feeds, urlsets) or child sitemaps (sitemapindex). */
  entries: FeedEntry[];
}

/** What a fetched document is, from its Content-Type and its first bytes. */
export function classifyDocument(contentType: string | undefined, bytes: Uint8Array): DocKind {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  const ct = (contentType ?? '').toLowerCase();
  if (/^\s*\{/.test(head)) return /jsonfeed\.org\/version/i.test(head) || ct.includes('feed+json') ? 'jsonfeed' : 'other';
  // The first element, after the XML declaration, comments, doctype and processing instructions.
  const first = /^(?:\s|<\?[^>]*\?>|<!--[\s\S]*?-->|<![^>]*>)*<([A-Za-z][\w:.-]*)/.exec(head)?.[1]?.toLowerCase();
  if (first === 'rss' || first === 'rdf:rdf' || first === 'rdf') return 'rss';
  if (first === 'feed') return 'atom';
  if (first === 'urlset') return 'urlset';
  if (first === 'sitemapindex') return 'sitemapindex';
  if (first === 'html' || ct.includes('html') || /<html|<body|<head/i.test(head)) return 'html';
  return 'other';
}

export function maybeGunzip(bytes: Uint8Array, maxBytes = 50 * 1024 * 1024): Uint8Array {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes, { maxOutputLength: maxBytes });
  return bytes;
}

const localName = (name: string) => name.toLowerCase().replace(/^.*:/, '');

function children(el: Element | { children: ChildNode[] }): Element[] {
  return el.children.filter((c): c is Element => c.type === 'tag');
}

function child(el: Element, name: string): Element | undefined {
  return children(el).find((c) => localName(c.name) === name);
}

function textOf(el: Element | undefined): string {
  if (!el) return '';
  let s = '';
  const walk = (n: ChildNode) => {
    if (n.type === 'text' || n.type === 'cdata') s += n.type === 'text' ? n.data : '';
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(el);
  return s.trim();
}

function findAll(root: { children: ChildNode[] }, name: string, out: Element[] = []): Element[] {
  for (const c of children(root)) {
    if (localName(c.name) === name) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}

/** An ISO 8601 UTC time, or undefined for a date that does not parse or is implausible. */
export function feedDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  if (!t) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return Number.isNaN(Date.parse(t)) ? undefined : t;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || y < 1990 || y > new Date().getUTCFullYear() + 1) return undefined;
  return d.toISOString();
}

function resolve(href: string, base: string): string | undefined {
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function push(out: FeedEntry[], href: string, base: string, published?: string, title?: string): void {
  const url = href ? resolve(href, base) : undefined;
  if (!url) return;
  const e: FeedEntry = { url };
  const p = feedDate(published);
  if (p) e.published = p;
  if (title) e.title = title.replace(/\s+/g, ' ').trim();
  out.push(e);
}

/** Parse a feed or sitemap; throws with a reason when the document is none of them or is malformed. */
export function parseListing(bytes: Uint8Array, contentType: string | undefined, url: string): ParsedListing {
  const raw = maybeGunzip(bytes);
  const kind = classifyDocument(contentType, raw);
  const text = Buffer.from(raw).toString('utf8');
  const entries: FeedEntry[] = [];
  if (kind === 'jsonfeed') {
    let feed: { items?: unknown };
    try { feed = JSON.parse(text) as { items?: unknown }; } catch (e) { throw new Error(`malformed JSON Feed: ${(e as Error).message}`); }
    if (!Array.isArray(feed.items)) throw new Error('malformed JSON Feed: no "items" array');
    for (const it of feed.items as Array<Record<string, unknown>>) {
      if (!it || typeof it !== 'object') continue;
      const href = typeof it.url === 'string' ? it.url : typeof it.external_url === 'string' ? it.external_url : '';
      push(entries, href, url, typeof it.date_published === 'string' ? it.date_published : undefined, typeof it.title === 'string' ? it.title : undefined);
    }
    return { kind, entries };
  }
  if (kind === 'html' || kind === 'other') return { kind, entries };
  const doc = parseDocument(text, { xmlMode: true });
  const root = children(doc)[0];
  if (!root) throw new Error('malformed XML: no root element');
  if (kind === 'rss') {
    const channel = child(root, 'channel');
    const base = resolve(root.attribs['xml:base'] ?? '', url) ?? url;
    const items = findAll(root, 'item');
    if (!channel && !items.length) throw new Error('malformed RSS: no channel');
    for (const it of items) {
      let href = textOf(child(it, 'link'));
      const guid = child(it, 'guid');
      if (!href && guid && guid.attribs.isPermaLink !== 'false') href = textOf(guid);
      if (!href && it.attribs['rdf:about']) href = it.attribs['rdf:about'];
      push(entries, href, base, textOf(child(it, 'pubdate')) || textOf(child(it, 'date')) || textOf(child(it, 'published')), textOf(child(it, 'title')));
    }
  } else if (kind === 'atom') {
    const feedBase = resolve(root.attribs['xml:base'] ?? '', url) ?? url;
    for (const entry of findAll(root, 'entry')) {
      const base = resolve(entry.attribs['xml:base'] ?? '', feedBase) ?? feedBase;
      const links = children(entry).filter((c) => localName(c.name) === 'link');
      const link = links.find((l) => !l.attribs.rel || l.attribs.rel === 'alternate') ?? links[0];
      push(entries, link?.attribs.href ?? '', base, textOf(child(entry, 'published')) || textOf(child(entry, 'updated')), textOf(child(entry, 'title')));
    }
  } else if (kind === 'urlset') {
    for (const u of findAll(root, 'url')) {
      const news = child(u, 'news');
      const published = (news && textOf(child(news, 'publication_date'))) || textOf(child(u, 'lastmod'));
      push(entries, textOf(child(u, 'loc')), url, published, news ? textOf(child(news, 'title')) : undefined);
    }
  } else if (kind === 'sitemapindex') {
    for (const s of findAll(root, 'sitemap')) push(entries, textOf(child(s, 'loc')), url, textOf(child(s, 'lastmod')));
  }
  return { kind, entries };
}

/** Feeds a home page announces: `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>`. */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  const doc = parseDocument(html.slice(0, 512 * 1024));
  for (const link of findAll(doc, 'link')) {
    const rel = (link.attribs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (link.attribs.type ?? '').toLowerCase();
    if (!rel.includes('alternate') || !/(rss|atom)\+xml|feed\+json|application\/json/.test(type) || !link.attribs.href) continue;
    const u = resolve(link.attribs.href, pageUrl);
    if (u && !out.includes(u)) out.push(u);
  }
  return out;
}

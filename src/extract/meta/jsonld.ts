// JSON-LD (schema.org) blocks → the fields of the page's main article node. Handles @graph,
// top-level arrays, nesting (mainEntity, mainEntityOfPage, isPartOf) and the sloppy JSON found
// in the wild (HTML comments, CDATA wrappers, raw newlines in strings).

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

export interface LdFields {
  headline?: string;
  published?: string;
  modified?: string;
  authors: string[];
  description?: string;
  section?: string;
  keywords: string[];
  image?: string;
  url?: string;
  language?: string;
  publisher?: string;
  /** True when the node is an article type (not a WebPage or similar fallback). */
  isArticle: boolean;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting|ScholarlyArticle|TechArticle|Report|SocialMediaPosting|DiscussionForumPosting|SatiricalArticle|AdvertiserContentArticle|Review|Recipe|HowTo|PressRelease|Posting|Blog)$/i;
const PAGE_TYPES = /^(WebPage|ItemPage|AboutPage|CollectionPage|VideoObject|Event|CreativeWork|MediaObject|QAPage|FAQPage|ProfilePage)$/i;

function parseLoose(raw: string): Json | undefined {
  let s = raw.trim();
  if (s.startsWith('<!--')) s = s.replace(/^<!--/, '').replace(/-->$/, '');
  // (The end-anchored pattern is tried at every position of the block: only blocks that can end
  // in "]]>" or "*/" are searched; the others are left as they are, which is what it would do.)
  s = s.replace(/^(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?/, '');
  if (s.endsWith('>') || s.endsWith('/')) s = s.replace(/(?:\/\/|\/\*)?\s*\]\]>(?:\s*\*\/)?$/, '');
  s = s.trim();
  try {
    return JSON.parse(s) as Json;
  } catch {
    try {
      // Raw control characters inside strings are the most common breakage.
      return JSON.parse(s.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

function types(o: Obj): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t.replace(/^https?:\/\/schema\.org\//, '')];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Every object node in the blocks, depth-first, bounded. */
function nodes(roots: Json[]): Obj[] {
  const out: Obj[] = [];
  const stack: Array<{ v: Json; depth: number }> = roots.map((v) => ({ v, depth: 0 })).reverse();
  while (stack.length && out.length < 500) {
    const { v, depth } = stack.pop()!;
    if (depth > 8 || v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i]!, depth: depth + 1 });
      continue;
    }
    out.push(v);
    for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart', 'subjectOf']) {
      if (v[k] && typeof v[k] === 'object') stack.push({ v: v[k]!, depth: depth + 1 });
    }
  }
  return out;
}

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str(v['@value'] ?? v.name);
  return undefined;
}

function names(v: Json | undefined, out: string[]): void {
  if (!v) return;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v.slice(0, 20)) names(x, out);
  else if (typeof v === 'object') {
    const n = v.name ?? (v.givenName && v.familyName ? `${str(v.givenName)} ${str(v.familyName)}` : undefined);
    if (typeof n === 'string') out.push(n);
  }
}

function imageUrl(v: Json | undefined): string | undefined {
  if (!v) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return imageUrl(v[0]);
  if (typeof v === 'object') return str(v.url) ?? str(v.contentUrl) ?? str(v['@id']);
  return undefined;
}

export function readJsonLd(blocks: string[]): LdFields | undefined {
  const roots: Json[] = [];
  for (const b of blocks) {
    const v = parseLoose(b);
    if (v !== undefined) roots.push(v);
  }
  if (!roots.length) return undefined;
  const all = nodes(roots);
  // The main article: the first article-typed node that has a date or a headline; else a page node.
  const isArticle = (o: Obj) => types(o).some((t) => ARTICLE_TYPES.test(t));
  const main = all.find((o) => isArticle(o) && (o.datePublished || o.headline))
    ?? all.find(isArticle)
    ?? all.find((o) => types(o).some((t) => PAGE_TYPES.test(t)) && (o.datePublished || o.headline));
  const publisherNode = all.find((o) => types(o).some((t) => /^(NewsMediaOrganization|Organization|WebSite)$/i.test(t)));
  const out: LdFields = { authors: [], keywords: [], isArticle: main ? isArticle(main) : false };
  if (publisherNode) out.publisher = str(publisherNode.name);
  if (!main) return out;
  out.headline = str(main.headline) ?? str(main.name);
  out.published = str(main.datePublished) ?? str(main.dateCreated) ?? str(main.uploadDate);
  out.modified = str(main.dateModified);
  names(main.author ?? main.creator, out.authors);
  out.description = str(main.description);
  out.section = str(main.articleSection);
  const kw = main.keywords;
  if (typeof kw === 'string') out.keywords.push(...kw.split(/[,;]/));
  else if (Array.isArray(kw)) for (const k of kw) if (typeof k === 'string') out.keywords.push(k);
  out.image = imageUrl(main.image ?? main.thumbnailUrl);
  out.url = str(main.url) ?? (typeof main.mainEntityOfPage === 'string' ? main.mainEntityOfPage : undefined);
  out.language = str(main.inLanguage);
  if (main.publisher && typeof main.publisher === 'object') out.publisher = str((main.publisher as Obj).name) ?? out.publisher;
  return out;
}

// Author names from JSON-LD, meta tags, rel=author links and byline elements, cleaned of
// "By"/"Von"/"Par", dates, roles, URLs and social handles, and split on "and"/"und"/"&"/",".
import type { Collected } from './collect.js';
import { textOf } from './collect.js';

const PREFIX = /^(?:(?:written|posted|published|reported|text|story|photos?|fotos?)\s+)?(?:by|von|par|por|di|da|door|av|af|przez|autor(?:in)?|author|auteur|text|texto|redakcja|verfasst von|geschrieben von)\s*[:：]?\s+/i;
const SPLIT = /\s*(?:,|;|\/|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bog\b|\ben\b|\boraz\b)\s*/i;
const NOISE = /https?:|www\.|@|\.com\b|\d{2,}|facebook|twitter|instagram|linkedin|staff|redaktion|newsroom|editorial|agency|admin|contributor|mehr zum autor|all posts|view all|follow/i;

function clean(raw: string): string[] {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 200) return [];
  s = s.replace(PREFIX, '');
  // Cut trailing dates, roles and "| Site" tails.
  s = s.split(/\s+[|•·–—]\s+|\s+-\s+|\s*\|\s*|\n/)[0]!;
  s = s.replace(/\b(?:updated|published|posted|aktualisiert|veröffentlicht)\b.*$/i, '').trim();
  const out: string[] = [];
  for (let part of s.split(SPLIT)) {
    part = part.replace(PREFIX, '').replace(/^[\s"'“”(]+|[\s"'“”).:]+$/g, '').trim();
    if (part.length < 3 || part.length > 60 || NOISE.test(part)) continue;
    const w = part.split(' ').length;
    if (w > 5 || !/^\p{Lu}/u.test(part)) continue;
    out.push(part);
  }
  return out;
}

function add(list: string[], seen: Set<string>, names: string[]): void {
  for (const n of names) {
    const k = n.toLowerCase();
    if (!seen.has(k)) { seen.add(k); list.push(n); }
  }
}

export function pickAuthors(c: Collected, ldAuthors: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const a of ldAuthors) add(out, seen, clean(a));
  if (out.length) return out.slice(0, 10);
  for (const key of ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author', 'twitter:creator']) {
    for (const v of c.metas.get(key) ?? []) add(out, seen, clean(v));
    if (out.length) return out.slice(0, 10);
  }
  for (const p of c.itemprops.get('author') ?? []) {
    if (p.boiler) continue;
    const nameEl = p.item.attribs.content ?? textOf(p.item, 200);
    add(out, seen, clean(nameEl));
  }
  if (out.length) return out.slice(0, 10);
  for (const t of c.relAuthors) add(out, seen, clean(t));
  if (out.length) return out.slice(0, 10);
  for (const p of c.bylineEls) {
    if (p.boiler) continue;
    add(out, seen, clean(textOf(p.item, 200)));
    if (out.length) break;
  }
  return out.slice(0, 10);
}

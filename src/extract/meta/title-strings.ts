// String rules for titles: splitting at separators, recognising site names and dates among the
// parts, and measuring how much two titles share. No DOM here; title.ts applies them to a page.
const SEPARATORS = /\s+[|–—»«·•/\\~-]\s+|\s+::\s+|\s*[|│┃｜]\s*/;
/** Split a title at its separators, but not inside a date range ("14. - 20. Januar 2022", "3 – 5 May"). */
export function splitTitle(title: string): string[] {
  const raw = title.split(SEPARATORS);
  const out: string[] = [];
  for (const part of raw) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /(?:^|\s)\d{1,2}\.?$/.test(prev.trim()) && /^\d{1,2}\.?(?:\s|$)/.test(part.trim())) out[out.length - 1] = `${prev.trim()} - ${part.trim()}`;
    else out.push(part);
  }
  return out.map((p) => p.trim()).filter(Boolean);
}

/** "23.01.2022 - Headline", "Monday, 3 May 2021 | Headline": a date in front of the headline is not part of it. */
export function withoutDatePrefix(t: string): string {
  const m = /^(.{4,32}?)\s+[-–—|·•]\s+(?=\S)/.exec(t);
  if (!m || !isDate(m[1]!) || !/\p{L}{2}/u.test(t.slice(m[0].length))) return t;
  return t.slice(m[0].length).trim();
}

export const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** Any code unit above ASCII (as a test: most titles are plain ASCII). */
export const NON_ASCII = /[\u0080-\uffff]/;
// ASCII text is NFKC-stable, its letters and digits are [a-z0-9] once lower-cased, and the quote
// marks the full form unifies are not letters, so they turn into the separating space either way.
const normRaw = (s: string) => !NON_ASCII.test(s) ? s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() : s.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019\u201a\u201b'`´]/g, "'").replace(/[\u201c\u201d\u201e"«»]/g, '"').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
// The title rules compare the same few strings (the <h1>s, the title fields, their parts) many
// times over; NFKC and three replacements cost far more than a lookup. pickTitle empties the
// memo for each page (forgetNorms); the bound guards other callers.
const normCache = new Map<string, string>();
/** A string's norm() tokens and their set (covered() weighs each <h1> against each title field). */
const tokenCache = new Map<string, { list: string[]; set: Set<string> }>();
export function forgetNorms(): void { normCache.clear(); tokenCache.clear(); }
export const norm = (s: string): string => {
  let v = normCache.get(s);
  if (v === undefined) {
    v = normRaw(s);
    if (normCache.size >= 4000) normCache.clear();
    normCache.set(s, v);
  }
  return v;
};

function tokens(s: string): { list: string[]; set: Set<string> } {
  let v = tokenCache.get(s);
  if (v === undefined) {
    const list = norm(s).split(' ').filter(Boolean);
    v = { list, set: new Set(list) };
    if (tokenCache.size >= 4000) tokenCache.clear();
    tokenCache.set(s, v);
  }
  return v;
}

/** Same word up to its ending ("Finanzierung"/"Finanzieren", "Leasing"/"Leasen"): a long shared start. */
function sameStem(x: string, y: string): boolean {
  const min = Math.min(x.length, y.length);
  if (min < 5) return false;
  let i = 0;
  while (i < min && x[i] === y[i]) i++;
  return i >= Math.max(4, Math.ceil(0.6 * min));
}

/** Share of `a`'s tokens that occur in `b` (inflected forms count). */
export function covered(a: string, b: string): number {
  const ta = tokens(a).list;
  if (!ta.length) return 0;
  const { list, set: tb } = tokens(b);
  let n = 0;
  for (const t of ta) if (tb.has(t) || list.some((u) => sameStem(t, u))) n++;
  return n / ta.length;
}

export function isSiteLike(part: string, site: string | undefined, host: string | undefined): boolean {
  const p = norm(part).replace(/\s/g, '');
  if (!p) return true;
  if (site) {
    const s = norm(site).replace(/\s/g, '');
    // A part that contains the site name is the site ("BBC News" for "BBC") unless it says more:
    // a headline that mentions the site ("… @ Blog name") has several words of its own.
    if (s && (p === s || (p.length > 2 && s.includes(p)) || (s.length > 3 && p.includes(s) && p.length < s.length + 12 && words(norm(part)) <= words(norm(site)) + 2))) return true;
  }
  if (host) {
    const h = host.replace(/^www\./, '').split('.').slice(0, -1).join('').replace(/[^a-z0-9]/g, '');
    if (h.length > 2 && (p.includes(h) || h.includes(p))) return true;
  }
  return false;
}

/** Cut site names and section crumbs off a title string. */
export function stripSiteName(title: string, site: string | undefined, host: string | undefined): string {
  const parts = splitTitle(title);
  if (parts.length < 2) return title.trim();
  const kept = parts.filter((p, i) => !isSiteLike(p, site, host) && !(i === 0 && isDate(p)));
  if (kept.length === 1) return kept[0]!;
  const pool = kept.length ? kept : parts;
  // Several parts left: the headline is the wordiest; on a tie the first (titles lead with it).
  let best = pool[0]!;
  for (const p of pool) if (words(p) > words(best)) best = p;
  // A first part of several words usually is the headline itself ("Headline - Section - Site").
  if (words(pool[0]!) >= 4 && best !== pool[0] && words(best) < words(pool[0]!) * 2) best = pool[0]!;
  return best;
}

/** "20. Januar 2022", "Monday, 3 May": an <h1> that is a date line, not a headline. */
export function isDateLike(t: string): boolean {
  return t.length < 40 && /\d/.test(t) && /^[\p{L}\d\s.,:/-]+$/u.test(t) && words(t) <= 5 && /\b(19|20)\d{2}\b|\d{1,2}[./]\d{1,2}/.test(t);
}

/** Strictly a date: "23.01.2022", "2022-01-23", "Monday, 3 May 2021", "20. Januar 2022" (a day and a
 * year, at most two words besides); "Peking 2022" or "Release 4.47.4" are not. */
function isDate(t: string): boolean {
  const s = t.trim();
  if (/^\(?(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{4}\/\d{2}\/\d{2})\)?$/.test(s)) return true;
  if (!/\b(?:19|20)\d{2}\b/.test(s) || !/(?:^|\D)\d{1,2}(?:\D|$)/.test(s.replace(/\b(?:19|20)\d{2}\b/, ''))) return false;
  const rest = s.replace(/[\d\s.,/-]+/g, ' ').trim();
  return s.length <= 32 && (rest === '' || (words(rest) <= 2 && /^[\p{L}\s]+$/u.test(rest)));
}

/** Drop site-name segments at either end only ("Headline - part | Site" → "Headline - part"). */
export function trimSiteEnds(title: string, site: string | undefined, host: string | undefined): string {
  const m = /^(.*?)(?:\s+[|–—»·•-]\s+|\s*\|\s*)([^|–—»·•]*)$/.exec(title);
  if (m && isSiteLike(m[2]!, site, host)) return m[1]!.trim();
  const f = /^([^|–—»·•]*?)(?:\s+[|–—»·•-]\s+|\s*\|\s*)(.*)$/.exec(title);
  if (f && isSiteLike(f[1]!, site, host)) return f[2]!.trim();
  return title.trim();
}


/** Letter trigrams of a string (script-neutral: works for CJK and for compounds like "Autofinanzierung"). */
function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of norm(s).split(' ')) for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  return out;
}

/** Share of `a`'s letter trigrams found in `b`: "is `a` about the same thing as `b`". */
export function related(a: string, b: string): number {
  const ta = trigrams(a);
  if (!ta.size) return 0;
  const tb = trigrams(b);
  let n = 0;
  for (const t of ta) if (tb.has(t)) n++;
  return n / ta.size;
}

// "About the same thing": a third of the letter trigrams shared is too loose (one shared word
// plus an "-ies" ending: "Allergies Health Center" vs "… Avoid Allergy"); real rewordings share more.
export const RELATED = 0.35;

const SEP_START = /^\s*(?:[|–—»«·•:~/\\-]|::)\s*\S/;
export const SEP_END = /\S\s*(?:[|–—»«·•:~/\\-]|::)\s*$/;

/** `full` is `part` plus one more separated segment at either end ("Headline – Sub | Site" vs "Headline – Sub"). */
export function extendedBy(full: string, part: string): boolean {
  const f = full.toLowerCase();
  const p = part.toLowerCase();
  if (f.length <= p.length + 1 || words(p) < 2) return false;
  if (f.startsWith(p) && SEP_START.test(f.slice(p.length))) return true;
  return f.endsWith(p) && SEP_END.test(f.slice(0, f.length - p.length));
}

/** A title without its last segment, where site names usually sit ("A – B | Site" → "A – B"). */
export function leadingParts(title: string): string {
  const parts = splitTitle(title);
  return parts.length > 1 ? parts.slice(0, -1).join(' ') : title;
}

/**
 * Title fields cut to a length limit ("Flint tool adds to evidence of complex thinkin",
 * "… complex…"; JSON-LD headlines are often capped at 110 characters) replaced by another
 * field that continues them.
 */
export function untruncated(list: Array<string | undefined>): Array<string | undefined> {
  return list.map((t) => {
    if (!t) return t;
    const core = t.replace(/\s*(?:…|\.{3})$/, '');
    const cut = core !== t;
    if (core.length < 20) return t;
    const lc = core.toLowerCase();
    for (const u of list) {
      if (!u || u.length <= core.length + 1 || !u.toLowerCase().startsWith(lc)) continue;
      // Cut mid-word, or marked with an ellipsis; "Headline | Site" merely extends a clean "Headline".
      if (cut || /^[\p{L}\p{N}]/u.test(u.slice(core.length))) return u;
    }
    return t;
  });
}

// Headline, section label and byline lines in crawl text. The headline is a headline-shaped
// line shortly before the body, preferred when it also appears in the page's <title> line (a
// crawler's first line), is repeated (title + h1), or matches the URL slug.
import type { LineClass } from './body.js';
import { lineKey, type Line } from './lines.js';

const MAX_LOOKBACK = 45;

function slugTokens(url: URL | undefined): Set<string> {
  if (!url) return new Set();
  const segs = decodeURIComponentSafe(url.pathname).split('/').filter(Boolean);
  // The longest path segment is usually the slug (…/world/syrias-interim-leader-meets-putin-123).
  const slug = segs.sort((a, b) => b.length - a.length)[0] ?? '';
  return new Set(lineKey(slug.replace(/\.[a-z]{2,5}$/i, '').replace(/[-_+.]/g, ' ')).split(' ').filter((t) => t.length > 1 && !/^\d+$/.test(t)));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function headlineShaped(l: Line, c: LineClass): boolean {
  if (c.meta || c.furniture) return false;
  if (l.units < 2 || l.units > 32 || l.text.length > 250) return false;
  // Headlines may end in ? or ! but rarely in a full stop or colon.
  if (c.prose && !/[?!？！]["'”’»]?$/u.test(l.text)) return false;
  if (/^[\p{Ll}]/u.test(l.text)) return false;
  if (!/\p{L}/u.test(l.text)) return false;
  return true;
}

/** Index of the headline line, or -1. `bodyStart` is the first line of the body region. */
export function findTitle(lines: Line[], cls: LineClass[], bodyStart: number, url: URL | undefined): number {
  const first = lines[0];
  const docTitle = first && !cls[0]!.prose ? first.key : '';
  const docTokens = new Set(docTitle.split(' ').filter((t) => t.length > 1));
  const slug = slugTokens(url);
  const from = Math.max(0, bodyStart - MAX_LOOKBACK);
  // The first byline/date stamp above the body: the headline sits above it, captions and
  // standfirsts below it.
  let firstMeta = -1;
  for (let i = from; i < bodyStart; i++) {
    if (cls[i]!.meta) {
      firstMeta = i;
      break;
    }
  }
  let best = -1;
  let bestScore = -Infinity;
  let distance = 0;
  for (let i = bodyStart - 1; i >= from; i--) {
    const l = lines[i]!;
    const c = cls[i]!;
    if (c.meta) continue;
    distance++;
    if (!headlineShaped(l, c)) continue;
    let score = 0;
    if (l.units >= 4 && l.units <= 24) score += 1.5;
    else if (l.units >= 3) score += 0.5;
    score -= distance * 0.08;
    if (i > 0 && l.key.length >= 12 && docTitle.includes(l.key)) score += 3;
    else if (i > 0 && docTokens.size >= 3) score += 2 * overlap(l.key, docTokens);
    if (l.repeats >= 2 && l.units >= 4) score += 1.5;
    if (c.inMenuRun) score -= 1.5;
    // Headlines are followed by their byline/date stamp more often than anything else is.
    if (cls[i + 1]?.meta) score += 1.5;
    if (firstMeta >= 0 && i > firstMeta) score -= 1.5;
    // A long line printed twice in a row, nearly the same, is an image's alt text and caption.
    if (l.units > 12 && (nearDuplicate(l, lines[i + 1]) || nearDuplicate(l, lines[i - 1]))) score -= 2;
    if (slug.size >= 2) score += 4 * overlap(l.key, slug) * Math.min(1, slug.size / 3);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/**
 * Lines that read as the page's own headline because they match its URL slug
 * (…/weinbergsbahnen-in-erden-nicht-manipuliert-…): most of the line's words are in the slug
 * and most of the slug's words are in the line. Script-neutral, but needs a wordy slug.
 */
export function slugHeadlines(lines: Line[], cls: LineClass[], url: URL | undefined): number[] {
  const slug = new Set([...slugTokens(url)].map(foldLatin));
  if (slug.size < 3) return [];
  const out: number[] = [];
  for (const l of lines) {
    if (l.units < 3 || l.units > 40 || cls[l.index]!.furniture) continue;
    const key = foldLatin(l.key);
    if (overlap(key, slug) < 0.6) continue;
    const own = new Set(key.split(' '));
    let hit = 0;
    for (const t of slug) if (own.has(t)) hit++;
    if (hit / slug.size >= 0.5) out.push(l.index);
  }
  return out;
}

/**
 * Slugs spell "können" as "koennen" or "konnen" and "café" as "cafe": fold both sides the same
 * way (marks dropped, then ae/oe/ue → a/o/u) so they compare equal. Other scripts pass through.
 */
function foldLatin(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/([aou])e/g, '$1').replace(/ß/g, 'ss');
}

/** Share of a line's tokens found in a token set. */
function overlap(key: string, tokens: Set<string>): number {
  const toks = key.split(' ').filter((t) => t.length > 1);
  if (!toks.length) return 0;
  let hit = 0;
  for (const t of toks) if (tokens.has(t)) hit++;
  return hit / toks.length;
}

function nearDuplicate(a: Line, b: Line | undefined): boolean {
  if (!b || b.key === a.key) return false;
  const short = a.key.length < b.key.length ? a.key : b.key;
  const long = short === a.key ? b.key : a.key;
  return short.length >= 30 && long.includes(short.slice(0, Math.min(60, short.length)));
}

/** The crawler's first line is often the page's <title>: "Headline - Site Name". */
export function titleFromFirstLine(first: Line | undefined): string | undefined {
  if (!first || first.units < 3 || first.units > 40) return undefined;
  const parts = first.text.split(/\s+[|–—-]\s+|\s+[:·•»]\s+/);
  const main = parts.sort((a, b) => b.length - a.length)[0]!.trim();
  return main.length >= 10 ? main : undefined;
}

/** A short label line just before the headline: "World", "US & Canada", "Politik". */
export function findSection(lines: Line[], cls: LineClass[], titleIndex: number): number {
  for (let i = titleIndex - 1; i >= Math.max(0, titleIndex - 2); i--) {
    const l = lines[i]!;
    const c = cls[i]!;
    if (c.meta) continue;
    if (isSectionLabel(l, c)) return i;
    return -1;
  }
  return -1;
}

function isSectionLabel(l: Line, c: LineClass): boolean {
  if (c.furniture || c.prose) return false;
  if (l.units < 1 || l.units > 3 || l.text.length > 32) return false;
  if (/\d/.test(l.text) || /[.!?:;,]$/.test(l.text)) return false;
  if (/^\p{Ll}/u.test(l.text)) return false;
  return /\p{L}/u.test(l.text);
}

/** "From the section US & Canada" and similar labelled section lines. */
export function labelledSection(text: string): string | undefined {
  const m = /^(?:from the section|section|rubrik|ressort|rubrique|sección|sezione)\s*[:-]?\s+(.{2,40})$/iu.exec(text);
  return m ? m[1]!.trim() : undefined;
}

const BYLINE = /^(?:by|written by|reported by|words by|story by|von|text:?|texte:?|par|por|di|door|av|af|przez|autor(?:in)?:?|author:?|auteur\s*:?|от)\s*[:–-]?\s+(.+)$/iu;
const BYLINE_LABEL_ONLY = /^(?:by|von|par|por|di|door|av|af|przez|autor(?:in)?|author|auteur|from)\s*:?$/iu;
const NAME_SPLIT = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bor\b)\s*/u;

/** Names from a byline string; undefined when it does not look like one. */
export function bylineNames(raw: string): string[] | undefined {
  let s = raw.replace(/\s+/g, ' ').trim();
  // Cut what follows the names: " | 15 Oct 2025", " - Staff Writer", "Updated …", " in Politics".
  s = s.split(/\s+[|•·–—]\s+|\s+-\s+|\s{2,}/)[0]!;
  s = s.replace(/\s*(?:,\s*)?(?:\b(?:updated|published|posted|aktualisiert|veröffentlicht|on|am|le|el|il)\b.*)$/iu, '');
  s = s.replace(/\s*\d.*$/u, '').replace(/[,;:\s]+$/u, '').trim();
  if (!s || s.length > 100) return undefined;
  const names = s.split(NAME_SPLIT).map((n) => n.trim()).filter(Boolean);
  if (!names.length || names.length > 5) return undefined;
  for (const n of names) {
    const words = n.split(' ');
    if (words.length > 5) return undefined;
    // Every name word starts with a capital (or the script has no case), or is a particle.
    if (!words.every((w) => !/^\p{Ll}/u.test(w) || /^(?:van|von|de|der|den|da|del|della|di|du|la|le|bin|al|el|y|zu|ter|ten)$/u.test(w))) return undefined;
  }
  return names;
}

/** Byline at line i: returns the names and how many lines it used (label on its own line + name line). */
export function findByline(lines: Line[], i: number): { names: string[]; used: number } | undefined {
  const l = lines[i]!;
  if (l.units > 14) return undefined;
  const m = BYLINE.exec(l.text);
  if (m) {
    const names = bylineNames(m[1]!);
    return names ? { names, used: 1 } : undefined;
  }
  if (BYLINE_LABEL_ONLY.test(l.text) && lines[i + 1] && lines[i + 1]!.units <= 8) {
    const names = bylineNames(lines[i + 1]!.text);
    return names ? { names, used: 2 } : undefined;
  }
  return undefined;
}

const DATE_PREFIX = /^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\s*(?:[|–—-]\s*)?(?=\p{L})/u;

/**
 * The headline as a reader would quote it, from the line that carries it: a breadcrumb trail
 * ending in the headline ("Startseite » Rezepte » Kuchen » Saftiger Zitronenkuchen") keeps its
 * last step, a leading date ("08.11.2021 | Online-Fachtag …") goes, and a headline printed twice
 * on one line (title + visually hidden copy) is kept once.
 */
export function headlineText(text: string): string {
  let s = text.trim();
  const crumbs = s.split(/\s*[»›]\s*|\s+>\s+/u);
  if (crumbs.length >= 3 && crumbs[crumbs.length - 1]!.split(/\s+/).length >= 2) s = crumbs[crumbs.length - 1]!;
  else {
    // "Home / Essays / 2017 / January / Title": a path of short steps.
    const steps = s.split(/\s+\/\s+/);
    if (steps.length >= 3 && steps.slice(0, -1).every((p) => p.split(/\s+/).length <= 3) && steps[steps.length - 1]!.split(/\s+/).length >= 2) s = steps[steps.length - 1]!;
  }
  s = s.replace(DATE_PREFIX, '');
  const half = s.length >> 1;
  if (s.length >= 16 && s[half] === ' ' && s.slice(0, half) === s.slice(half + 1)) s = s.slice(0, half);
  return s.trim() || text.trim();
}

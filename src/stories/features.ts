// What the clusterer knows about one article: weighted terms of the headline and lead, names,
// typed numbers, a publication day (when anything states one) and a language guess.
import { contentTerms, contentTermsOf, guessLanguage, isSpaceAt, names, words } from './text.js';
import { foreignCalendarDays } from './foreign-dates.js';
import { dayFromCrawlPrefix, dayFromTextHead, dayFromUrl, dayOfYearFromHead, isoToDay, numberTokens } from './numbers.js';

export interface StoryInput {
  /** Archive id of the article (any stable number). */
  id: number;
  url?: string;
  site?: string;
  title?: string;
  /** Article body (plain text). */
  text: string;
  /** ISO date or date-time. */
  published?: string;
  /**
   * `published` may be the day the page was shown rather than published (extraction's
   * `published-page-date` warning: a masthead date): the article appeared on or before it.
   */
  publishedNotAfter?: boolean;
  language?: string;
}

export interface ArticleFeatures {
  /** Feature → raw weight. Prefixes: `w:` term, `n:` name, and the typed number tokens of numbers.ts. */
  vec: Record<string, number>;
  /** Days since the epoch, when known. */
  day?: number;
  /**
   * Undated articles only: the day of the year their dateline or first lines state without a year
   * ("Kathmandu, Sep 9 (IANS)", "on Sunday (Sep 7)"), resolved against a story's days when compared.
   */
  doy?: number;
  /**
   * The weekday the report gives its event (0 = Sunday): the first weekday named in the headline
   * or the first EVENT_WEEKDAY_WORDS words ("won on Sunday", "arrived Thursday evening"). News
   * leads date their event by weekday; a weekday that far up is the event's, not background.
   */
  weekday?: number;
  lang?: string;
  title: string;
  /**
   * Set instead of `day` when the only date found is an upper bound (StoryInput.publishedNotAfter):
   * the article was published on this day or before. It may join a story of an earlier day, never
   * one that began more than the window after it, and it does not move its story's days.
   */
  notAfter?: number;
}

/** How far into the lead the event's weekday is looked for. */
export const EVENT_WEEKDAY_WORDS = 60;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The first weekday named in the headline or the first EVENT_WEEKDAY_WORDS words of the body. */
export function eventWeekday(title: string | undefined, body: string): number | undefined {
  const start = body.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/, '').split(/\s+/, EVENT_WEEKDAY_WORDS).join(' ');
  const m = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/.exec(`${title ?? ''}\n${start}`);
  return m ? WEEKDAYS.indexOf(m[1]!) : undefined;
}

/** How many words of the body count as the lead: the part every outlet's version of a story shares. */
export const LEAD_WORDS = 400;
/** Adjacent content-word pairs ("french open", "rate cut") are far more event-specific than single words. */
const BIGRAM_WEIGHT = 1;
const TITLE_BOOST = 2;
const HEAD_BOOST = 1;
const NAME_WEIGHT = 1;
/** Multi-word names ("US Open", "New Delhi") name one thing: see names(). */
const PHRASE_WEIGHT = 1;

/** First non-trivial line of the text: the headline of crawl texts that lack a title. */
export function fallbackTitle(text: string): string {
  for (const raw of text.split(/\n/)) {
    const line = raw.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/, '').trim();
    if (line.split(/\s+/).length >= 4) return line.length > 200 ? `${line.slice(0, 197)}…` : line;
  }
  return text.trim().slice(0, 120);
}

/**
 * Where the first LEAD_WORDS whitespace-separated words of `s` end (0 when it has none): what
 * /^(?:\s*\S+){1,LEAD_WORDS}/ matches, found by one scan instead of the regex.
 */
function leadEnd(s: string): number {
  const n = s.length;
  let i = 0;
  let end = 0;
  for (let count = 0; count < LEAD_WORDS; count++) {
    while (i < n && isSpaceAt(s, i)) i++;
    if (i === n) break;
    while (i < n && !isSpaceAt(s, i)) i++;
    end = i;
  }
  return end;
}

/** The body (crawl date line dropped) cut after its first LEAD_WORDS words, with the lead's words(). */
export interface LeadSplit {
  lead: string;
  leadWords: string[];
  /** The body after the lead: empty, or starting with white space. */
  rest: string;
}

export function splitLead(text: string): LeadSplit {
  const body = text.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/, '');
  const lead = body.slice(0, leadEnd(body));
  return { lead, leadWords: words(lead), rest: body.slice(lead.length) };
}

/**
 * words() of the whole body, from a splitLead() without tokenising the lead again. The lead ends
 * where a run of non-space characters ends, so no word straddles the cut, and folding (foldText)
 * works character by character across white space: words(lead + rest) = words(lead) ++ words(rest),
 * which is bodyWords(text) (duplicates.ts).
 */
export function bodyWordsOf(split: LeadSplit): string[] {
  return split.rest ? split.leadWords.concat(words(split.rest)) : split.leadWords.slice();
}

/** The publication day: stated date, the crawler's date line, a dated URL, then a date written near the top. */
export function publicationDay(input: Pick<StoryInput, 'published' | 'text' | 'url'>): number | undefined {
  return isoToDay(input.published) ?? dayFromCrawlPrefix(input.text) ?? dayFromUrl(input.url) ?? dayFromTextHead(input.text);
}

/**
 * The publication day, or only an upper bound of it: a `published` that may be a masthead date
 * (publishedNotAfter) gives way to the crawler's date line or a dated URL, and is otherwise kept
 * as `notAfter`. A masthead shows the day the page was crawled, which can be weeks after the
 * article: read as the publication day it kept a report out of its own event's window.
 */
export function publicationDays(input: Pick<StoryInput, 'published' | 'publishedNotAfter' | 'text' | 'url'>): { day?: number; notAfter?: number } {
  const bound = input.publishedNotAfter ? isoToDay(input.published) : undefined;
  if (bound === undefined) {
    const day = publicationDay(input);
    return day === undefined ? {} : { day };
  }
  const day = dayFromCrawlPrefix(input.text) ?? dayFromUrl(input.url);
  return day !== undefined ? { day } : { notAfter: bound };
}

/** `split`: splitLead(input.text), when the caller has it already (prepareArticle also needs the body's words). */
export function articleFeatures(input: StoryInput, split: LeadSplit = splitLead(input.text)): ArticleFeatures {
  const { lead, leadWords } = split;
  const title = input.title?.trim() || fallbackTitle(input.text);
  // Counted in a Map, copied once at the end into an object without prototype: V8 keeps such an
  // object as a hash table from the start, where a plain {} first builds a hidden-class transition
  // per new key — hundreds per article, most never reused: the largest single cost of the
  // features (profiled), and a transition tree that grows with every article. Same keys in the
  // same order, hence the same JSON.
  const counts = new Map<string, number>();
  const add = (k: string, w: number) => { counts.set(k, (counts.get(k) ?? 0) + w); };
  // A title that is just the first line of the lead is not counted twice.
  const titleSeparate = !!input.title && !lead.startsWith(input.title.slice(0, 40));
  if (titleSeparate) for (const t of contentTerms(title)) add(`w:${t}`, TITLE_BOOST);
  const leadTerms = contentTermsOf(leadWords);
  for (const t of leadTerms) add(`w:${t}`, 1);
  if (BIGRAM_WEIGHT) for (let i = 1; i < leadTerms.length; i++) add(`b:${leadTerms[i - 1]}_${leadTerms[i]}`, BIGRAM_WEIGHT);
  const nameText = titleSeparate ? `${title}\n${lead}` : lead;
  const phrases = new Map<string, number>();
  for (const [n, c] of names(nameText, phrases)) add(`n:${n}`, NAME_WEIGHT * c);
  for (const [n, c] of phrases) add(`n:${n}`, PHRASE_WEIGHT * c);
  for (const [k, c] of numberTokens(nameText)) add(k, c);
  const lang = input.language?.slice(0, 2).toLowerCase() || guessLanguage(leadWords);
  if (lang && lang !== 'en') for (const k of foreignCalendarDays(nameText)) if (!counts.has(k)) add(k, 1);
  // Weekdays are event evidence ("on Monday"): two meetings of the same leaders rarely share one.
  for (const m of nameText.matchAll(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g)) add(`wd:${m[1]!.toLowerCase()}`, 1);
  // The headline (or, in crawl text, the first sentence) names the event: its terms count again.
  const head = titleSeparate ? '' : (/^[^\n.!?]{20,300}/.exec(lead.trim())?.[0] ?? '');
  if (HEAD_BOOST && head) for (const t of contentTerms(head)) add(`w:${t}`, HEAD_BOOST);
  // Amounts and weekdays stated in the headline (or first sentence) name the event ("first to $5 trillion", "adopted on Tuesday"):
  // typed `h$:` tokens let the clusterer treat a headline amount disagreement as a conflict, while
  // amounts further down (background: "up from $4 trillion in July") stay mere evidence.
  const headline = titleSeparate ? title : (/^[^\n.!?]{20,300}/.exec(lead.trim())?.[0] ?? '');
  for (const [k, c] of numberTokens(headline)) if (k.startsWith('$:')) add(`h${k}`, c);
  for (const m of headline.matchAll(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g)) add(`hwd:${m[1]!.toLowerCase()}`, 1);
  // Sub-linear term frequency: a word repeated by a duplicated teaser line should not dominate.
  const vec = Object.create(null) as Record<string, number>;
  for (const [k, c] of counts) vec[k] = 1 + Math.log(c);
  const { day, notAfter } = publicationDays(input);
  const f: ArticleFeatures = { vec, title };
  if (day !== undefined) f.day = day;
  else {
    if (notAfter !== undefined) f.notAfter = notAfter;
    const doy = dayOfYearFromHead(input.title ? `${input.title}\n${input.text}` : input.text);
    if (doy !== undefined) f.doy = doy;
  }
  if (lang) f.lang = lang;
  const weekday = eventWeekday(input.title, input.text);
  if (weekday !== undefined) f.weekday = weekday;
  return f;
}

// Public API of the enrichment stage: one Article in, one Enrichment out (people, organisations,
// geocoded places, quotes with speakers, resolved dates, the main event). Synchronous, no I/O
// after the first call has loaded the lexicons and the gazetteer from installed packages.
import type { Article, Enrichment } from '../types.js';
import { findDates, publicationDay } from './dates.js';
import { buildEntities } from './entities.js';
import { mainEvent } from './event.js';
import { geocode } from './geo/resolve.js';
import { findMentions } from './names.js';
import { findQuotes } from './quotes.js';
import { prepare } from './text.js';

export { entityKey, entityKeyMatches, fold } from './normalize.js';
export type { EntityType } from './normalize.js';
export type { Enrichment, MainEvent, PlaceMention, Quote, ResolvedDate } from '../types.js';

export interface EnrichOptions {
  /** Publication time to resolve relative dates against; default article.published, else a ` date YYYY-MM-DD ` crawl line. */
  published?: string;
}

const CRAWL_DATE = /^\s*date (\d{4}-\d{2}-\d{2})\s/;

/** Languages with lexicons in src/enrich/lang/. */
export const ENRICH_LANGUAGES = ['en'];

/**
 * Enrich one article. Articles whose language is known and not one of ENRICH_LANGUAGES get an
 * empty enrichment: English name and verb lexicons read German or Spanish capitalised words
 * ("Auch", "Ende") as names and places, which is worse than nothing.
 */
export function enrich(article: Article, opts: EnrichOptions = {}): Enrichment {
  const lang = article.language?.toLowerCase().split('-')[0];
  if (lang && !ENRICH_LANGUAGES.includes(lang)) {
    return { people: [], organizations: [], places: [], quotes: [], dates: [], event: null, aliases: {} };
  }
  const published = opts.published ?? article.published ?? CRAWL_DATE.exec(article.text)?.[1];
  const doc = prepare(article.title, article.text);
  const entities = geocode(buildEntities(findMentions(doc)), doc.text);
  const dates = findDates(doc, publicationDay(published));
  const quotes = findQuotes(doc, entities);
  const event = mainEvent(doc, entities, dates);
  const aliases: Record<string, string[]> = {};
  for (const e of entities) {
    const forms = [...new Set(e.mentions.map((m) => m.text))].filter((f) => f !== e.name);
    if (forms.length) aliases[e.name] = forms;
  }
  return {
    people: entities.filter((e) => e.type === 'person').map((e) => e.name),
    organizations: entities.filter((e) => e.type === 'organization').map((e) => e.name),
    places: entities.filter((e) => e.type === 'place').map((e) => ({
      name: e.name,
      country: e.place ? e.place.country : null,
      ...(e.place?.lat !== undefined ? { lat: e.place.lat, lon: e.place.lon } : {}),
      ...(e.place ? { kind: e.place.kind } : {}),
    })),
    quotes,
    dates: dates.map((d) => ({ mention: d.mention, resolved: d.resolved })),
    event,
    aliases,
  };
}

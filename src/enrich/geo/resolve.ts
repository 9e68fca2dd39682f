// Picks one gazetteer entry per place name from context: "Paris, Texas" (a region or country right
// after the name), countries the article mentions or implies by demonyms and titles, then a
// population prior with countries and first-level regions ahead of same-named towns.
import type { Entity } from '../entities.js';
import { DEMONYMS } from '../lang/en.js';
import { lookupPlace, type PlaceCandidate } from './gazetteer.js';

export function geocode(entities: Entity[], text: string): Entity[] {
  const places = entities.filter((e) => e.type === 'place');
  const context = new Map<string, number>();
  const bump = (code: string | null | undefined, w: number): void => { if (code) context.set(code, (context.get(code) ?? 0) + w); };
  for (const p of places) {
    const cands = lookupPlace(p.name);
    const country = cands.find((c) => c.kind === 'country');
    if (country) bump(country.country, 2 * p.mentions.length);
    else if (cands.length && cands.every((c) => c.country === cands[0]!.country)) bump(cands[0]!.country, 1);
  }
  for (const e of entities) for (const m of e.mentions) bump(m.titleCountry, 1);
  const demonymRe = /\b(South African|South Korean|North Korean|Sri Lankan|New Zealand|[A-Z][a-z]+(?:an|ian|ese|ish|i|ic))\b/g;
  let m: RegExpExecArray | null;
  while ((m = demonymRe.exec(text))) bump(DEMONYMS[m[1]!.toLowerCase()], 1);

  const dominant = [...context].sort((a, b) => b[1] - a[1])[0]?.[0];
  const drop = new Set<Entity>();
  for (const p of places) {
    let cands = lookupPlace(p.name);
    if (!cands.length) {
      // "Kamchatka Peninsula", "West Texas", "Kerr County": geocode by the known part, else the article's main country.
      const words = p.name.split(/\s+/);
      const part = [words.slice(0, -1).join(' '), words.slice(1).join(' ')].map((w) => lookupPlace(w).filter((c) => c.kind !== 'city' || c.population > 50_000)).find((c) => c.length);
      // Prefer the article's main country among the part's readings ("Guadalupe River" in a Texas story).
      const local = [words.slice(0, -1).join(' '), words.slice(1).join(' ')].map((w) => lookupPlace(w).filter((c) => c.country === dominant)).find((c) => c.length);
      if (part) cands = (local?.length ? local : part).map((c) => ({ ...c, name: p.name, kind: c.kind === 'country' ? 'region' : c.kind, population: 0 }));
      else { p.place = { name: p.name, country: dominant ?? null, kind: 'feature', population: 0 }; continue; }
    }
    let best: PlaceCandidate | undefined; let bestScore = -Infinity;
    const qualifier = qualifierAfter(p, text);
    for (const c of cands) {
      let s = 1.5 * Math.log10(Math.max(c.population, 1));
      if (c.kind === 'country') s += 4;
      else if (c.kind === 'region') s += c.country === null ? 3 : 0.5;
      if (c.feature === 'PPLC') s += 1.5;
      else if (c.feature === 'PPLA') s += 0.7;
      s += Math.min(3, context.get(c.country ?? '') ?? 0) * 0.6;
      if (qualifier && qualifier.some((q) => q.country === c.country && (q.kind === 'country' || !q.admin || q.admin === c.admin))) s += 10;
      if (s > bestScore) { bestScore = s; best = c; }
    }
    if (best) p.place = best;
    // A one-word small town with no locative cue is more often a word or a name than a place.
    if (best?.kind === 'city' && !/\s/.test(p.name) && !qualifier && best.population < 20_000 && !p.mentions.some((m) => /\b(?:in|at|near|from|to|of|outside|village of|town of|city of)\s+$/i.test(text.slice(Math.max(0, m.start - 15), m.start)))) drop.add(p);
  }
  return entities.filter((e) => !drop.has(e));
}

/** The region or country named right after a place ("Paris, Texas", "Kerrville, Texas"). */
function qualifierAfter(p: Entity, text: string): PlaceCandidate[] | undefined {
  for (const m of p.mentions) {
    const after = /^,\s*((?:\p{Lu}[\p{L}.]*\s?){1,3})/u.exec(text.slice(m.end, m.end + 40));
    if (!after) continue;
    const q = lookupPlace(after[1]!.trim()).filter((c) => c.kind !== 'city');
    if (q.length) return q;
  }
  return undefined;
}

// The article's main event from its headline and lead: the action by cue words (headline weighs
// most), actors/targets by the action's roles, the most specific place and the first day-date of
// the lead.
import type { DateHit } from './dates.js';
import type { Entity } from './entities.js';
import { EVENT_CUES, MEDIA_ORGS } from './lang/en.js';
import { fold } from './normalize.js';
import type { Doc } from './text.js';
import type { EventAction, MainEvent } from '../types.js';

interface Ref { start: number; entity: Entity; title?: string }

export function mainEvent(doc: Doc, entities: Entity[], dates: DateHit[]): MainEvent | null {
  const firstBody = doc.sentences.findIndex((s) => s.start >= doc.bodyStart);
  if (firstBody < 0 && doc.bodyStart > 0) return null;
  const titleEnd = doc.bodyStart > 0 ? doc.bodyStart : 0;
  const lead = doc.sentences.slice(firstBody, firstBody + 2);
  const leadEnd = lead.length ? lead[lead.length - 1]!.end : doc.text.length;
  const firstEnd = lead[0]?.end ?? leadEnd;
  const title = doc.text.slice(0, titleEnd);
  const leadText = doc.text.slice(lead[0]?.start ?? 0, leadEnd);
  const rest = doc.text.slice(leadEnd, doc.sentences[firstBody + 5]?.end ?? doc.text.length);
  const action = classify(title, leadText, rest);

  const refs: Ref[] = [];
  for (const e of entities) for (const m of e.mentions) refs.push({ start: m.start, entity: e, ...(m.title ? { title: m.title } : {}) });
  refs.sort((a, b) => a.start - b.start);
  const inRange = (a: number, b: number): Ref[] => refs.filter((r) => r.start >= a && r.start < b && !insideRelativeClause(doc.text, r.start, a));
  const headRefs = inRange(0, titleEnd);
  const leadRefs = inRange(lead[0]?.start ?? 0, firstEnd);
  const isSource = (r: Ref): boolean => r.entity.type === 'organization' && (MEDIA_ORGS.has(fold(r.entity.name)) || /^\s*\)/.test(doc.text.slice(r.start + r.entity.name.length, r.start + r.entity.name.length + 3)) || /\(\s*$/.test(doc.text.slice(Math.max(0, r.start - 2), r.start)));
  const agents = (rs: Ref[]): Entity[] => uniq(rs.filter((r) => r.entity.type !== 'place' && !isSource(r)).map((r) => r.entity));
  const people = (rs: Ref[]): Entity[] => agents(rs).filter((e) => e.type === 'person');
  const subjectPool = [...agents(leadRefs), ...agents(headRefs)];
  const subject = agents(headRefs)[0] ?? agents(leadRefs)[0];
  let actors: Entity[] = []; let targets: Entity[] = [];
  switch (action) {
    case 'disaster': break;
    case 'meet': actors = (people(leadRefs).length >= 2 ? people(leadRefs) : uniq([...people(headRefs), ...people(leadRefs)])).slice(0, 2); break;
    case 'court_ruling': {
      actors = uniq(refs.filter((r) => r.title && /judge/i.test(r.title)).map((r) => r.entity)).slice(0, 1);
      const lead2 = inRange(lead[0]?.start ?? 0, leadEnd);
      const defendant = people([...headRefs, ...lead2]).find((e) => !actors.includes(e));
      targets = defendant ? [defendant] : [];
      break;
    }
    case 'economic_decision': {
      const org = subjectPool.find((e) => e.type === 'organization' && /bank|reserve|fed|committee|ministry|government|opec/i.test(e.name)) ?? subjectPool.find((e) => e.type === 'organization');
      actors = org ? [org] : subject ? [subject] : [];
      break;
    }
    case 'election_result': case 'visit': case 'other': case 'accuse': case 'attack': {
      const pool = uniq([...agents(headRefs), ...agents(leadRefs)]);
      actors = pool.slice(0, 1);
      const against = againstTargets(doc.text, refs, 0, firstEnd, actors);
      targets = action === 'visit' ? people(leadRefs).filter((e) => !actors.includes(e)).slice(0, 1) : against;
      break;
    }
    default: actors = subject ? [subject] : [];
  }
  return {
    actors: actors.map((e) => e.name),
    action,
    targets: targets.map((e) => e.name),
    place: eventPlace(doc, entities, titleEnd, firstEnd, action),
    date: dates.find((d) => d.start < leadEnd && typeof d.resolved === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.resolved))?.resolved as string | undefined ?? null,
  };
}

const CUES: ReadonlyArray<[string, RegExp]> = EVENT_CUES.map(([a, re]) => [a, new RegExp(re.source, 'gi')]);

function classify(title: string, lead: string, rest: string): EventAction {
  let best: EventAction = 'other'; let bestScore = 0;
  for (const [action, g] of CUES) {
    const count = (s: string): number => s.match(g)?.length ?? 0;
    let score = 3 * Math.min(2, count(title)) + 2 * Math.min(2, count(lead)) + 0.5 * Math.min(3, count(rest));
    if (action === 'statement') score *= 0.4;
    if (action === 'announcement' || action === 'attack') score *= 0.7;
    if (score > bestScore) { bestScore = score; best = action as EventAction; }
  }
  return bestScore >= 1.5 ? best : 'other';
}

/** Skips mentions inside ", who … ," clauses ("al-Sharaa, who toppled Assad, met Putin"). */
function insideRelativeClause(text: string, at: number, from: number): boolean {
  const left = text.slice(from, at);
  const open = left.search(/,\s+(?:who|which|whose|whom)\b[^,]*$/);
  return open >= 0;
}

/** Who the actor acted against: names after "defeating/beat/over/against/accused". */
function againstTargets(text: string, refs: Ref[], from: number, to: number, actors: Entity[]): Entity[] {
  const re = /\b(?:defeat\w*|beat(?:ing|s)?|over|against|topp?l\w*|accus\w*|edg\w+ out|sentenc\w*|charg\w*)\b/gi;
  const span = text.slice(from, to);
  const out: Entity[] = [];
  for (let m = re.exec(span); m; m = re.exec(span)) {
    const at = from + m.index;
    const next = refs.filter((r) => r.start > at && r.start < at + 80 && r.entity.type !== 'place' && !actors.includes(r.entity));
    for (const r of next) {
      const between = text.slice(at, r.start);
      if (/[.;]/.test(between)) break;
      if (!out.includes(r.entity)) out.push(r.entity);
      if (!/\s(?:and|,)\s*$/.test(text.slice(r.start, r.start + 60).replace(/^[^,]*?(?=,|\sand\s)/, '').slice(0, 6))) break;
    }
    if (out.length) break;
  }
  return out;
}

function eventPlace(doc: Doc, entities: Entity[], titleEnd: number, leadEnd: number, action: EventAction): string | null {
  const rank = (e: Entity): number => (e.place?.kind === 'city' ? 3 : e.place?.kind === 'region' && e.place.country ? 2 : e.place?.kind === 'country' ? 1 : 0);
  const cands: Array<{ e: Entity; at: number; prep: boolean }> = [];
  for (const e of entities) {
    if (e.type !== 'place') continue;
    for (const m of e.mentions) {
      if (m.start >= leadEnd) continue;
      const before = doc.text.slice(Math.max(0, m.start - 12), m.start);
      cands.push({ e, at: m.start, prep: /\b(?:in|at|near|from|to|of)\s+(?:the\s+)?$/i.test(before) && !doc.text.slice(m.end, m.end + 2).startsWith("'") && !/[’']s\b/.test(doc.text.slice(m.end, m.end + 3)) });
    }
  }
  if (!cands.length) return null;
  void titleEnd; void action;
  cands.sort((a, b) => Number(b.prep) - Number(a.prep) || rank(b.e) - rank(a.e) || a.at - b.at);
  return cands[0]!.e.name;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

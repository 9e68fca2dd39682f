// Direct quotations (one per pair of marks; a quote running over paragraphs gives one per
// paragraph) and their speakers: a speech verb after the quote ("…," he said / said Peskov /
// Peskov said) or before it (Lavrov said that "…", according to SANA, "…"), pronouns → the last
// named person, continuation paragraphs → the previous speaker, "officials said" → null.
import type { Entity } from './entities.js';
import { GROUP_SPEAKERS, NAMING_CUES, PERSON_PRONOUNS, SPEECH_VERBS } from './lang/en.js';
import type { Doc } from './text.js';
import type { Quote } from '../types.js';
import { lexicon } from './lexicon.js';

interface Span { open: number; close: number; para: number; text: string }
interface Ref { start: number; end: number; entity: Entity; subject: boolean }

const SPEECH_RE = new RegExp(`\\b(?:${[...SPEECH_VERBS].filter((v) => /^[a-z]+$/.test(v)).join('|')})\\b`, 'gi');

export function findQuotes(doc: Doc, entities: Entity[]): Quote[] {
  const refs: Ref[] = [];
  for (const e of entities) {
    if (e.type === 'place') continue;
    for (const m of e.mentions) {
      // Subject position: the name opens its sentence (after at most a short adverbial: "Also, Mamdani …").
      const s = doc.sentences[m.sentence];
      const lead = s ? doc.text.slice(s.start, m.start) : '';
      const subject = lead.trim().split(/\s+/).filter(Boolean).length <= 2 && !/[“"]/.test(lead) && !/[’']s\b/.test(doc.text.slice(m.end, m.end + 3));
      refs.push({ start: m.start, end: m.end, entity: e, subject });
    }
  }
  refs.sort((a, b) => a.start - b.start);
  const spans = quoteSpans(doc);
  const out: Quote[] = [];
  let prev: { speaker: Entity | null; para: number; end: number } | undefined;
  for (const q of spans) {
    if (!isSpeech(doc, q)) continue;
    let speaker = attribute(doc, q, refs, prev);
    if (speaker === undefined) {
      // A quote with no attribution of its own continues the previous speaker's words when it follows
      // that quote in the same paragraph, or opens the next paragraph.
      const paraStart = doc.paras[q.para]!.start;
      const standalone = doc.text.slice(paraStart, q.open).trim() === '';
      const introduced = standalone && q.para > 0 ? introducedBy(doc, q, refs, prev) : undefined;
      speaker = introduced !== undefined ? introduced : prev && (q.para === prev.para || (standalone && q.para - prev.para <= 1)) ? prev.speaker : null;
    }
    out.push({ speaker: speaker ? speaker.name : null, text: q.text });
    prev = { speaker, para: q.para, end: q.close };
  }
  return out;
}

function quoteSpans(doc: Doc): Span[] {
  const spans: Span[] = [];
  doc.paras.forEach((p, pi) => {
    const s = doc.text.slice(p.start, p.end);
    let i = 0;
    while (i < s.length) {
      const ch = s[i]!;
      let closeAt = -1;
      if (ch === '“' || (ch === '"' && (i === 0 || /[\s([—–-]/.test(s[i - 1]!)))) {
        const closer = ch === '“' ? /[”"]/g : /"/g;
        closer.lastIndex = i + 1;
        const m = closer.exec(s);
        closeAt = m ? m.index : s.length;
      } else if ((ch === '‘' || ch === "'") && (i === 0 || /[\s([—–-]/.test(s[i - 1]!)) && /\p{L}/u.test(s[i + 1] ?? '')) {
        const re = /[’'](?!\p{L})/gu;
        re.lastIndex = i + 1;
        const m = re.exec(s);
        if (!m) { i++; continue; }
        closeAt = m.index;
      }
      if (closeAt > i + 1) {
        const text = s.slice(i + 1, closeAt);
        if (text.trim()) spans.push({ open: p.start + i, close: p.start + closeAt, para: pi, text });
        i = closeAt + 1;
      } else i++;
    }
  });
  return spans;
}

/** Drops names, titles of works and scare quotes: short spans without a speech verb nearby. */
function isSpeech(doc: Doc, q: Span): boolean {
  const before = doc.text.slice(Math.max(0, q.open - 40), q.open);
  if (NAMING_CUES.test(before)) return false;
  const words = q.text.trim().split(/\s+/);
  if (doc.paras[q.para]?.titleCase && words.length < 6) return false;
  if (words.length >= 5) return true;
  const sent = sentenceAround(doc, q);
  SPEECH_RE.lastIndex = 0;
  const hasVerb = SPEECH_RE.test(doc.text.slice(sent.start, q.open) + ' ' + doc.text.slice(q.close + 1, sent.end));
  if (!hasVerb) return false;
  // Title-case short spans are names even next to a verb ("known as “Puff Daddy”", "said “Operation X”").
  return !(words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w)) && !/[,.!?]$/.test(q.text.trim()));
}

function sentenceAround(doc: Doc, q: Span): { start: number; end: number } {
  const s1 = doc.sentences.find((s) => q.open >= s.start && q.open < s.end);
  const s2 = doc.sentences.find((s) => q.close >= s.start && q.close <= s.end) ?? s1;
  const para = doc.paras[q.para]!;
  return { start: s1?.start ?? para.start, end: Math.max(s2?.end ?? para.end, q.close + 1) };
}

function attribute(doc: Doc, q: Span, refs: Ref[], prev: { speaker: Entity | null; para: number; end: number } | undefined): Entity | null | undefined {
  const sent = sentenceAround(doc, q);
  const para = doc.paras[q.para]!;
  // After the quote: up to the next opening mark or the sentence end.
  let afterEnd = Math.min(sent.end, para.end);
  const nextOpen = doc.text.slice(q.close + 1, afterEnd).search(/[“"]/);
  if (nextOpen >= 0) afterEnd = q.close + 1 + nextOpen;
  const after = doc.text.slice(q.close + 1, afterEnd);
  SPEECH_RE.lastIndex = 0;
  const va = SPEECH_RE.exec(after);
  if (va && va.index < 80) {
    const vAbs = q.close + 1 + va.index;
    const subj = nearestBefore(refs, q.close + 1, vAbs);
    if (subj) return subj.entity;
    const pro = /\b(he|she|it|they|we|i|officials|authorities|\w+)\s*$/i.exec(after.slice(0, va.index))?.[1]?.toLowerCase();
    if (pro && PERSON_PRONOUNS.has(pro)) return resolvePronoun(refs, q.open, prev, 'person', pro);
    if (pro === 'it') return resolvePronoun(refs, q.open, prev, 'organization');
    const obj = refs.find((r) => r.start >= vAbs && r.start < vAbs + 70 && r.start < afterEnd);
    const between = obj ? doc.text.slice(vAbs + va[0].length, obj.start) : '';
    if (obj && !/[.;]/.test(between) && !/\b(?:to|with|at|from|by)\s*$/i.test(between)) return obj.entity;
    const postPro = /^\s*(he|she)\b/i.exec(after.slice(va.index + va[0].length));
    if (postPro) return resolvePronoun(refs, q.open, prev, 'person', postPro[1]!.toLowerCase());
    if (pro && GROUP_SPEAKERS.has(pro)) return null;
    const desc = describedOrg(doc.text.slice(q.close + 1, vAbs + 40), refs, q.open) ?? titled(doc.text.slice(q.close + 1, vAbs), refs);
    if (desc) return desc;
    if (/^\s*,?\s*(?:\w+\s+){0,3}(?:said|says|told|added|wrote)\b/i.test(after) && !/^\s*,?\s*(?:saying|adding)/i.test(after)) return null;
  }
  // Before the quote, within its sentence.
  const before = doc.text.slice(sent.start, q.open);
  const acc = /according to\s+([^,]*?)(?:,|$)/i.exec(before);
  if (acc) {
    const a = sent.start + acc.index; const b = a + acc[0].length;
    const r = [...refs].reverse().find((x) => x.start >= a && x.end <= b);
    if (r) return r.entity;
  }
  let lastVerb: RegExpExecArray | null = null;
  SPEECH_RE.lastIndex = 0;
  for (let m = SPEECH_RE.exec(before); m; m = SPEECH_RE.exec(before)) lastVerb = m;
  if (lastVerb) {
    const vAbs = sent.start + lastVerb.index;
    const people = refs.filter((r) => r.start >= sent.start && r.end <= vAbs);
    const persons = people.filter((r) => r.entity.type === 'person');
    // The sentence subject ("Putin, sitting beside Modi, said …") over a nearer name in an aside.
    const subject = persons[0] && doc.text.slice(sent.start, persons[0].start).split(/\s+/).filter(Boolean).length <= 4 ? persons[0] : undefined;
    const person = subject ?? persons[persons.length - 1];
    if (person) return person.entity;
    const byTitle = titled(doc.text.slice(sent.start, vAbs), refs);
    if (byTitle) return byTitle;
    const pro = /\b(he|she|it|they)\b[^.]*$/i.exec(doc.text.slice(sent.start, vAbs))?.[1]?.toLowerCase();
    if (pro && PERSON_PRONOUNS.has(pro)) return resolvePronoun(refs, q.open, prev, 'person', pro);
    const org = people[people.length - 1];
    if (org) return org.entity;
    if (pro === 'it') return resolvePronoun(refs, q.open, prev, 'organization');
    const desc = describedOrg(doc.text.slice(sent.start, vAbs), refs, sent.start);
    if (desc) return desc;
    return null;
  }
  // "Putin: “…”"
  const colon = /([^.:]+):\s*$/.exec(before);
  if (colon) {
    const r = [...refs].reverse().find((x) => x.start >= sent.start && x.end <= q.open);
    if (r) return r.entity;
  }
  return undefined;
}

/** "the Taoiseach said" → the person introduced with that title. */
function titled(window: string, refs: Ref[]): Entity | undefined {
  const m = /\bthe\s+([\p{L}-]+)\s*(?:[\p{L}-]+\s*)?$/iu.exec(window.trim());
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  for (const r of refs) {
    const t = r.entity.mentions.find((x) => x.title && x.title.toLowerCase().split(/\s+/).includes(word));
    if (t) return r.entity;
  }
  return undefined;
}

/** A paragraph that is only a quote, after a paragraph ending "…, saying:" → that sentence's speaker. */
function introducedBy(doc: Doc, q: Span, refs: Ref[], prev: { speaker: Entity | null; para: number; end: number } | undefined): Entity | null | undefined {
  const p = doc.paras[q.para - 1]!;
  const prevText = doc.text.slice(p.start, p.end);
  if (!/:\s*$/.test(prevText)) return undefined;
  const s = [...doc.sentences].reverse().find((x) => x.para === q.para - 1);
  if (!s) return undefined;
  const fake: Span = { open: p.end, close: p.end, para: q.para - 1, text: q.text };
  return attribute(doc, fake, refs, prev) ?? undefined;
}

function nearestBefore(refs: Ref[], from: number, to: number): Ref | undefined {
  let best: Ref | undefined;
  for (const r of refs) if (r.start >= from && r.end <= to) best = r;
  return best;
}

/** Whether a name can be "he" / "she" (unknown first names fit both). */
function fits(e: Entity, pronoun: string | undefined): boolean {
  if (!pronoun || e.type !== 'person') return true;
  const first = e.name.split(/\s+/)[0]!.toLowerCase();
  const lex = lexicon();
  if (pronoun === 'she' || pronoun === 'her') return !lex.maleNames.has(first);
  if (pronoun === 'he' || pronoun === 'him') return !lex.femaleNames.has(first);
  return true;
}

/**
 * he/she/it → the previous quote's speaker, unless someone else has since been named as a sentence
 * subject; without a previous speaker, the last fitting name before the quote.
 */
function resolvePronoun(refs: Ref[], at: number, prev: { speaker: Entity | null; para: number; end: number } | undefined, type: 'person' | 'organization', pronoun?: string): Entity | null {
  const before = refs.filter((r) => r.end <= at && r.entity.type === type && fits(r.entity, pronoun));
  if (prev?.speaker?.type === type && fits(prev.speaker, pronoun)) {
    const newer = before.filter((r) => r.start > prev.end && r.subject && r.entity !== prev.speaker);
    return newer.length ? newer[newer.length - 1]!.entity : prev.speaker;
  }
  const subjects = before.filter((r) => r.subject);
  return (subjects[subjects.length - 1] ?? before[before.length - 1])?.entity ?? null;
}

/** "the ministry said" → the article's organisation whose name contains "Ministry". */
function describedOrg(window: string, refs: Ref[], at?: number): Entity | undefined {
  const m = /\bthe\s+(?:\w+\s+)?(ministry|agency|department|police|army|military|government|company|court|office|council|commission|committee|bank|foundation|organisation|organization|authority|embassy|kremlin)\b/i.exec(window);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const named = refs.find((r) => r.entity.type === 'organization' && r.entity.name.toLowerCase().includes(word))?.entity;
  if (named || at === undefined) return named;
  // Otherwise the organisation named most recently before (within a few sentences): "The National Weather Service said … the agency said".
  return [...refs].reverse().find((r) => r.entity.type === 'organization' && r.end <= at && at - r.end < 400)?.entity;
}

// Articles for the serve benchmark: real news texts (../shared/bench/stories/dev.jsonl, 121
// crawl-text excerpts of 32 events) multiplied into N distinct articles: lines reordered and
// trimmed, a distinct sentence with numbers added (so no two bodies are identical and
// deduplication keeps them all), spread over 300 outlets, 8 sections and 90 days.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/types.js';

/** ../shared/bench beside the clone (or two levels up from a nested worktree), or $DATELINE_BENCH. */
export function devSetPath(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dirs = process.env.DATELINE_BENCH ? [resolve(process.env.DATELINE_BENCH)] : [resolve(root, '..', 'shared', 'bench'), resolve(root, '..', '..', 'shared', 'bench')];
  const files = dirs.map((d) => join(d, 'stories', 'dev.jsonl'));
  return files.find((f) => existsSync(f)) ?? files[0]!;
}
const FALLBACK = [
  'The central bank held its key interest rate steady on Thursday, citing slowing inflation and a cooling labour market.',
  'Officials said the talks in the capital would continue next week after negotiators failed to agree on a ceasefire.',
  'Rescue teams searched through the rubble after the earthquake struck the region early on Friday morning.',
  'The court sentenced the former minister to seven years in prison for corruption, his lawyers said they would appeal.',
  'Voters went to the polls on Sunday in an election seen as a test for the governing coalition.',
];

export interface PoolText { lines: string[]; title: string; event: string }

export function loadPool(): { pool: PoolText[]; real: boolean } {
  const path = devSetPath();
  if (!existsSync(path)) {
    return { pool: FALLBACK.map((t, i) => ({ lines: [t, ...FALLBACK.filter((_, j) => j !== i)], title: t.split(',')[0]!, event: `f${i}` })), real: false };
  }
  const pool: PoolText[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { text: string; event: string; event_title: string };
    const lines = rec.text.split(/\n+/).map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length > 40 && !/^date \d{4}/.test(l));
    if (lines.length < 2) continue;
    pool.push({ lines, title: rec.event_title.split(/[;:]/)[0]!.trim(), event: rec.event });
  }
  return { pool, real: true };
}

const SECTIONS = ['World', 'Business', 'Politics', 'Technology', 'Science', 'Sport', 'Culture', 'Health'];
const PLACES = ['Geneva', 'Nairobi', 'Lima', 'Osaka', 'Tbilisi', 'Lagos', 'Oslo', 'Hanoi', 'Quito', 'Perth'];
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface BenchArticle {
  url: string; site: string; article: Article;
  /** The dev-set event the text comes from, and the text itself (index in the pool): copies share it. */
  event: string; source: number;
}

export function benchArticle(i: number, pool: PoolText[], random: () => number): BenchArticle {
  const source = Math.floor(random() * pool.length);
  const base = pool[source]!;
  const lines = [...base.lines];
  // Rotate, drop a line now and then, add a distinct sentence.
  const r = Math.floor(random() * lines.length);
  const rotated = [...lines.slice(r), ...lines.slice(0, r)].filter((_, k) => k === 0 || random() > 0.15);
  const extra = `Officials in ${PLACES[i % PLACES.length]} said on day ${i % 97} that ${1000 + (i * 7919) % 90000} people were affected, report ${i}.`;
  rotated.splice(Math.min(2, rotated.length), 0, extra);
  const siteNo = Math.floor(random() * 300);
  const site = `outlet${siteNo}.example`;
  const day = new Date(Date.UTC(2025, 9, 31) - Math.floor(random() * 90 * 86400) * 1000);
  const published = day.toISOString().replace(/\.\d{3}Z$/, siteNo % 3 === 0 ? 'Z' : '+02:00');
  // Outlets' headlines for one event: the event's own line, or the lead's first words.
  const words = rotated[0]!.split(' ');
  const title = (random() < 0.5 ? base.title : words.slice(0, 12).join(' ')).slice(0, 140);
  const text = rotated.join('\n\n');
  return {
    url: `https://${site}/${SECTIONS[i % SECTIONS.length]!.toLowerCase()}/${i}`,
    site,
    event: base.event,
    source,
    article: {
      url: `https://${site}/${SECTIONS[i % SECTIONS.length]!.toLowerCase()}/${i}`,
      title, description: rotated[0]!.slice(0, 200), authors: [`Reporter ${siteNo % 50}`], published,
      section: SECTIONS[(siteNo + i) % SECTIONS.length], tags: [], siteName: `Outlet ${siteNo}`, language: 'en',
      image: `https://${site}/images/${i}.jpg`,
      text, markdown: text, html: rotated.map((l) => `<p>${esc(l)}</p>`).join('\n'),
      wordCount: text.split(/\s+/).length, warnings: [],
    },
  };
}

/** Typical searches: words, phrases, prefixes, boolean operators, some with filters. */
export function benchQueries(pool: PoolText[], random: () => number, n = 100): string[] {
  // Words of one text, so two-word queries usually match something, as real ones do.
  const vocabOf = (p: PoolText): string[] => [...new Set(p.lines.join(' ').toLowerCase().match(/\b[a-z]{6,12}\b/g) ?? [])];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = pool[Math.floor(random() * pool.length)]!;
    const vocab = vocabOf(text);
    const pick = (): string => vocab[Math.floor(random() * vocab.length)] ?? 'president';
    const kind = i % 5;
    const q = kind === 0 ? pick()
      : kind === 1 ? `${pick()} ${pick()}`
      : kind === 2 ? `"${text.lines[0]!.split(' ').slice(2, 4).join(' ').replace(/["*()]/g, '')}"`
      : kind === 3 ? `${pick().slice(0, 5)}*`
      : `${pick()} OR ${pick()}`;
    const filter = i % 4 === 0 ? `&site=outlet${i % 300}.example` : i % 4 === 1 ? '&since=2025-10-01' : '';
    out.push(`q=${encodeURIComponent(q)}${filter}`);
  }
  return out;
}

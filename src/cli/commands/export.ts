// `dateline export`: articles as JSONL (the format 'dateline ingest' reads back) or CSV.
import type { StoredArticle } from '../../types.js';
import { asUsage, DB_HELP, DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filtersFrom, oneOf, openExisting, parse } from '../archive-options.js';
import { EXIT } from '../errors.js';

const HELP = `Usage: dateline export [options]

Options:
${DB_HELP}
${FILTER_HELP}
  --format F         jsonl (default; re-ingestable: url, text, title, published, site, …) or csv
  --raw              jsonl records carry the stored raw page as "html" (or "text") instead of the
                     extracted text, so re-ingesting re-extracts from the original
  -h, --help         show this help
`;

function record(a: StoredArticle): Record<string, unknown> {
  return {
    id: a.id, url: a.url, site: a.site, title: a.title, published: a.published, modified: a.modified, description: a.description,
    authors: a.authors.length ? a.authors : undefined, section: a.section, tags: a.tags.length ? a.tags : undefined, language: a.language,
    image: a.image, siteName: a.siteName, canonicalUrl: a.canonicalUrl, fetchedAt: a.fetchedAt, wordCount: a.wordCount,
    storyId: a.storyId, duplicateGroup: a.duplicateGroup, text: a.text,
  };
}

const CSV_COLUMNS = ['id', 'url', 'site', 'title', 'published', 'section', 'language', 'authors', 'description', 'wordCount', 'text'] as const;

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function write(s: string): Promise<void> {
  if (!process.stdout.write(s)) await new Promise((r) => process.stdout.once('drain', r));
}

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { ...DB_OPTION, ...FILTER_OPTIONS, format: { type: 'string' }, raw: { type: 'boolean' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const format = oneOf(v.format, ['jsonl', 'csv'] as const, 'format', 'jsonl');
  const archive = openExisting(v.db);
  try {
    const filters = filtersFrom(v);
    asUsage(() => archive.listArticles(filters, undefined, 1));
    if (format === 'csv') await write(`${CSV_COLUMNS.join(',')}\n`);
    for (const a of archive.iterateArticles(filters)) {
      if (format === 'csv') {
        const r = record(a);
        await write(`${CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')}\n`);
        continue;
      }
      const r = record(a);
      if (v.raw) {
        const raw = archive.rawPageOf(a.id);
        if (raw) {
          delete r.text;
          r[raw.kind === 'text' ? 'text' : 'html'] = raw.body.toString('utf8');
        }
      }
      await write(`${JSON.stringify(r)}\n`);
    }
    return EXIT.ok;
  } finally {
    archive.close();
  }
}

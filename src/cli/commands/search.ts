// `dateline search QUERY`: full-text search of the archive, best first.
import { asUsage, DB_HELP, DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filtersFrom, oneOf, openExisting, parse, positiveInt } from '../archive-options.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline search [options] QUERY

QUERY: words (all must match), "exact phrases", prefix*, OR, NOT / -word, (parentheses),
title:word to search headlines only. Ranked by BM25 over title, description and body.

Options:
${DB_HELP}
${FILTER_HELP}
  --limit N          results per page (default 20)
  --cursor C         the next page (the 'next' value of the previous JSON page)
  --format F         table (default), jsonl (one hit per line: id, url, title, published, snippet, …), json
  -h, --help         show this help

Exit status: 0 with results, 1 with none, 2 usage error.
`;

function plain(snippet: string): string {
  return snippet.replace(/<mark>/g, '\x1b[1m').replace(/<\/mark>/g, '\x1b[0m')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, { ...DB_OPTION, ...FILTER_OPTIONS, limit: { type: 'string' }, cursor: { type: 'string' }, format: { type: 'string' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError(`no QUERY given\n\n${HELP}`);
  const format = oneOf(v.format, ['table', 'jsonl', 'json'] as const, 'format', 'table');
  const limit = positiveInt(v.limit, 'limit') ?? 20;
  const archive = openExisting(v.db);
  try {
    const page = asUsage(() => archive.search(query, filtersFrom(v), v.cursor, limit));
    if (format === 'json') process.stdout.write(`${JSON.stringify({ results: page.items, ...(page.next ? { next: page.next } : {}) })}\n`);
    else if (format === 'jsonl') {
      for (const h of page.items) process.stdout.write(`${JSON.stringify({ id: h.id, url: h.url, title: h.title ?? null, published: h.published ?? null, snippet: h.snippet, site: h.site, score: h.score })}\n`);
    } else {
      const tty = process.stdout.isTTY === true;
      for (const h of page.items) {
        const date = h.published ? h.published.slice(0, 10) : '          ';
        process.stdout.write(`${String(h.id).padStart(6)}  ${date}  ${h.site}  ${h.title ?? '(no title)'}\n`);
        const snip = plain(h.snippet);
        process.stdout.write(`        ${tty ? snip : snip.replace(/\x1b\[[01]m/g, '')}\n`);
      }
      if (!page.items.length) process.stderr.write('no matches\n');
      else if (page.next) process.stderr.write(`more results: --cursor ${page.next}\n`);
    }
    return page.items.length ? EXIT.ok : EXIT.failure;
  } finally {
    archive.close();
  }
}

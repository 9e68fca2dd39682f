// `dateline entity ID|NAME`: one entity's articles over time, its quotes and the names it appears with.
import { entityDetail, findEntity, migrateEnrich } from '../../enrich/store.js';
import { DB_HELP, DB_OPTION, oneOf, openExisting, parse, positiveInt } from '../archive-options.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline entity [options] ID|NAME

Shows one entity: its articles (newest first, with their story ids), its quotes and the
entities that appear with it. NAME may be any spelling or a bare surname ("al-Sharaa").

Options:
${DB_HELP}
  --limit N          articles and quotes to show (default 50)
  --format F         text (default) or json
  -h, --help         show this help

Exit status: 0 found, 1 no such entity, 2 usage error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, { ...DB_OPTION, limit: { type: 'string' }, format: { type: 'string' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError(`give an entity id or name\n\n${HELP}`);
  const format = oneOf(v.format, ['text', 'json'] as const, 'format', 'text');
  const archive = openExisting(v.db);
  try {
    migrateEnrich(archive.db);
    const e = findEntity(archive.db, query);
    if (!e) { process.stderr.write(`dateline: no entity matches '${query}' (try 'dateline entities')\n`); return EXIT.failure; }
    const d = entityDetail(archive.db, e, positiveInt(v.limit, 'limit') ?? 50);
    if (format === 'json') { process.stdout.write(`${JSON.stringify(d)}\n`); return EXIT.ok; }
    const out: string[] = [`${d.name}  [${d.type}, id ${d.id}, key ${d.key}]${d.country ? `  ${d.country}${d.lat !== undefined ? ` ${d.lat},${d.lon}` : ''}` : ''}`, `${d.articles} articles, ${d.quotes} quotes`, '', 'Articles:'];
    for (const a of d.timeline) out.push(`  ${(a.published ?? '').slice(0, 10).padEnd(10)}  #${a.articleId}${a.storyId !== undefined ? ` story ${a.storyId}` : ''}  ${a.title ?? a.url}`);
    if (d.quoteList.length) out.push('', 'Quotes:');
    for (const q of d.quoteList) out.push(`  ${(q.published ?? '').slice(0, 10).padEnd(10)}  “${q.text}”  (#${q.articleId})`);
    if (d.related.length) out.push('', `Appears with: ${d.related.map((r) => `${r.name} (${r.together})`).join(', ')}`);
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    archive.close();
  }
  return EXIT.ok;
}

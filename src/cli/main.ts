#!/usr/bin/env node
// `dateline` entry point: dispatches to one module per command under ./commands.
// Commands load lazily so `dateline extract` does not pay for SQLite or the web server.
import { UsageError, EXIT } from './errors.js';

interface CommandEntry {
  summary: string;
  load: () => Promise<{ run(argv: string[]): Promise<number> }>;
}

// One line per command. Keep summaries short: they are the `dateline --help` listing.
const COMMANDS: Record<string, CommandEntry> = {
  extract: { summary: 'extract articles from HTML or crawl-text files, URLs or stdin', load: () => import('./commands/extract.js') },
  ingest: { summary: 'archive pages from files, folders, JSONL, WARC/WET, URLs, feeds and sitemaps', load: () => import('./commands/ingest.js') },
  search: { summary: 'full-text search of the archive', load: () => import('./commands/search.js') },
  show: { summary: 'show one archived article by id or URL', load: () => import('./commands/show.js') },
  export: { summary: 'export archived articles as JSONL or CSV', load: () => import('./commands/export.js') },
  stats: { summary: 'what the archive holds', load: () => import('./commands/stats.js') },
  failures: { summary: 'inputs that could not be ingested, with reasons', load: () => import('./commands/failures.js') },
  reextract: { summary: 're-run extraction over the raw pages in the archive', load: () => import('./commands/reextract.js') },
  entities: { summary: 'people, organisations and places named in the archive', load: () => import('./commands/entities.js') },
  entity: { summary: 'one entity: its articles over time, quotes, co-occurring names', load: () => import('./commands/entity.js') },
  quotes: { summary: 'quotes with their speakers, newest first', load: () => import('./commands/quotes.js') },
  reenrich: { summary: 're-run enrichment (names, places, quotes, dates) over stored articles', load: () => import('./commands/reenrich.js') },
  stories: { summary: 'stories: every outlet\'s coverage of one event, grouped', load: () => import('./commands/stories.js') },
  story: { summary: 'one story with its articles, outlets, names and copies', load: () => import('./commands/story.js') },
  recluster: { summary: 'rebuild stories and duplicate groups from scratch', load: () => import('./commands/recluster.js') },
  serve: { summary: 'serve the archive as a web app and a JSON API', load: () => import('./commands/serve.js') },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: dateline <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'dateline <command> --help' for a command's options.\n`;
}

// `dateline … | head` closes the pipe early: the reader has what it wanted, so stop quietly
// instead of dying with an unhandled EPIPE stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
  throw e;
});

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-V') {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`dateline: unknown command '${name}'\n\n${usage()}`);
    return EXIT.usage;
  }
  const mod = await cmd.load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`dateline: ${err.message}\n`);
      process.exitCode = EXIT.usage;
    } else {
      // An unexpected failure: one clear line, the stack only when asked for.
      const msg = err instanceof Error ? err.message : String(err);
      process.stderr.write(`dateline: ${msg}\n`);
      if (process.env.DATELINE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
      process.exitCode = EXIT.failure;
    }
  },
);

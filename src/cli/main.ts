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
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: dateline <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'dateline <command> --help' for a command's options.\n`;
}

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

// The User-Agent every Dateline request sends: who we are and where to read about us,
// so a site owner who sees us in their logs can find out what we do.
import { readFileSync } from 'node:fs';

function version(): string {
  try {
    // dist/ingest/user-agent.js and src/ingest/user-agent.ts both sit two levels below package.json.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0';
  } catch {
    return '0';
  }
}

export const DATELINE_VERSION = version();
export const DEFAULT_USER_AGENT = `Dateline/${DATELINE_VERSION} (+https://github.com/dateline-news/dateline)`;

// Turning the command line into a list of inputs: files, folders, `-`, URLs and manifest entries.
// Everything here is cheap and synchronous; reading the bytes happens later (read-input.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

export type InputSource =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'url'; url: string };

export interface InputItem {
  /** How the input is named in output lines: `{"file": …}` or `{"url": …}` — as the user gave it. */
  label: { file: string } | { url: string };
  source: InputSource;
  /** The page's original address (from --url or a manifest), for local inputs. */
  url?: string;
  /** Publication time known from outside the page (manifest `published`). */
  published?: string;
}

export interface CollectedInputs {
  items: InputItem[];
  /** True when a folder or manifest was expanded (the default output is then JSONL even for one item). */
  expanded: boolean;
}

const PAGE_FILE = /\.(html?|xhtml|txt)(\.gz)?$/i;

export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** Positional arguments and manifests → input items, in the order given. */
export function collectInputs(positionals: string[], manifests: string[]): CollectedInputs {
  const items: InputItem[] = [];
  let expanded = false;
  let stdinSeen = false;
  for (const arg of positionals) {
    if (arg === '-') {
      if (stdinSeen) throw new UsageError("'-' (stdin) can be given only once");
      stdinSeen = true;
      items.push({ label: { file: '-' }, source: { kind: 'stdin' } });
    } else if (isUrl(arg)) {
      items.push({ label: { url: arg }, source: { kind: 'url', url: arg } });
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
      throw new UsageError(`cannot read '${arg}': only http and https URLs are supported`);
    } else if (isDirectory(arg)) {
      expanded = true;
      for (const file of listPages(arg)) items.push({ label: { file }, source: { kind: 'file', path: file } });
    } else {
      // Missing files are not a usage error: they become an ENOENT line and the batch goes on.
      items.push({ label: { file: arg }, source: { kind: 'file', path: arg } });
    }
  }
  for (const m of manifests) {
    expanded = true;
    items.push(...readManifest(m));
  }
  return { items, expanded };
}

function isDirectory(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

/**
 * Page files under a folder, recursively, sorted by path; hidden entries skipped. Symlinked files
 * are followed, symlinked folders are not (no cycles). Unreadable folders are reported on stderr
 * and skipped: one locked sub-folder must not sink a whole batch.
 */
export function listPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      process.stderr.write(`dateline: skipping folder ${d}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (PAGE_FILE.test(e.name) && (e.isFile() || (e.isSymbolicLink() && isFile(p)))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function isFile(p: string): boolean {
  try { return statSync(p).isFile(); } catch { return false; }
}

interface ManifestLine {
  file?: unknown;
  url?: unknown;
  published?: unknown;
}

/**
 * A manifest is JSONL: `{"file": "pages/a.html.gz", "url": "https://…", "published"?: "…"}` per line,
 * file paths relative to the manifest's folder. A line with only `url` fetches that URL.
 * A malformed manifest is a usage error (exit 2): it is the command line that is wrong.
 */
export function readManifest(path: string): InputItem[] {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) {
    throw new UsageError(`cannot read manifest ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const base = dirname(resolve(path));
  const items: InputItem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let rec: ManifestLine;
    try { rec = JSON.parse(line) as ManifestLine; } catch {
      throw new UsageError(`${path}:${i + 1}: not a JSON object; each manifest line must look like {"file": "page.html", "url": "https://…"}`);
    }
    if (typeof rec !== 'object' || rec === null) throw new UsageError(`${path}:${i + 1}: expected a JSON object`);
    const url = typeof rec.url === 'string' && rec.url ? rec.url : undefined;
    const published = typeof rec.published === 'string' && rec.published ? rec.published : undefined;
    if (typeof rec.file === 'string' && rec.file) {
      const item: InputItem = { label: { file: rec.file }, source: { kind: 'file', path: resolve(base, rec.file) } };
      if (url) item.url = url;
      if (published) item.published = published;
      items.push(item);
    } else if (url) {
      if (!isUrl(url)) throw new UsageError(`${path}:${i + 1}: "url" must be http(s) when there is no "file"`);
      const item: InputItem = { label: { url }, source: { kind: 'url', url } };
      if (published) item.published = published;
      items.push(item);
    } else {
      throw new UsageError(`${path}:${i + 1}: a manifest line needs "file" (and usually "url")`);
    }
  });
  return items;
}

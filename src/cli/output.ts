// Output formats for `dateline extract` and a stdout writer that respects back-pressure and
// stops quietly when the reader goes away (`dateline extract … | head`).
import type { Article } from '../types.js';
import { escapeHtml } from '../extract/render.js';

export const FORMATS = ['json', 'jsonl', 'text', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export type Label = { file: string } | { url: string };

export interface ErrorInfo {
  code: string;
  message: string;
  status?: number;
}

/** One output record: where it came from, then the Article fields (or the error). */
export function recordFor(label: Label, article: Article, finalUrl?: string): Record<string, unknown> {
  if ('url' in label) {
    // A fetched page: `url` is what was asked for; the Article's own url (after redirects) becomes finalUrl.
    const { url: fetchedFrom, ...rest } = article;
    const final = finalUrl ?? fetchedFrom;
    return { url: label.url, ...(final && final !== label.url ? { finalUrl: final } : {}), ...rest };
  }
  return { file: label.file, ...article };
}

export function errorRecord(label: Label, error: ErrorInfo): Record<string, unknown> {
  return { ...label, error };
}

export function labelText(label: Label): string {
  return 'url' in label ? label.url : label.file;
}

/** Text renderings: the body, with the title as a heading in markdown and html. */
export function renderArticle(format: 'text' | 'markdown' | 'html', a: Article): string {
  if (format === 'text') return ensureNewline(a.text);
  if (format === 'markdown') return ensureNewline(a.title ? `# ${a.title.replace(/\s+/g, ' ')}\n\n${a.markdown}` : a.markdown);
  return ensureNewline(a.title ? `<h1>${escapeHtml(a.title)}</h1>\n${a.html}` : a.html);
}

/** Separator printed before each item when several go to one text stream (like `tail`). */
export function separator(format: 'text' | 'markdown' | 'html', label: Label, first: boolean): string {
  const name = labelText(label);
  const gap = first ? '' : '\n';
  return format === 'text' ? `${gap}==> ${name} <==\n` : `${gap}<!-- ${name.replace(/--/g, '- -')} -->\n`;
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') || s === '' ? s : `${s}\n`;
}

/** Writes to stdout; `write` resolves when the stream can take more. Stops silently on EPIPE. */
export class StdoutWriter {
  closed = false;
  constructor(private readonly out: NodeJS.WriteStream = process.stdout) {
    out.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') this.closed = true;
      else throw e;
    });
  }

  async write(s: string): Promise<void> {
    if (this.closed || !s) return;
    if (!this.out.write(s)) {
      await new Promise<void>((resolve) => {
        const done = () => { this.out.off('drain', done); this.out.off('close', done); resolve(); };
        this.out.on('drain', done);
        this.out.on('close', done);
      });
    }
  }

  /** Resolves when everything written so far has been flushed. */
  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => this.out.write('', () => resolve()));
  }
}

// HTML or crawl text? A content-type says so when it is specific; otherwise look for markup.
import type { InputKind } from '../types.js';

/** `source` may be the page in pieces (see decode.ts); only its first 64 K characters are read. */
export function detectKind(source: string | readonly string[], contentType?: string): InputKind {
  const ct = contentType?.toLowerCase() ?? '';
  if (ct.includes('html') || ct.includes('xml')) return 'html';
  const head = prefix(source, 4096).slice(0, 4096).trimStart();
  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|\?xml)/i.test(head)) return 'html';
  // Text with a few stray tags (crawl text sometimes keeps a literal <p>) stays text:
  // count structural tags rather than any '<'.
  const sample = prefix(source, 65536).slice(0, 65536);
  const tags = sample.match(/<\/?(html|head|body|div|p|span|a|meta|script|link|section|article|table|li|ul|br|img|h[1-6])\b[^>]*>/gi)?.length ?? 0;
  const lines = sample.split('\n').length;
  return tags >= 5 && tags * 4 >= Math.min(lines, 200) / 4 ? 'html' : 'text';
}

/** At least the first `n` characters of `source` (all of it when shorter), joining as few pieces as possible. */
function prefix(source: string | readonly string[], n: number): string {
  if (typeof source === 'string') return source;
  let out = '';
  for (const piece of source) {
    if (out.length >= n) break;
    out += piece;
  }
  return out;
}

// HTML or crawl text? A content-type says so when it is specific; otherwise look for markup.
import type { InputKind } from '../types.js';

export function detectKind(source: string, contentType?: string): InputKind {
  const ct = contentType?.toLowerCase() ?? '';
  if (ct.includes('html') || ct.includes('xml')) return 'html';
  const head = source.slice(0, 4096).trimStart();
  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|\?xml)/i.test(head)) return 'html';
  // Text with a few stray tags (crawl text sometimes keeps a literal <p>) stays text:
  // count structural tags rather than any '<'.
  const sample = source.slice(0, 65536);
  const tags = sample.match(/<\/?(html|head|body|div|p|span|a|meta|script|link|section|article|table|li|ul|br|img|h[1-6])\b[^>]*>/gi)?.length ?? 0;
  const lines = sample.split('\n').length;
  return tags >= 5 && tags * 4 >= Math.min(lines, 200) / 4 ? 'html' : 'text';
}

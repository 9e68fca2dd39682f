// Public API of the extraction stage: one page (HTML or crawl text) in, one Article out.
import type { Article, ExtractOptions, ExtractWarning, InputKind } from '../types.js';
import { makeContext } from './context.js';
import { decodeBytes } from './decode.js';
import { parseHtml } from './dom.js';
import { limitNesting, nestsTooDeep } from './flatten.js';
import { extractBody } from './html/index.js';
import { extractMetadata } from './meta/index.js';
import { extractFromText } from './text/index.js';

export type { Article, ExtractOptions, ExtractWarning, InputKind } from '../types.js';
export { detectKind } from './detect.js';
import { detectKind } from './detect.js';

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/** Charsets whose bytes for `<`, `>` and `/` are not the ASCII ones (nestsTooDeep cannot scan them). */
const NOT_ASCII_COMPATIBLE = new Set(['utf-16le', 'utf-16be', 'iso-2022-jp']);

const whole = (chunks: readonly string[]): string => (chunks.length === 1 ? chunks[0]! : chunks.join(''));

/**
 * Extract a structured article from a page. Synchronous and pure: no I/O, bounded time.
 * `input` may be bytes (decoded by BOM / valid UTF-8 / declared charset / windows-1252)
 * or an already-decoded string.
 */
export function extract(input: string | Uint8Array, options: ExtractOptions = {}): Article {
  const warnings: ExtractWarning[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // The page stays in pieces (decode.ts says why) unless a step needs it whole.
  let chunks: string[];
  /** Undecoded bytes to scan for deep nesting when their charset is ASCII-compatible. */
  let scanBytes: Uint8Array | undefined;
  if (typeof input === 'string') {
    let source = input;
    if (source.length > maxBytes) {
      source = source.slice(0, maxBytes);
      warnings.push({ code: 'input-truncated', message: `input longer than ${maxBytes} characters; the rest was ignored` });
    }
    chunks = [source];
  } else {
    let bytes = input;
    if (bytes.length > maxBytes) {
      bytes = bytes.subarray(0, maxBytes);
      warnings.push({ code: 'input-truncated', message: `input larger than ${maxBytes} bytes; the rest was ignored` });
    }
    const decoded = decodeBytes(bytes, options.contentType, warnings);
    if (decoded.binary) {
      warnings.push({ code: 'binary-input', message: `input is ${decoded.binary}, not a page` });
      return emptyArticle(options, warnings);
    }
    chunks = decoded.chunks;
    if (!NOT_ASCII_COMPATIBLE.has(decoded.charset)) scanBytes = bytes;
  }
  if (chunks[0]?.charCodeAt(0) === 0xfeff) chunks[0] = chunks[0].slice(1);
  if (!chunks.some((c) => /\S/.test(c))) {
    warnings.push({ code: 'empty-input', message: 'input is empty' });
    return emptyArticle(options, warnings);
  }

  const ctx = makeContext(options, warnings);
  const kind: InputKind = options.kind ?? detectKind(chunks, options.contentType);
  if (kind === 'text') return finish(extractFromText(whole(chunks), ctx), options, warnings);

  if (scanBytes ? nestsTooDeep(scanBytes) : chunks.length > 1 || chunks[0]!.length >= 5000) {
    const nested = limitNesting(whole(chunks));
    if (nested.flattened) warnings.push({ code: 'deep-nesting', message: 'markup nested more than 1000 levels deep; the deepest tags were ignored' });
    chunks = [nested.html];
  }
  const doc = parseHtml(chunks);
  const meta = extractMetadata(doc, ctx);
  const body = extractBody(doc, ctx, meta);
  const article: Article = { ...meta, ...body, authors: meta.authors ?? [], tags: meta.tags ?? [], warnings };
  return finish(article, options, warnings);
}

function finish(article: Article, options: ExtractOptions, warnings: ExtractWarning[]): Article {
  if (options.url && !article.url) article.url = options.url;
  if (!article.published && options.published) article.published = options.published;
  if (!article.text.trim() && !warnings.some((w) => w.code === 'no-main-content')) {
    warnings.push({ code: 'no-main-content', message: 'no article text was found on the page' });
  }
  article.warnings = warnings;
  return dropUndefined(article);
}

function emptyArticle(options: ExtractOptions, warnings: ExtractWarning[]): Article {
  const a: Article = { authors: [], tags: [], text: '', markdown: '', html: '', wordCount: 0, warnings };
  if (options.url) a.url = options.url;
  if (options.published) a.published = options.published;
  return a;
}

function dropUndefined(a: Article): Article {
  for (const k of Object.keys(a) as Array<keyof Article>) {
    if (a[k] === undefined || a[k] === '' && k !== 'text' && k !== 'markdown' && k !== 'html') delete a[k];
  }
  return a;
}

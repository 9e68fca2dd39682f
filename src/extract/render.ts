// Plain paragraphs → the three body renderings (text, Markdown, safe HTML). Used where the
// body is known only as text (crawl text); the HTML path renders its own richer blocks.

export interface BodyOutputs {
  text: string;
  markdown: string;
  html: string;
  wordCount: number;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Characters that would start Markdown syntax at the beginning of a line or inline. */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/^(\s*)([#>+-]|\d+\.)(\s)/, '$1\\$2$3');
}

/**
 * Word count that does not depend on spaces: CJK/Thai/Japanese characters count one each,
 * other scripts count runs of letters/digits.
 */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu)?.length ?? 0;
  const rest = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu, ' ');
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu)?.length ?? 0;
  return cjk + words;
}

export function renderParagraphs(paragraphs: string[]): BodyOutputs {
  const paras = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const text = paras.join('\n\n');
  return {
    text,
    markdown: paras.map(escapeMarkdown).join('\n\n'),
    html: paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    wordCount: countWords(text),
  };
}

// Allowlist sanitiser for HTML we did not write. The extractor already emits safe, minimal HTML,
// but the archive may hold rows written by older extractors or other tools, so the server cleans
// it again on output (defence in depth). One streaming pass with htmlparser2: allowed elements
// are re-serialised with allowed attributes only, everything else is dropped (its text kept,
// except inside elements whose content is code or chrome), and the output is always balanced so
// a stray `</div>` or an unclosed `<table>` in an article cannot break the page around it.
import { Parser } from 'htmlparser2';
import { esc, safeHttpUrl } from './html.js';

export interface SanitizePolicy {
  /** Allowed element → allowed attributes. */
  elements: ReadonlyMap<string, readonly string[]>;
  /** Elements renamed on the way (h1 → h2: the page already has its own h1). */
  rename?: ReadonlyMap<string, string>;
}

// Markers on the input stack (never valid element names).
const SKIP = '#skip';
const DROP = '#drop';
const VOID = new Set(['br', 'img']);
/** Elements whose content is never shown as text. */
const DROP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'select', 'title', 'head', 'frameset', 'noembed', 'noframes', 'xmp', 'plaintext', 'canvas', 'audio', 'video', 'button', 'form']);

const BODY_ELEMENTS: [string, string[]][] = [
  ['p', []], ['h2', []], ['h3', []], ['h4', []], ['h5', []], ['h6', []],
  ['ul', []], ['ol', []], ['li', []], ['blockquote', []], ['pre', []], ['code', []],
  ['figure', []], ['img', ['src', 'alt']], ['figcaption', []],
  ['table', []], ['caption', []], ['thead', []], ['tbody', []], ['tfoot', []], ['tr', []], ['th', []], ['td', []],
  ['a', ['href']], ['em', []], ['strong', []], ['br', []],
];

/** The article body policy (issue 5): block text, lists, quotes, code, figures, tables, http(s) links. */
export const BODY_POLICY: SanitizePolicy = {
  elements: new Map(BODY_ELEMENTS),
  rename: new Map([['h1', 'h2'], ['b', 'strong'], ['i', 'em']]),
};

/** Search snippets: text plus `<mark>` only. */
export const SNIPPET_POLICY: SanitizePolicy = { elements: new Map([['mark', []]]) };

export interface SanitizeOptions {
  /** Base for relative links and image sources (the article's URL); without it they are dropped. */
  baseUrl?: string;
}

export function sanitizeHtml(input: string, policy: SanitizePolicy = BODY_POLICY, options: SanitizeOptions = {}): string {
  const out: string[] = [];
  const open: string[] = []; // allowed elements currently open in the output
  // Per open input element: the output name it produced, SKIP (tag dropped, text kept) or DROP
  // (tag and content dropped), so each close tag undoes exactly what its open tag did.
  const inputStack: string[] = [];
  let dropDepth = 0; // > 0 while inside an element whose content is dropped

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (dropDepth > 0 || DROP_CONTENT.has(name)) {
          if (!VOID.has(name)) { dropDepth++; inputStack.push(DROP); }
          return;
        }
        const target = policy.rename?.get(name) ?? name;
        const allowed = policy.elements.get(target);
        if (!allowed) { if (!VOID.has(name)) inputStack.push(SKIP); return; }
        let attrs = '';
        for (const attr of allowed) {
          const value = attribs[attr];
          if (value === undefined) continue;
          if (attr === 'href' || attr === 'src') {
            const url = safeHttpUrl(value, options.baseUrl);
            if (url) attrs += ` ${attr}="${esc(url)}"`;
          } else {
            attrs += ` ${attr}="${esc(value)}"`;
          }
        }
        if (target === 'img') {
          // An image without a usable source is dropped; its alt text stays readable.
          if (!attrs.includes(' src=')) { if (attribs.alt) out.push(esc(attribs.alt)); return; }
          attrs += ' loading="lazy" referrerpolicy="no-referrer"';
          if (!attrs.includes(' alt=')) attrs += ' alt=""';
        }
        if (target === 'a') {
          if (!attrs.includes(' href=')) { inputStack.push(SKIP); return; }
          attrs += ' rel="nofollow noopener noreferrer ugc"';
        }
        out.push(`<${target}${attrs}>`);
        if (VOID.has(target)) return;
        open.push(target);
        inputStack.push(target);
      },
      ontext(text) {
        if (dropDepth === 0) out.push(esc(text));
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        // htmlparser2 reports close tags only for elements it opened (implied or explicit), innermost first.
        const produced = inputStack.pop();
        if (produced === undefined || produced === SKIP) return;
        if (produced === DROP) { dropDepth--; return; }
        // Close everything opened after this element, then the element itself.
        const at = open.lastIndexOf(produced);
        if (at < 0) return;
        while (open.length > at) out.push(`</${open.pop()!}>`);
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true, recognizeSelfClosing: false },
  );
  parser.write(input);
  parser.end();
  while (open.length) out.push(`</${open.pop()!}>`);
  return dropEmpty(out.join(''));
}

const EMPTY = /<(p|h[2-6]|li|blockquote|figcaption|strong|em|code|pre|caption|mark)>\s*<\/\1>/g;

/** Elements left empty once their unsafe content is gone (`<p><script>…</script></p>`) would show as gaps. */
function dropEmpty(markup: string): string {
  let prev: string;
  do { prev = markup; markup = markup.replace(EMPTY, ''); } while (markup !== prev);
  return markup;
}

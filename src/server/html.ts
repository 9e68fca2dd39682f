// HTML output helpers. Every page is built with the `html` tagged template, which escapes each
// interpolated value unless it is already SafeHtml — so forgetting to escape is not possible by
// accident, and the few places that emit markup (the sanitised body, snippets) are explicit.

/** A string that is known to be safe HTML (escaped or sanitised). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}

const ESCAPES: Record<string, string | undefined> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

const SPECIAL = /[&<>"'`]/;

/** Escapes text for element content and quoted attribute values. */
export function esc(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  const s = String(value);
  // Most values (ids, hosts, dates, many headlines) need nothing: one scan, no copy. Otherwise
  // one pass that copies the runs between special characters (a replace() callback per
  // character cost a call each; pages escape a few hundred values).
  const first = s.search(SPECIAL);
  if (first < 0) return s;
  let out = s.slice(0, first);
  let from = first;
  for (let i = first; i < s.length; i++) {
    const e = ESCAPES[s[i]!];
    if (e === undefined) continue;
    if (i > from) out += s.slice(from, i);
    out += e;
    from = i + 1;
  }
  return from < s.length ? out + s.slice(from) : out;
}

export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function part(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return esc(value);
}

/** Tagged template: `html\`<p>${userText}</p>\`` escapes userText; SafeHtml and arrays of it pass through. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * The URL if it is an absolute http(s) address, else undefined: data from pages goes into href/src
 * only through here, so `javascript:`, `data:` and friends never reach an attribute.
 */
export function safeHttpUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  // The URL parser drops tabs and newlines anywhere ("java\tscript:") and C0 controls at the ends;
  // do the same before looking at the scheme, and refuse any other control character.
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (/[\u0000-\u001f\u007f]/.test(cleaned)) return undefined;
  try {
    const u = base ? new URL(cleaned, base) : new URL(cleaned);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (u.username || u.password) return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

// HTML output helpers. Every page is built with the `html` tagged template, which escapes each
// interpolated value unless it is already SafeHtml — so forgetting to escape is not possible by
// accident, and the few places that emit markup (the sanitised body, snippets) are explicit.

/** A string that is known to be safe HTML (escaped or sanitised). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
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

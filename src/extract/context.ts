// Per-call state shared by the extraction steps: the base URL, the timezone hint and the
// warnings list that every step appends to.
import type { ExtractOptions, ExtractWarning } from '../types.js';

export interface ExtractContext {
  /** Parsed `options.url`, when it is a valid absolute URL. */
  url?: URL;
  /** IANA zone or `±HH:MM` offset for local times without an offset (options.timezone). */
  timezone?: string;
  /** Publication time known from outside the page. */
  published?: string;
  warnings: ExtractWarning[];
}

export function makeContext(options: ExtractOptions, warnings: ExtractWarning[]): ExtractContext {
  const ctx: ExtractContext = { warnings };
  if (options.url) {
    try {
      ctx.url = new URL(options.url);
    } catch {
      warnings.push({ code: 'bad-url', message: `options.url is not an absolute URL: ${options.url}` });
    }
  }
  if (options.timezone) ctx.timezone = options.timezone;
  if (options.published) ctx.published = options.published;
  return ctx;
}

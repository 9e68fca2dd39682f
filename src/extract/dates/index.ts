// Date strings as pages write them → ISO 8601. Shared by the HTML metadata and the crawl-text paths.
// ISO 8601, Unix timestamps, and dates written in words or numbers in many languages (see scan.ts).
import { normalizeOffset, scanDates, type FoundDate, type ScanOptions } from './scan.js';

export { scanDates, type FoundDate, type ScanOptions } from './scan.js';

export interface DateParseOptions {
  /** IANA zone or ±HH:MM applied to local times that carry no offset. */
  timezone?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Earliest plausible publication date of a web page. */
export const MIN_YEAR = 1995;

export function isPlausibleDay(y: number, m: number, d: number, now = new Date()): boolean {
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return false;
  return dt.getTime() <= now.getTime() + 36 * 3600 * 1000;
}

// Intl.DateTimeFormat construction is costly (ICU zone lookup) and pages call these per date
// candidate: one formatter per zone, kept. A zone Intl rejects throws again on every call, as before.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const localFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(cache: Map<string, Intl.DateTimeFormat>, zone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(zone);
  if (!f) {
    f = make();
    if (cache.size > 500) cache.clear();
    cache.set(zone, f);
  }
  return f;
}

/** Offset of an IANA zone (or a literal ±HH:MM) at a local wall-clock time, as "+06:00". */
export function zoneOffset(zone: string, y: number, mo: number, d: number, h: number, mi: number): string | undefined {
  if (/^[+-]\d{2}:?\d{2}$/.test(zone)) return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  if (zone === 'UTC' || zone === 'Z') return '+00:00';
  try {
    const fmt = cachedFormat(offsetFormats, zone, () => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }));
    // Guess with the wall time read as UTC; good except within an hour of a DST change.
    const part = fmt.formatToParts(new Date(Date.UTC(y, mo - 1, d, h, mi))).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(part);
    if (m) return `${m[1]}:${m[2] ?? '00'}`;
    if (part === 'GMT') return '+00:00';
  } catch {
    return undefined;
  }
  return undefined;
}

function build(y: number, mo: number, d: number, time: { h: number; mi: number; s?: number } | undefined, offset: string | undefined, opts: DateParseOptions): string | undefined {
  if (!isPlausibleDay(y, mo, d)) return undefined;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (!time || time.h > 23 || time.mi > 59) return day;
  const clock = `${pad(time.h)}:${pad(time.mi)}:${pad(time.s ?? 0)}`;
  const off = offset ?? (opts.timezone ? zoneOffset(opts.timezone, y, mo, d, time.h, time.mi) : undefined);
  return off ? `${day}T${clock}${off}` : `${day}T${clock}`;
}

/** A scanned date → ISO 8601 string, or undefined when implausible. */
export function formatFound(f: FoundDate, opts: DateParseOptions = {}): string | undefined {
  return build(f.y, f.m, f.d, f.time, f.offset, opts);
}

/**
 * Parse one date string (a meta value, a datetime attribute, a date line); undefined when it
 * holds no plausible date. ISO 8601 first (the common machine form), then Unix timestamps and
 * compact YYYYMMDD, then the first date written in words or numbers in any supported language.
 */
export function parseDateString(input: string, opts: DateParseOptions & ScanOptions = {}): string | undefined {
  const s = input.trim().slice(0, 400);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?/i.exec(s);
  if (m) {
    const time = m[4] !== undefined ? { h: +m[4], mi: +m[5]!, s: m[6] !== undefined ? +m[6] : undefined } : undefined;
    return build(+m[1]!, +m[2]!, +m[3]!, time, normalizeOffset(m[7]), opts);
  }
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), { h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() }, '+00:00', opts);
  }
  const c = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(s);
  if (c) return build(+c[1]!, +c[2]!, +c[3]!, c[4] ? { h: +c[4], mi: +c[5]!, s: c[6] ? +c[6] : 0 } : undefined, undefined, opts);
  for (const f of scanDates(s, opts)) {
    const out = formatFound(f, opts);
    if (out) return out;
  }
  return undefined;
}

/** A full /2025/10/15/ (or /20251015/, /2025-10-15-) date in a URL path; a bare day. */
export function dateFromUrl(url: URL | undefined): string | undefined {
  if (!url) return undefined;
  const p = url.pathname;
  const m = /(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(p)
    ?? /(?:^|\/)((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(p);
  return m ? build(+m[1]!, +m[2]!, +m[3]!, undefined, undefined, {}) : undefined;
}

// Country-code top-level domains and country words in host names → the zone most of that
// country's news is published in. A hint only; the page's own offset always wins.
const TLD_ZONES: Record<string, string> = {
  bd: 'Asia/Dhaka', in: 'Asia/Kolkata', pk: 'Asia/Karachi', uk: 'Europe/London', ie: 'Europe/Dublin', de: 'Europe/Berlin',
  at: 'Europe/Vienna', ch: 'Europe/Zurich', fr: 'Europe/Paris', it: 'Europe/Rome', es: 'Europe/Madrid', pl: 'Europe/Warsaw',
  nl: 'Europe/Amsterdam', be: 'Europe/Brussels', ru: 'Europe/Moscow', ua: 'Europe/Kyiv', jp: 'Asia/Tokyo', kr: 'Asia/Seoul',
  cn: 'Asia/Shanghai', tw: 'Asia/Taipei', hk: 'Asia/Hong_Kong', sg: 'Asia/Singapore', my: 'Asia/Kuala_Lumpur', ph: 'Asia/Manila',
  vn: 'Asia/Ho_Chi_Minh', th: 'Asia/Bangkok', id: 'Asia/Jakarta', np: 'Asia/Kathmandu', lk: 'Asia/Colombo', ae: 'Asia/Dubai',
  sa: 'Asia/Riyadh', qa: 'Asia/Qatar', il: 'Asia/Jerusalem', tr: 'Europe/Istanbul', eg: 'Africa/Cairo', ng: 'Africa/Lagos',
  ke: 'Africa/Nairobi', za: 'Africa/Johannesburg', gh: 'Africa/Accra', nz: 'Pacific/Auckland', br: 'America/Sao_Paulo',
  ar: 'America/Argentina/Buenos_Aires', mx: 'America/Mexico_City', cz: 'Europe/Prague', se: 'Europe/Stockholm', no: 'Europe/Oslo',
  dk: 'Europe/Copenhagen', fi: 'Europe/Helsinki', gr: 'Europe/Athens', pt: 'Europe/Lisbon', ro: 'Europe/Bucharest', hu: 'Europe/Budapest',
  is: 'Atlantic/Reykjavik', az: 'Asia/Baku', ir: 'Asia/Tehran', iq: 'Asia/Baghdad', af: 'Asia/Kabul',
};
const HOST_WORD_ZONES: Array<[RegExp, string]> = [
  [/bangladesh|dhaka/, 'Asia/Dhaka'], [/india|delhi|mumbai/, 'Asia/Kolkata'], [/pakistan|karachi|lahore/, 'Asia/Karachi'],
  [/nepal|kathmandu/, 'Asia/Kathmandu'], [/nigeria|lagos/, 'Africa/Lagos'], [/kenya|nairobi/, 'Africa/Nairobi'],
  [/philippine|manila/, 'Asia/Manila'], [/malaysia/, 'Asia/Kuala_Lumpur'], [/singapore/, 'Asia/Singapore'],
];

export function timezoneForUrl(url: URL | undefined): string | undefined {
  if (!url) return undefined;
  const host = url.hostname.toLowerCase();
  const tld = host.split('.').pop() ?? '';
  if (TLD_ZONES[tld]) return TLD_ZONES[tld];
  for (const [re, zone] of HOST_WORD_ZONES) if (re.test(host)) return zone;
  return undefined;
}

/**
 * Re-express a UTC timestamp in a zone's local time ("2023-11-01T23:01:00+00:00" in Europe/Rome →
 * "2023-11-02T00:01:00+01:00"): the same instant, but the day a reader of the site saw. Values that
 * carry another offset, or no time, are returned unchanged.
 */
export function utcToZone(iso: string, zone: string | undefined): string {
  if (!zone || !/T\d{2}:\d{2}:\d{2}\+00:00$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  try {
    const parts = cachedFormat(localFormats, zone, () => new Intl.DateTimeFormat('en-US', {
      timeZone: /^[+-]\d{2}:?\d{2}$/.test(zone) ? offsetZoneName(zone) : zone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
    })).formatToParts(new Date(ms));
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    const tz = get('timeZoneName');
    const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(tz);
    const off = m ? `${m[1]}:${m[2] ?? '00'}` : tz === 'GMT' ? '+00:00' : undefined;
    if (!off) return iso;
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${off}`;
  } catch {
    return iso;
  }
}

/** "+06:00" → "+06:00" is accepted by Intl as a zone name in Node 20 only via Etc/GMT∓N for whole hours. */
function offsetZoneName(off: string): string {
  const sign = off[0] === '+' ? '-' : '+';
  const h = Number(off.slice(1, 3));
  return `Etc/GMT${sign}${h}`;
}

// Date strings as pages write them → ISO 8601. Shared by the HTML metadata and the crawl-text paths.
// Baseline: ISO forms, "15 Oct 2025 07:36 PM", "October 15, 2025", "15.10.2025", "2025/10/15".

export interface DateParseOptions {
  /** IANA zone or ±HH:MM applied to local times that carry no offset. */
  timezone?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Earliest plausible publication date of a web page. */
export const MIN_YEAR = 1995;

export function isPlausibleDay(y: number, m: number, d: number, now = new Date()): boolean {
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return false;
  return dt.getTime() <= now.getTime() + 36 * 3600 * 1000;
}

/** Offset of an IANA zone (or a literal ±HH:MM) at a local wall-clock time, as "+06:00". */
export function zoneOffset(zone: string, y: number, mo: number, d: number, h: number, mi: number): string | undefined {
  if (/^[+-]\d{2}:?\d{2}$/.test(zone)) return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  if (zone === 'UTC' || zone === 'Z') return '+00:00';
  try {
    const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
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

function parseTime(s: string | undefined): { h: number; mi: number; s?: number } | undefined {
  if (!s) return undefined;
  const m = /(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?/i.exec(s);
  if (!m) return undefined;
  let h = Number(m[1]);
  const ap = m[4]?.toLowerCase().replace(/\./g, '');
  if (ap === 'pm' && h < 12) h += 12;
  if (ap === 'am' && h === 12) h = 0;
  return { h, mi: Number(m[2]), s: m[3] ? Number(m[3]) : undefined };
}

function offsetOf(s: string): string | undefined {
  const m = /(?:[+-]\d{2}:?\d{2}|Z|\b(?:UTC|GMT))\s*$/i.exec(s.trim());
  if (!m) return undefined;
  const t = m[0].toUpperCase();
  if (t === 'Z' || t === 'UTC' || t === 'GMT') return '+00:00';
  return t.length === 5 ? `${t.slice(0, 3)}:${t.slice(3)}` : t;
}

/** Parse one date string; undefined when it is not a plausible date. */
export function parseDateString(input: string, opts: DateParseOptions = {}): string | undefined {
  const s = input.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, parseTime(m[4]), m[5] ? offsetOf(m[5]) : undefined, opts);
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:[,\s]+(?:at\s+)?(\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?))?/i.exec(s);
  if (m && MONTHS[m[2]!.slice(0, 3).toLowerCase()]) return build(+m[3]!, MONTHS[m[2]!.slice(0, 3).toLowerCase()]!, +m[1]!, parseTime(m[4]), m[4] ? offsetOf(s) : undefined, opts);
  m = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[,\s]+(?:at\s+)?(\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?))?/i.exec(s);
  if (m && MONTHS[m[1]!.slice(0, 3).toLowerCase()]) return build(+m[3]!, MONTHS[m[1]!.slice(0, 3).toLowerCase()]!, +m[2]!, parseTime(m[4]), m[4] ? offsetOf(s) : undefined, opts);
  m = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, undefined, undefined, opts);
  m = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s);
  if (m) return build(+m[3]!, +m[2]!, +m[1]!, undefined, undefined, opts);
  return undefined;
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

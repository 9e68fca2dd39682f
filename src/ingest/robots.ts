// robots.txt (RFC 9309): groups by user agent, Allow/Disallow with `*` and `$`, the longest
// matching rule wins (Allow on a tie), Crawl-delay (not in the RFC, but widely used), Sitemap lines.

export interface RobotsRules {
  allows(url: string): boolean;
  /** Seconds between requests the site asks for, if any. */
  crawlDelay?: number;
  sitemaps: string[];
}

interface Rule { allow: boolean; pattern: string; re: RegExp }

function patternToRegExp(p: string): RegExp {
  const anchored = p.endsWith('$');
  const body = (anchored ? p.slice(0, -1) : p).split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encoding differs between robots files and URLs; compare both in one normal form. */
function normalizePath(p: string): string {
  try {
    return encodeURI(decodeURI(p));
  } catch {
    return p;
  }
}

export function parseRobots(text: string, userAgent: string): RobotsRules {
  // Our product token: "Dateline/0.1 (+…)" → "dateline".
  const token = (/^[A-Za-z_-]+/.exec(userAgent)?.[0] ?? userAgent).toLowerCase();
  const groups: Array<{ agents: string[]; rules: Rule[]; delay?: number }> = [];
  const sitemaps: string[] = [];
  let current: (typeof groups)[number] | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'sitemap') { if (value) sitemaps.push(value); continue; }
    if (key === 'user-agent') {
      if (!lastWasAgent || !current) { current = { agents: [], rules: [] }; groups.push(current); }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      if (!value) continue; // "Disallow:" with nothing allows everything
      const pattern = normalizePath(value);
      current.rules.push({ allow: key === 'allow', pattern, re: patternToRegExp(pattern) });
    } else if (key === 'crawl-delay') {
      const d = Number(value);
      if (Number.isFinite(d) && d >= 0) current.delay = d;
    }
  }
  // The most specific group naming us; else the `*` group. Several groups for one agent merge.
  const named = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = named.length ? named : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.find((g) => g.delay !== undefined)?.delay;
  return {
    sitemaps,
    ...(delay !== undefined ? { crawlDelay: delay } : {}),
    allows(url: string): boolean {
      let path: string;
      try { const u = new URL(url); path = normalizePath(u.pathname + u.search); } catch { return false; }
      if (path === '/robots.txt') return true;
      let best: Rule | undefined;
      for (const r of rules) {
        if (!r.re.test(path)) continue;
        if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
      }
      return best ? best.allow : true;
    },
  };
}

export const ALLOW_ALL: RobotsRules = { sitemaps: [], allows: () => true };
export const DENY_ALL: RobotsRules = { sitemaps: [], allows: (url) => /\/robots\.txt$/.test(url) };

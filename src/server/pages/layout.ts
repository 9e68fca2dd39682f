// The page frame (landmarks, skip link, header search) and small pieces shared by every page.
import { assetUrl } from '../assets/index.js';
import { html, raw, type SafeHtml } from '../html.js';
import { htmlPage, type Reply } from '../http.js';

export type NavKey = 'latest' | 'search' | 'sites' | 'entities' | undefined;

export interface PageFrame {
  title: string;
  nav?: NavKey;
  /** Narrow reading column (article pages). */
  reader?: boolean;
  /** Text for the header search box. */
  query?: string;
  description?: string;
  noindex?: boolean;
}

function navLink(href: string, label: string, key: NavKey, current: NavKey): SafeHtml {
  return key === current ? html`<li><a href="${href}" aria-current="page">${label}</a></li>` : html`<li><a href="${href}">${label}</a></li>`;
}

export function renderPage(frame: PageFrame, content: SafeHtml, status = 200): Reply {
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} — Dateline</title>
${frame.description ? html`<meta name="description" content="${frame.description}">` : ''}
${frame.noindex ? raw('<meta name="robots" content="noindex">') : ''}
<link rel="stylesheet" href="${assetUrl('style.css')}">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
<script src="${assetUrl('time.js')}" defer></script>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="masthead">
<div class="bar">
<a class="brand" href="/">Dateline</a>
<nav aria-label="Main"><ul>
${navLink('/', 'Latest', 'latest', frame.nav)}
${navLink('/search', 'Search', 'search', frame.nav)}
${navLink('/sites', 'Sources', 'sites', frame.nav)}
${navLink('/entities', 'Names', 'entities', frame.nav)}
</ul></nav>
<form class="quick-search" role="search" action="/search" method="get">
<label class="visually-hidden" for="quick-q">Search the archive</label>
<input type="search" id="quick-q" name="q" value="${frame.query ?? ''}" placeholder="Search the archive" autocomplete="off">
<button type="submit">Search</button>
</form>
</div>
</header>
<main id="content" tabindex="-1"${frame.reader ? raw(' class="reader"') : ''}>
${content}
</main>
<footer class="site"><p>Dateline — a local news archive. Article texts belong to their publishers; follow the original links to read them at the source.</p></footer>
</body>
</html>
`;
  return htmlPage(page.value, status);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "15 Oct 2025, 19:36 UTC+06:00" as the source stated it (no conversion: the script localises it). */
export function describeTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/.exec(iso);
  if (!m) return iso;
  const day = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  if (!m[4]) return day;
  const zone = m[6] === undefined ? '' : m[6] === 'Z' || /^[+-]00:?00$/.test(m[6]) ? ' UTC' : ` UTC${m[6].length === 5 ? `${m[6].slice(0, 3)}:${m[6].slice(3)}` : m[6]}`;
  return `${day}, ${m[4]}:${m[5]}${zone}`;
}

/** A <time> element the page script turns into the reader's zone; nothing when there is no time. */
export function timeTag(iso: string | undefined, showOriginal = false): SafeHtml | '' {
  if (!iso) return '';
  return showOriginal
    ? html`<time datetime="${iso}" data-local data-show-original>${describeTime(iso)}</time>`
    : html`<time datetime="${iso}" data-local>${describeTime(iso)}</time>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

const REASONS: Record<number, string> = { 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed', 421: 'Wrong host', 500: 'Something went wrong' };

export function errorPage(status: number, message: string): Reply {
  const title = REASONS[status] ?? `Error ${status}`;
  return renderPage({ title, noindex: true }, html`<h1>${title}</h1><p class="notice">${message}</p><p><a href="/">Back to the latest stories</a> or <a href="/search">search the archive</a>.</p>`, status);
}

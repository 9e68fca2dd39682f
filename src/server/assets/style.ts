// The web app's one stylesheet, served as /assets/style.css. Kept in a module (not a .css file)
// so `tsc` ships it in dist/ with no copy step. System fonts only: nothing is loaded from outside.
// Colours meet WCAG AA contrast (text ≥ 4.5:1) in the light and the dark scheme.
export const STYLE_CSS = `
:root {
  --bg: #fbfaf7; --fg: #1c1b19; --muted: #5a5750; --line: #dedad2; --card: #ffffff;
  --accent: #1d4f91; --accent-fg: #ffffff; --mark: #fff0a8; --badge: #eef2f8; --badge-fg: #24426b;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #15171a; --fg: #e9e6df; --muted: #aaa59b; --line: #34373d; --card: #1c1f23;
    --accent: #8db8ff; --accent-fg: #0d1b2e; --mark: #5c4d00; --badge: #23324a; --badge-fg: #cfe0ff; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.55 var(--sans); }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-fg); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; top: .5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.masthead { border-bottom: 1px solid var(--line); background: var(--card); }
.masthead .bar { max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: center; }
.brand { font: 700 1.35rem/1 var(--serif); color: var(--fg); text-decoration: none; letter-spacing: -.01em; }
.masthead nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.masthead nav a { color: var(--fg); text-decoration: none; font-weight: 500; }
.masthead nav a:hover, .masthead nav a[aria-current] { text-decoration: underline; }
.quick-search { margin-left: auto; display: flex; gap: .4rem; flex: 1 1 16rem; max-width: 26rem; }
input, select, button { font: inherit; color: inherit; }
input[type=search], input[type=text], input[type=date], select {
  width: 100%; padding: .45rem .6rem; border: 1px solid var(--muted); border-radius: 6px; background: var(--bg); }
button, .button { padding: .45rem .9rem; border: 1px solid var(--accent); border-radius: 6px; background: var(--accent);
  color: var(--accent-fg); font-weight: 600; cursor: pointer; text-decoration: none; display: inline-block; }

main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
main.reader { max-width: 44rem; }
h1, h2, h3 { font-family: var(--serif); line-height: 1.2; letter-spacing: -.01em; overflow-wrap: break-word; }
main a, main p, main li { overflow-wrap: break-word; }
h1 { font-size: clamp(1.7rem, 4vw, 2.4rem); margin: .25rem 0 .75rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
.meta, .muted { color: var(--muted); font-size: .92rem; }
.meta > * + *::before { content: "·"; margin: 0 .45em; color: var(--muted); }
.meta > .badge { margin-left: .6em; }
.meta > .badge::before { content: none; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; font-weight: 700; color: var(--muted); margin: 0; }
.badge { display: inline-block; background: var(--badge); color: var(--badge-fg); border-radius: 999px; padding: .05rem .55rem; font-size: .8rem; font-weight: 600; }

.sections { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr)); gap: 1.25rem 2rem; }
.sections > section { min-width: 0; }
.sections section h2 { margin-top: .5rem; padding-bottom: .35rem; border-bottom: 2px solid var(--fg); font-size: 1.15rem; }
.story-list { list-style: none; margin: 0; padding: 0; }
.story-list li { padding: .7rem 0; border-bottom: 1px solid var(--line); }
.story-list a.headline { font: 600 1.08rem/1.3 var(--serif); color: var(--fg); text-decoration: none; display: block; margin-bottom: .2rem; }
.story-list a.headline:hover { text-decoration: underline; }

.timeline { max-width: 48rem; list-style: none; margin: 0; padding: 0 0 0 1.1rem; border-left: 2px solid var(--line); }
.timeline li { position: relative; padding: .3rem 0 1rem .4rem; }
.timeline li::before { content: ""; position: absolute; left: -1.55rem; top: .65rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--accent); border: 2px solid var(--bg); }
.timeline .outlet { font-weight: 700; }
.timeline .title { display: block; font: 1.05rem/1.35 var(--serif); margin: .15rem 0; }
.names { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; }

.byline { font-weight: 600; }
.lead-image { margin: 1.25rem 0; }
.lead-image img, .body img { max-width: 100%; height: auto; border-radius: 4px; }
.body { font: 1.13rem/1.7 var(--serif); overflow-wrap: anywhere; }
.body p { margin: 0 0 1.1em; }
.body blockquote { margin: 1.2em 0; padding-left: 1rem; border-left: 3px solid var(--line); color: var(--muted); }
.body pre { overflow-x: auto; padding: .75rem; background: var(--card); border: 1px solid var(--line); border-radius: 4px; font-size: .9rem; }
.body table { border-collapse: collapse; display: block; overflow-x: auto; font: .95rem/1.4 var(--sans); }
.body th, .body td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; }
.body figcaption { font: .88rem/1.4 var(--sans); color: var(--muted); }
.source-link { margin: 2rem 0; padding: 1rem; background: var(--card); border: 1px solid var(--line); border-radius: 6px; }

.search-form { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); align-items: end;
  background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
.search-form .q { grid-column: 1 / -1; }
.search-form label { display: block; font-size: .88rem; font-weight: 600; margin-bottom: .2rem; }
.results { list-style: none; padding: 0; margin: 1rem 0; }
.results li { padding: .9rem 0; border-bottom: 1px solid var(--line); }
.results .title { font: 600 1.12rem/1.3 var(--serif); }
.snippet { margin: .3rem 0 0; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
.pager { display: flex; gap: 1rem; margin: 1.5rem 0; }
.notice { padding: .75rem 1rem; border: 1px solid var(--line); border-left: 4px solid var(--accent); background: var(--card); border-radius: 4px; }

.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 1rem; margin: 1rem 0 2rem; padding: 0; }
.figures div { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; }
.figures dt { font-size: .85rem; color: var(--muted); }
.figures dd { margin: 0; font: 700 1.3rem/1.25 var(--serif); }
.figures dd time { font-size: 1.05rem; }
table.plain { border-collapse: collapse; width: 100%; }
table.plain th, table.plain td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
table.plain td.num, table.plain th.num { text-align: right; font-variant-numeric: tabular-nums; }
footer.site { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 2.5rem; color: var(--muted); font-size: .88rem; border-top: 1px solid var(--line); }
@media (max-width: 40rem) {
  .quick-search { max-width: none; }
  main { padding-top: 1rem; }
  .body { font-size: 1.06rem; }
}
@media print { .masthead, footer.site, .quick-search, .pager { display: none; } }
`;

// /assets/time.js — the app's only script. The server prints times as the source stated them
// (with their UTC offset); this rewrites each <time data-local> into the reader's own time zone
// and keeps the original in the tooltip (and, on article pages, visibly next to it).
// Plain ES5-style code in a string so it ships as a static file under the strict CSP.
export const TIME_JS = `(function () {
  'use strict';
  if (!window.Intl || !document.querySelectorAll) return;
  var fmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  var zone = '';
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { zone = ''; }
  var nodes = document.querySelectorAll('time[data-local]');
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    var iso = el.getAttribute('datetime') || '';
    // Only instants (a time with Z or an offset) can be moved to another zone; bare days stay.
    if (!/T\\d\\d:\\d\\d.*(Z|[+-]\\d\\d:?\\d\\d)$/.test(iso)) continue;
    var when = new Date(iso);
    if (isNaN(when.getTime())) continue;
    var original = el.textContent;
    el.textContent = fmt.format(when);
    el.setAttribute('title', 'As published: ' + original + (zone ? ' — shown in ' + zone : ''));
    if (el.hasAttribute('data-show-original')) {
      var note = document.createElement('span');
      note.className = 'muted original-time';
      note.textContent = ' (' + original + ' at the source)';
      el.parentNode.insertBefore(note, el.nextSibling);
    }
  }
})();
`;

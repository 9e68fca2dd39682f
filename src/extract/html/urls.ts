// URL handling for the body HTML: absolute http(s) links only, and the real source of
// lazy-loaded images (data-src & co., srcset) instead of their placeholders.
import type { Element } from '../dom.js';

/** `href` resolved against `base`; undefined unless the result is http(s). */
export function resolveHttp(href: string | undefined, base: URL | undefined): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(javascript|data|mailto|tel|vbscript):/i.test(h)) return undefined;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const LAZY_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-orig-file'];
const SRCSET_ATTRS = ['srcset', 'data-srcset', 'data-lazy-srcset'];
const PLACEHOLDER = /^data:|blank\.|spacer\.|placeholder|transparent\.|pixel\.|lazy[-_]?load|1x1/i;

/** The largest candidate of a srcset (by `w` or `x` descriptor; the last one when none). */
export function bestFromSrcset(srcset: string): string | undefined {
  let best: string | undefined;
  let bestSize = -1;
  // Candidates are "url [descriptor]" separated by commas; URLs may themselves contain commas
  // only when followed by no space, so split on comma + whitespace.
  for (const part of srcset.split(/,\s+/)) {
    const [url, desc] = part.trim().split(/\s+/, 2);
    if (!url) continue;
    const size = desc ? parseFloat(desc) * (desc.endsWith('x') ? 1000 : 1) : 0;
    if (size >= bestSize) { best = url.replace(/,$/, ''); bestSize = size; }
  }
  return best;
}

/** The image a reader would see: lazy-load attributes first, then srcset, then a real src. */
export function imageSource(img: Element, base: URL | undefined): string | undefined {
  const a = img.attribs;
  const src = a.src?.trim();
  const srcOk = src && !PLACEHOLDER.test(src);
  for (const k of LAZY_ATTRS) {
    const v = a[k]?.trim();
    if (v && !v.startsWith('data:')) {
      const r = resolveHttp(v, base);
      if (r) return r;
    }
  }
  if (!srcOk) {
    for (const k of SRCSET_ATTRS) {
      const v = a[k];
      if (v) {
        const r = resolveHttp(bestFromSrcset(v), base);
        if (r) return r;
      }
    }
    // <picture><source srcset> siblings
    const parent = img.parent as Element | null;
    if (parent && parent.name === 'picture') {
      for (const s of parent.children) {
        if (s.type === 'tag' && (s as Element).name === 'source') {
          const v = (s as Element).attribs.srcset ?? (s as Element).attribs['data-srcset'];
          const r = v ? resolveHttp(bestFromSrcset(v), base) : undefined;
          if (r) return r;
        }
      }
    }
    return undefined;
  }
  return resolveHttp(src, base);
}

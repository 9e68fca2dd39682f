// Page language → BCP 47 ("en_US" → "en-US", "DE" → "de", "zh-hans-cn" → "zh-Hans-CN").
import type { Collected } from './collect.js';

const cache = new Map<string, string | undefined>();

export function toBcp47(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (cache.has(raw)) return cache.get(raw);
  const out = canonical(raw);
  if (cache.size < 1000) cache.set(raw, out);
  return out;
}

function canonical(raw: string): string | undefined {
  const t = raw.trim().split(/[,;\s]/)[0]!.replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(t)) return undefined;
  try {
    return Intl.getCanonicalLocales(t)[0];
  } catch {
    return undefined;
  }
}

export function pickLanguage(c: Collected, ldLanguage: string | undefined): string | undefined {
  return toBcp47(c.htmlLang)
    ?? toBcp47(c.metas.get('content-language')?.[0])
    ?? toBcp47(c.metas.get('og:locale')?.[0])
    ?? toBcp47(ldLanguage)
    ?? toBcp47(c.metas.get('language')?.[0])
    ?? toBcp47(c.metas.get('dc.language')?.[0]);
}

import { openArchive } from '../../src/store/index.js';
import { articlePage } from '../../src/server/pages/article.js';
import { searchPage } from '../../src/server/pages/search.js';
import { SmallCache } from '../../src/server/context.js';
const archive = openArchive('/tmp/dateline-bench-serve/archive-100000.db', { readonly: true });
const cache = new SmallCache(archive);
const ctx = (params: Record<string, string>, url = 'http://x/') => ({ req: {} as never, url: new URL(url), params, options: { archive }, archive, cache });
let t = performance.now();
for (let i = 0; i < 3000; i++) archive.getArticle(1 + ((i * 7919) % 100000));
console.log('getArticle', ((performance.now() - t) / 3000).toFixed(3), 'ms');
t = performance.now();
for (let i = 0; i < 3000; i++) articlePage(ctx({ id: String(1 + ((i * 7919) % 100000)) }));
console.log('article page', ((performance.now() - t) / 3000).toFixed(3), 'ms');
for (const q of ['president', 'earthquake%20rubble', '%22central%20bank%22', 'elect*', 'putin%20OR%20trump', 'president&site=outlet5.example']) {
  t = performance.now();
  for (let i = 0; i < 20; i++) searchPage(ctx({}, `http://x/search?q=${q}`));
  console.log('search', q, ((performance.now() - t) / 20).toFixed(2), 'ms');
}

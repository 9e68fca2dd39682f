import { openArchive } from '../../src/store/index.js';
const archive = openArchive('/tmp/dateline-bench-serve/archive-100000.db', { readonly: true });
let t = performance.now();
for (let i = 0; i < 5000; i++) archive.getArticle(1 + ((i * 7919) % 100000));
console.log('getArticle', ((performance.now() - t) / 5000).toFixed(3), 'ms');
t = performance.now();
for (let i = 0; i < 5000; i++) archive.getArticle(1 + ((i * 7919) % 100000));
console.log('getArticle again', ((performance.now() - t) / 5000).toFixed(3), 'ms');

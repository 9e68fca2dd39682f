// How far the stories of an archive (placed during ingest runs: src/ingest/live-stories.ts) are
// from a re-clustering of the same articles in one batch (whole-run idf counted first, as
// `dateline ingest` placed them before): re-clusters a COPY of the database from its stored
// features and scores one partition against the other (B-cubed and pairwise; 1 = identical).
//   node --import tsx bench/stories-agreement.ts COPY-OF-ARCHIVE.db
// e.g. after `npm run bench:ingest`: cp "$TMPDIR"/dateline-bench-ingest-<N>-*/bench.db /tmp/copy.db
import Database from 'better-sqlite3';
import { openStories } from '../src/stories/sqlite.js';
import { scoreClustering } from '../src/stories/score.js';

const path = process.argv[2];
if (!path) { console.error('usage: node --import tsx bench/stories-agreement.ts COPY-OF-ARCHIVE.db (it is re-clustered in place)'); process.exit(2); }
const db = new Database(path);
const read = () => new Map((db.prepare('SELECT article_id, story_id FROM story_articles').all() as Array<{ article_id: number; story_id: number }>).map((r) => [r.article_id, r.story_id]));
const live = read();
openStories(db).reclusterStored();
const batch = read();
db.close();
const s = scoreClustering(new Map([...live].map(([k, v]) => [k, String(v)])), batch);
const f = (x: number) => x.toFixed(4);
console.log(`${live.size} articles: ${new Set(live.values()).size} stories as placed, ${new Set(batch.values()).size} re-clustered in one batch`);
console.log(`agreement  B³ P ${f(s.bcubed.precision)} R ${f(s.bcubed.recall)} F1 ${f(s.bcubed.f1)}   pairwise F1 ${f(s.pairwise.f1)}`);

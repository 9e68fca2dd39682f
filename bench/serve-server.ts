// The server process of `npm run bench:serve`: what `dateline serve --db PATH --port 0` does,
// plus one bench-only shim. The SQLite store does not serve stories yet (its listStories and
// getStory return nothing until the stories stage is wired into it), so when the archive has
// story tables this reads them with the stories stage's own read functions and adds each
// article's story id — the same queries the store will run, so story and article pages are
// measured with their real work. The shim steps aside as soon as the store returns stories.
import Database from 'better-sqlite3';
import { openArchive } from '../src/store/index.js';
import { startServer } from '../src/server/index.js';
import { getStory, listStories } from '../src/stories/sqlite.js';
import type { ArchiveReader, StoredArticle } from '../src/types.js';

const path = process.argv[2];
if (!path) { process.stderr.write('usage: serve-server.ts DB\n'); process.exit(2); }
const archive = openArchive(path, { readonly: true });
let reader: ArchiveReader = archive;
const hasStoryTables = !!archive.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'story_articles'").get();
if (hasStoryTables && archive.listStories({}, undefined, 1).items.length === 0) {
  const db = new Database(path, { readonly: true });
  const storyOf = db.prepare('SELECT story_id, duplicate_group FROM story_articles WHERE article_id = ?');
  const withStory = (a: StoredArticle | undefined): StoredArticle | undefined => {
    if (!a || a.storyId !== undefined) return a;
    const row = storyOf.get(a.id) as { story_id: number; duplicate_group: number } | undefined;
    return row ? { ...a, storyId: row.story_id, duplicateGroup: row.duplicate_group } : a;
  };
  reader = {
    getArticle: (id) => withStory(archive.getArticle(id)),
    getArticleByUrl: (url) => withStory(archive.getArticleByUrl(url)),
    listArticles: (f, c, l) => archive.listArticles(f, c, l),
    search: (q, f, c, l) => archive.search(q, f, c, l),
    stats: () => archive.stats(),
    listSites: () => archive.listSites(),
    listStories: (f, c, l) => listStories(db, f, c, l),
    getStory: (id) => getStory(db, id),
    close: () => { db.close(); archive.close(); },
  };
  process.stderr.write('bench server: stories read through the stories stage (store not wired yet)\n');
}
const running = await startServer({ archive: reader, port: 0 });
process.stdout.write(`${running.url}\n`);
process.once('SIGTERM', () => { void running.close().then(() => { reader.close(); process.exit(0); }); });

// The labelled stories dev set ingested into a fresh temporary archive exactly as bench:stories
// does (crawl-text extraction, SQLite, no stories), read back as prepared stories articles in
// archive order with each article's gold record — what the stories diagnosis and cross-validation
// tools cluster in memory. Shared by bench/stories-diagnose.ts and bench/stories-splits.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/index.js';
import { openArchive } from '../src/store/index.js';
import { toStoryInput } from '../src/stories/archive.js';
import { readLabelled, type LabelledRecord } from '../src/stories/dev-set.js';
import { prepareArticle, type PreparedArticle } from '../src/stories/engine.js';

export async function preparedDevSet(path: string): Promise<{ prepared: PreparedArticle[]; gold: Map<number, LabelledRecord> }> {
  const records = readLabelled(path);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-devset-'));
  const archive = openArchive(join(dir, 'bench.db'));
  const prepared: PreparedArticle[] = [];
  const gold = new Map<number, LabelledRecord>();
  try {
    await ingest(archive, [path], { jobs: 1, stories: false });
    for (const r of records) {
      const a = archive.getArticleByUrl(r.url);
      if (!a) { console.log(`not ingested: ${r.url}`); continue; }
      gold.set(a.id, r);
      prepared.push(prepareArticle(toStoryInput(a)));
    }
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
  prepared.sort((a, b) => a.input.id - b.input.id);
  return { prepared, gold };
}

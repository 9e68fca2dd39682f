// Shared helpers for archive tests: a fresh database in a temp folder, and hand-made articles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/types.js';
import { SqliteArchive } from '../../src/store/index.js';

export function tempDir(prefix = 'dateline-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempArchive(): { archive: SqliteArchive; path: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'test.db');
  const archive = new SqliteArchive(path);
  return { archive, path, cleanup: () => { archive.close(); cleanup(); } };
}

export function article(title: string, text: string, extra: Partial<Article> = {}): Article {
  return { title, text, markdown: text, html: `<p>${text}</p>`, authors: [], tags: [], wordCount: text.split(/\s+/).length, warnings: [], ...extra };
}

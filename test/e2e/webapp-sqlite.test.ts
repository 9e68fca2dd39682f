// End to end in Chromium over a real SQLite archive built from the fixture pages
// (test/fixtures/server/pages, with an XSS page) by the ingest stage, as `dateline ingest
// --manifest` builds it. The story page is walked when the archive has stories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { openArchive } from '../../src/store/index.js';
import { fixtureArchive } from './fixture-archive.js';
import { browse } from './flow.js';
import type { E2eArchive } from './archive.js';

test('SQLite archive from fixture pages: front page → (story →) article → search in Chromium', async (t) => {
  const { path, dir } = await fixtureArchive();
  const archive = openArchive(path, { readonly: true });
  try {
    const wire = archive.getArticleByUrl('https://wire.example/world/putin-sharaa');
    const evil = archive.getArticleByUrl('https://evil.example/harbour-reopens');
    assert.ok(wire && evil, 'fixture articles stored under their manifest URLs');
    // The story that holds the wire article (found through the reader's story list).
    const story = archive.listStories({}, undefined, 100).items.find((s) => s.articles.some((a) => a.id === wire.id));
    const wireGroup = story?.articles.find((a) => a.id === wire.id)?.duplicateGroup;
    const data: E2eArchive = {
      archive,
      cleanup: () => {},
      expect: {
        story: story && story.articles.length > 1 ? {
          id: story.id, title: story.title, section: story.section ?? 'World', articles: story.articles.length,
          copies: story.articles.filter((a) => a.duplicateGroup !== undefined && a.duplicateGroup === wireGroup).length > 1,
        } : undefined,
        article: { id: wire.id, title: 'Putin meets Syria’s interim president al-Sharaa in Moscow', site: 'wire.example', bodyWords: 'naval base at Tartus',
          localTime: 'Oct 15, 2025, 09:36 AM', originalTime: '15 Oct 2025, 19:36 UTC+06:00' },
        evilArticle: { id: evil.id },
        searchWord: 'kremlin',
      },
    };
    await browse(t, data, 'sqlite');
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// End to end in Chromium over the in-memory sample archive (test/server/sample-data.ts): it has
// hand-made stories with wire copies, so the story page is always walked.
import { test } from 'node:test';
import { browse } from './flow.js';
import { sampleArchive } from '../server/sample-data.js';

test('memory archive: front page → story → article → search in Chromium', async (t) => {
  await browse(t, {
    archive: sampleArchive(),
    cleanup: () => {},
    expect: {
      story: { id: 10, title: 'Putin meets Syrian interim president al-Sharaa in Moscow', section: 'World', articles: 3, copies: true },
      article: { id: 1, title: 'Putin meets Syrian interim president al-Sharaa in Moscow', site: 'wire.example', bodyWords: 'discussed Russian bases',
        localTime: 'Oct 15, 2025, 09:36 AM', originalTime: '15 Oct 2025, 19:36 UTC+06:00' },
      evilArticle: { id: 3 },
      searchWord: 'kremlin',
    },
  }, 'memory');
});

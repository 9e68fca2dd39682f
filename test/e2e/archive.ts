// The archive the e2e test browses, and what the test expects to see in it.
import { sampleArchive } from '../server/sample-data.js';
import type { ArchiveReader } from '../../src/types.js';

export interface E2eArchive {
  archive: ArchiveReader;
  cleanup(): void;
  expect: {
    stories: { id: number; title: string; section: string; articles: number };
    article: { id: number; title: string; site: string; bodyWords: string; localTime: string; originalTime: string };
    evilArticle: { id: number };
    searchWord: string;
  };
}

export async function e2eArchive(): Promise<E2eArchive> {
  return {
    archive: sampleArchive(),
    cleanup: () => {},
    expect: {
      stories: { id: 10, title: 'Putin meets Syrian interim president al-Sharaa in Moscow', section: 'World', articles: 3 },
      article: { id: 1, title: 'Putin meets Syrian interim president al-Sharaa in Moscow', site: 'wire.example', bodyWords: 'discussed Russian bases',
        localTime: 'Oct 15, 2025, 09:36 AM', originalTime: '15 Oct 2025, 19:36 UTC+06:00' },
      evilArticle: { id: 3 },
      searchWord: 'kremlin',
    },
  };
}

// What an e2e walk needs: an archive, and what the test expects to find in it.
import type { ArchiveReader } from '../../src/types.js';

export interface E2eArchive {
  archive: ArchiveReader;
  cleanup(): void;
  expect: {
    /** The story to open from the front page; absent when the archive has no stories. */
    story?: { id: number; title: string; section: string; articles: number; copies: boolean };
    article: { id: number; title: string; site: string; bodyWords: string; localTime: string; originalTime: string };
    evilArticle: { id: number };
    searchWord: string;
  };
}

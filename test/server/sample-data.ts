// A few hand-written articles and stories for the server tests, with XSS payloads in every
// field a page shows (title, byline, section, site name, body, URLs, image).
import type { StoredArticle, Story } from '../../src/types.js';
import { XSS_PAYLOADS } from '../fixtures/server/xss-payloads.js';
import { MemoryArchive } from './memory-archive.js';

const EVIL = XSS_PAYLOADS.slice(0, 6).join(' ');

function article(partial: Partial<StoredArticle> & Pick<StoredArticle, 'id' | 'url' | 'site'>): StoredArticle {
  const text = partial.text ?? 'Body text.';
  return {
    authors: [], tags: [], text, markdown: text, html: `<p>${text}</p>`, wordCount: text.split(/\s+/).length, warnings: [],
    fetchedAt: '2025-10-16T00:00:00Z', contentHash: `h${partial.id}`, ...partial,
  };
}

export function sampleArticles(): StoredArticle[] {
  return [
    article({ id: 1, url: 'https://wire.example/putin-sharaa', site: 'wire.example', siteName: 'Wire Example', title: 'Putin meets Syrian interim president al-Sharaa in Moscow',
      authors: ['Jane Reporter'], section: 'World', language: 'en', published: '2025-10-15T19:36:00+06:00', image: 'https://wire.example/img/kremlin.jpg',
      text: 'Russian President Vladimir Putin met Syrian interim president Ahmed al-Sharaa in the Kremlin on Wednesday.\n\nThe two leaders discussed Russian bases.',
      html: '<p>Russian President Vladimir Putin met Syrian interim president Ahmed al-Sharaa in the Kremlin on Wednesday.</p><h2>Bases</h2><p>The two leaders discussed <a href="/bases">Russian bases</a>.</p>',
      storyId: 10, duplicateGroup: 100 }),
    article({ id: 2, url: 'https://daily.example/world/sharaa-moscow', site: 'daily.example', title: 'Syria’s al-Sharaa visits Kremlin', section: 'World', language: 'en',
      published: '2025-10-15T16:10:00Z', text: 'Russian President Vladimir Putin met Syrian interim president Ahmed al-Sharaa in the Kremlin on Wednesday.', storyId: 10, duplicateGroup: 100 }),
    article({ id: 3, url: 'https://evil.example/x', site: 'evil.example', siteName: EVIL, title: `Evil ${EVIL}`, authors: [EVIL], section: EVIL, language: 'en',
      published: '2025-10-14T08:00:00Z', description: EVIL, image: 'javascript:window.__xss=900',
      canonicalUrl: 'javascript:window.__xss=901', text: `Evil body kremlin ${EVIL}`, html: `<p>Evil body kremlin</p>${XSS_PAYLOADS.join('<p>')}`, storyId: 11 }),
    article({ id: 4, url: 'https://markets.example/rates', site: 'markets.example', title: 'Central bank holds rates', section: 'Business', language: 'en',
      published: '2025-10-13T09:00:00-04:00', text: 'The central bank held its key rate at 4.25 percent.', storyId: 12 }),
    article({ id: 5, url: 'https://zeitung.example/putin', site: 'zeitung.example', title: 'Putin empfängt al-Scharaa', language: 'de',
      published: '2025-10-15', text: 'Der russische Präsident Putin empfing den syrischen Übergangspräsidenten.', storyId: 10 }),
  ];
}

export function sampleStories(): Story[] {
  return [
    { id: 10, title: 'Putin meets Syrian interim president al-Sharaa in Moscow', section: 'World', firstSeen: '2025-10-15T00:00:00Z', lastUpdated: '2025-10-15T16:10:00Z',
      articles: [
        { id: 1, url: 'https://wire.example/putin-sharaa', site: 'wire.example', title: 'Putin meets Syrian interim president al-Sharaa in Moscow', published: '2025-10-15T19:36:00+06:00', duplicateGroup: 100 },
        { id: 2, url: 'https://daily.example/world/sharaa-moscow', site: 'daily.example', title: 'Syria’s al-Sharaa visits Kremlin', published: '2025-10-15T16:10:00Z', duplicateGroup: 100 },
        { id: 5, url: 'https://zeitung.example/putin', site: 'zeitung.example', title: 'Putin empfängt al-Scharaa', published: '2025-10-15' },
      ],
      sites: ['wire.example', 'daily.example', 'zeitung.example'], topNames: ['Vladimir Putin', 'Ahmed al-Sharaa'], topTerms: ['kremlin', 'bases'] },
    { id: 11, title: `Evil story ${EVIL}`, section: EVIL, firstSeen: '2025-10-14T08:00:00Z', lastUpdated: '2025-10-14T08:00:00Z',
      articles: [{ id: 3, url: 'javascript:window.__xss=902', site: 'evil.example', title: `Evil ${EVIL}`, published: '2025-10-14T08:00:00Z' }],
      sites: ['evil.example'], topNames: [EVIL], topTerms: [EVIL] },
    { id: 12, title: 'Central bank holds rates', section: 'Business', firstSeen: '2025-10-13T13:00:00Z', lastUpdated: '2025-10-13T13:00:00Z',
      articles: [{ id: 4, url: 'https://markets.example/rates', site: 'markets.example', title: 'Central bank holds rates', published: '2025-10-13T09:00:00-04:00' }],
      sites: ['markets.example'], topNames: [], topTerms: [] },
  ];
}

export function sampleArchive(): MemoryArchive {
  return new MemoryArchive(sampleArticles(), sampleStories());
}

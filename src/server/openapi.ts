// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Schemas mirror the
// records in src/types.ts; keep them in step when those change (the API test checks the paths).
import { ENTITY_PATHS, ENTITY_SCHEMAS } from './openapi-entities.js';

const filterParams = [
  { name: 'since', in: 'query', description: 'Published on or after (ISO date or date-time).', schema: { type: 'string', examples: ['2025-10-15'] } },
  { name: 'until', in: 'query', description: 'Published on or before (ISO date or date-time).', schema: { type: 'string' } },
  { name: 'site', in: 'query', description: 'Host name without www, e.g. apnews.com.', schema: { type: 'string' } },
  { name: 'section', in: 'query', schema: { type: 'string' } },
  { name: 'lang', in: 'query', description: 'BCP 47 language tag, e.g. en.', schema: { type: 'string' } },
];
const pageParams = [
  { name: 'cursor', in: 'query', description: 'The `next` value of the previous page.', schema: { type: 'string' } },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const ok = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: ok(ref('Error'), 'A parameter is malformed; the message says which and what is expected.'),
  404: ok(ref('Error'), 'No record with this id.'),
  500: ok(ref('Error'), 'Server fault (logged; no details are returned).'),
};

const str = { type: 'string' };
const int = { type: 'integer' };
const strings = { type: 'array', items: str };

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dateline API',
      version: '1',
      description: 'Read and search a Dateline news archive: articles, full-text search, stories (coverage of one event across outlets), sources and figures, and the people, organisations, places and quotes named in the articles.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    paths: {
      '/api/articles': { get: { summary: 'List articles, newest first', parameters: [...filterParams, ...pageParams],
        responses: { 200: ok({ type: 'object', required: ['articles'], properties: { articles: { type: 'array', items: ref('ArticleSummary') }, next: str } }), 400: errors[400] } } },
      '/api/articles/{id}': { get: { summary: 'One article with its body (text, markdown, safe html)', parameters: [idParam],
        responses: { 200: ok(ref('Article')), ...errors } } },
      '/api/search': { get: { summary: 'Full-text search (BM25), best first',
        parameters: [{ name: 'q', in: 'query', required: true, description: 'Words, "phrases", prefix*, AND/OR/NOT, parentheses (the CLI query language).', schema: str }, ...filterParams, ...pageParams],
        responses: { 200: ok({ type: 'object', required: ['results'], properties: { results: { type: 'array', items: ref('SearchResult') }, next: str } }), 400: errors[400] } } },
      '/api/stories': { get: { summary: 'Stories, most recently updated first', parameters: [...filterParams, ...pageParams],
        responses: { 200: ok({ type: 'object', required: ['stories'], properties: { stories: { type: 'array', items: ref('Story') }, next: str } }), 400: errors[400] } } },
      '/api/stories/{id}': { get: { summary: 'One story with its coverage', parameters: [idParam], responses: { 200: ok(ref('Story')), ...errors } } },
      '/api/sites': { get: { summary: 'Sources in the archive, largest first',
        responses: { 200: ok({ type: 'object', required: ['sites'], properties: { sites: { type: 'array', items: ref('Site') } } }) } } },
      '/api/stats': { get: { summary: 'Archive figures', responses: { 200: ok(ref('Stats')) } } },
      '/api/ingest': { post: {
        summary: 'Add pages to the archive',
        description: 'Disabled (403) unless the server runs with DATELINE_TOKEN set. URLs resolving to loopback/private addresses are refused (400) unless the server was started with --allow-private. Answers 501 when the archive has no ingest support.',
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: {
          urls: { ...strings, description: 'Article, feed, sitemap or home-page URLs to fetch.' },
          pages: { type: 'array', items: { type: 'object', required: ['html'], properties: { url: str, html: str, published: str } } },
        } } } } },
        responses: { 200: ok({ type: 'object', description: 'The ingest summary.' }), 400: errors[400], 401: ok(ref('Error'), 'Missing or wrong token.'),
          403: ok(ref('Error'), 'Ingest over HTTP is disabled.'), 413: ok(ref('Error'), 'Body too large.'), 501: ok(ref('Error'), 'No ingest support.') },
      } },
      ...ENTITY_PATHS,
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The value of DATELINE_TOKEN.' } },
      schemas: {
        Error: { type: 'object', required: ['error', 'status'], properties: { error: str, status: int } },
        ArticleSummary: { type: 'object', required: ['id', 'url', 'site'], properties: {
          id: int, url: str, site: str, title: str, description: str, authors: strings, published: str, section: str, language: str,
          image: str, wordCount: int, storyId: int, duplicateGroup: int } },
        Article: { type: 'object', required: ['id', 'url', 'site', 'text', 'html'], properties: {
          id: int, url: str, canonicalUrl: str, site: str, title: str, description: str, authors: strings, published: str, modified: str,
          section: str, tags: strings, siteName: str, language: str, image: str, text: str, markdown: str,
          html: { type: 'string', description: 'Safe minimal HTML.' }, wordCount: int, fetchedAt: str, contentHash: str,
          storyId: int, duplicateGroup: int, enrichment: { type: 'object' } } },
        SearchResult: { type: 'object', required: ['id', 'url', 'snippet'], properties: {
          id: int, url: str, site: str, title: str, published: str,
          snippet: { type: 'string', description: 'HTML-escaped text with matches in <mark>…</mark>.' }, score: { type: 'number' } } },
        StoryArticle: { type: 'object', required: ['id', 'url', 'site'], properties: { id: int, url: str, site: str, title: str, published: str, duplicateGroup: int } },
        Story: { type: 'object', required: ['id', 'title', 'articles'], properties: {
          id: int, title: str, section: str, firstSeen: str, lastUpdated: str, outlets: int,
          articles: { type: 'array', items: ref('StoryArticle') }, sites: strings, topNames: strings, topTerms: strings } },
        Site: { type: 'object', required: ['site', 'articles'], properties: { site: str, siteName: str, articles: int, firstPublished: str, lastPublished: str } },
        Stats: { type: 'object', required: ['articles', 'sites', 'languages', 'failures', 'bytes'], properties: {
          articles: int, sites: int, languages: { type: 'object', additionalProperties: int }, failures: int, bytes: int, stories: int } },
        ...ENTITY_SCHEMAS,
      },
    },
  };
}

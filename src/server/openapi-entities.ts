// The OpenAPI description of the enrichment endpoints (./api-entities.ts), merged into the
// document of ./openapi.ts. Shapes mirror EntitySummary / EntityDetail / QuoteRecord in src/enrich/store.ts.
const str = { type: 'string' };
const int = { type: 'integer' };
const num = { type: 'number' };
const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const ok = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => ok(ref('Error'), description);
const bad = error('A parameter is malformed; the message says which and what is expected.');

const since = { name: 'since', in: 'query', description: 'Only what appears in articles published on or after this date (ISO date or date-time).', schema: { type: 'string', examples: ['2025-10-15'] } };
const page = [
  { name: 'cursor', in: 'query', description: 'The `next` value of the previous page.', schema: str },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];
const entityType = { type: 'string', enum: ['person', 'organization', 'place'] };

export const ENTITY_PATHS: Record<string, unknown> = {
  '/api/entities': { get: {
    summary: 'People, organisations and places named in the archive, most-mentioned first',
    description: 'Empty when the archive has not been enriched (run `dateline reenrich`).',
    parameters: [
      { name: 'type', in: 'query', schema: entityType },
      { name: 'q', in: 'query', description: 'Name prefix, matched at the start of the name or of any word in it ("put" finds Vladimir Putin).', schema: str },
      since, ...page,
    ],
    responses: { 200: ok({ type: 'object', required: ['entities'], properties: { entities: { type: 'array', items: ref('Entity') }, next: str } }), 400: bad },
  } },
  '/api/entities/{id}': { get: {
    summary: 'One entity: its articles (newest first, with story ids), its quotes and the entities named with it',
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      { name: 'limit', in: 'query', description: 'Articles and quotes to return.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
    ],
    responses: { 200: ok(ref('EntityDetail')), 400: bad, 404: error('No entity with this id.') },
  } },
  '/api/quotes': { get: {
    summary: 'Direct quotations with their speakers, newest article first',
    parameters: [
      { name: 'speaker', in: 'query', description: 'An entity name (any spelling or a bare surname) or part of the speaker as written.', schema: str },
      since, ...page,
    ],
    responses: { 200: ok({ type: 'object', required: ['quotes'], properties: { quotes: { type: 'array', items: ref('Quote') }, next: str } }), 400: bad },
  } },
};

const entityProps = {
  id: int, key: { type: 'string', description: 'Archive-wide key, e.g. person:vladimir.putin.' }, type: entityType,
  name: { type: 'string', description: 'Canonical name (the fullest form seen).' },
  country: { type: ['string', 'null'], description: 'Places: ISO 3166-1 alpha-2 code.' }, lat: num, lon: num,
  kind: { type: 'string', description: 'Places: country, region or city.' },
  articles: { type: 'integer', description: 'Articles naming it.' }, lastPublished: str,
};

export const ENTITY_SCHEMAS: Record<string, unknown> = {
  Entity: { type: 'object', required: ['id', 'type', 'name', 'articles'], properties: { ...entityProps, quotes: { type: 'integer', description: 'Quotes attributed to it.' } } },
  EntityDetail: { type: 'object', required: ['id', 'type', 'name', 'articles', 'recentArticles', 'quotes', 'related'], properties: {
    ...entityProps,
    quoteCount: int,
    recentArticles: { type: 'array', items: { type: 'object', required: ['articleId', 'url'], properties: { articleId: int, url: str, title: str, published: str, storyId: int } } },
    quotes: { type: 'array', items: ref('Quote') },
    related: { type: 'array', description: 'Entities named in the same articles, most shared articles first.',
      items: { type: 'object', required: ['id', 'name', 'type', 'together'], properties: { id: int, name: str, type: entityType, together: int } } },
  } },
  Quote: { type: 'object', required: ['id', 'articleId', 'text', 'url'], properties: {
    id: int, articleId: int, text: str, speaker: { type: ['string', 'null'], description: 'The speaker as resolved in the article.' },
    entityId: { type: 'integer', description: 'The speaker entity, when resolved.' }, url: str, title: str, published: str } },
};

// Public API of the ingest stage: getting pages from the network (and, later, feeds, sitemaps, WARC).
export { fetchPage, parseRetryAfter, type FetchOptions, type FetchResult } from './fetch.js';
export { FetchError, type FetchErrorCode } from './fetch-error.js';
export { DEFAULT_USER_AGENT, DATELINE_VERSION } from './user-agent.js';
export { isPrivateAddress, guardedLookup, BlockedAddressError } from './net-guard.js';

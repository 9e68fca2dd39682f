// Dateline's library API. Each pipeline stage has its own public index; this file gathers them.
export * from './types.js';
export { extract, detectKind } from './extract/index.js';
export { startServer, createDatelineServer, type RunningServer, type ServerOptions, type IngestFn, type IngestRequest } from './server/index.js';

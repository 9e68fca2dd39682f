// What sources hand to the ingest pipeline: items to extract and store, or a failure/skip
// that is counted and recorded without stopping the batch.
import type { InputKind } from '../types.js';
import type { FailureRecord, ItemHints } from '../store/api.js';

export interface IngestItem {
  /** http(s) address, or `file://` for a local page without a known address. */
  url: string;
  body: Uint8Array;
  /** `body` is a gzip file (a local .gz page): the extraction worker gunzips it, and it is stored as it is. */
  gzipped?: boolean;
  kind?: InputKind;
  contentType?: string;
  /** ISO 8601; defaults to now. */
  fetchedAt?: string;
  status?: number;
  finalUrl?: string;
  redirects?: string[];
  source: string;
  hints?: ItemHints;
}

export type SourceEvent =
  | { type: 'item'; item: IngestItem }
  | { type: 'failure'; failure: FailureRecord }
  | { type: 'skip'; reason: string; url?: string; source: string };

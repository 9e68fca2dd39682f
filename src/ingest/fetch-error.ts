// Typed fetch failures: a short stable `code` for scripts and failure tables, a message for people.

export type FetchErrorCode =
  | 'EURL' // not a URL
  | 'EPROTOCOL' // not http(s), bad content-encoding, malformed response
  | 'EBLOCKED' // private / loopback / link-local target without allowPrivate
  | 'EDNS' // host name does not resolve
  | 'ECONNREFUSED'
  | 'ECONNRESET'
  | 'ENETWORK' // other socket-level failure (unreachable network, host down)
  | 'ETLS' // certificate or handshake failure
  | 'ETIMEOUT'
  | 'ETOOLARGE'
  | 'ETRUNCATED' // connection closed before the declared body arrived
  | 'EREDIRECT' // too many redirects, loop, missing Location
  | 'EHTTP' // non-2xx status (see `status`)
  | 'EABORTED';

export class FetchError extends Error {
  override name = 'FetchError';
  readonly code: FetchErrorCode;
  readonly url?: string;
  readonly status?: number;
  /** For 429/503 answers: how long the server asked us to wait. */
  readonly retryAfterMs?: number;
  constructor(code: FetchErrorCode, message: string, extra: { url?: string; status?: number; retryAfterMs?: number; cause?: unknown }) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    if (extra.url !== undefined) this.url = extra.url;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL)/;

/** Maps a socket / DNS / TLS error from node:http(s) onto a FetchError. */
export function classifyNetworkError(err: unknown, url: string): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as NodeJS.ErrnoException & { host?: string };
  const code = e?.code ?? '';
  const host = safeHost(url);
  if (code === 'EBLOCKED') return new FetchError('EBLOCKED', e.message, { url, cause: err });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NODATA' || code === 'EAI_NONAME') {
    return new FetchError('EDNS', `cannot resolve host ${host} (${code}); check the address`, { url, cause: err });
  }
  if (code === 'ECONNREFUSED') return new FetchError('ECONNREFUSED', `${host} refused the connection`, { url, cause: err });
  if (code === 'ECONNRESET' || code === 'EPIPE') return new FetchError('ECONNRESET', `${host} closed the connection (${code})`, { url, cause: err });
  if (code === 'ETIMEDOUT') return new FetchError('ETIMEOUT', `connecting to ${host} timed out`, { url, cause: err });
  if (TLS_CODES.test(code)) return new FetchError('ETLS', `TLS failure with ${host}: ${e.message} (${code})`, { url, cause: err });
  if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) return new FetchError('EPROTOCOL', `${host} sent a malformed HTTP response (${code})`, { url, cause: err });
  return new FetchError('ENETWORK', `network error with ${host}: ${e?.message ?? String(err)}${code ? ` (${code})` : ''}`, { url, cause: err });
}

function safeHost(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

import { secretsOf } from '../security/secret-headers.js';
import { TransportError, type TransportErrorCode } from './transport-error.js';

/** What `toTransportError` knows of the failed request, for the message and for redacting the cause. */
export interface FailureContext {
  /** The request method, for the message. */
  method?: string;
  /** The request URL; only its origin and path reach the message. */
  url?: string;
  /** The request's headers: their values (and the URL's query values) are redacted from the cause. */
  headers?: Readonly<Record<string, string>>;
  /** The request's signal: when it has fired, the failure is `ABORTED` whatever the library said. */
  signal?: AbortSignal | undefined;
}

// Error codes of Node's net/dns/tls/http layers, undici, axios and node-fetch, by contract code.
const CODES: ReadonlyArray<readonly [TransportErrorCode, ReadonlySet<string>]> = [
  ['ABORTED', new Set(['ABORT_ERR', 'ERR_CANCELED', 'UND_ERR_ABORTED'])],
  [
    'TIMEOUT',
    new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']),
  ],
  ['CONNECTION_REFUSED', new Set(['ECONNREFUSED'])],
  [
    'CONNECTION_RESET',
    new Set([
      'ECONNRESET',
      'EPIPE',
      'ECONNABORTED',
      'UND_ERR_SOCKET',
      'UND_ERR_CLOSED',
      'ERR_STREAM_PREMATURE_CLOSE',
      'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
      // HTTP/2: the server reset the stream (RST_STREAM) or closed the session before the response ended.
      'ERR_HTTP2_STREAM_ERROR',
      'ERR_HTTP2_SESSION_ERROR',
      'ERR_HTTP2_GOAWAY_SESSION',
    ]),
  ],
  ['DNS', new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'])],
  [
    'TLS',
    new Set([
      'CERT_HAS_EXPIRED',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'EPROTO',
    ]),
  ],
  ['PROTOCOL', new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR', 'ERR_INVALID_HTTP_RESPONSE', 'UND_ERR_INFO'])],
];

const MESSAGES: Record<TransportErrorCode, string> = {
  ABORTED: 'Request aborted',
  TIMEOUT: 'Request timed out',
  CONNECTION_REFUSED: 'Connection refused',
  CONNECTION_RESET: 'Connection closed by the server before the response was complete',
  DNS: 'Host name could not be resolved',
  TLS: 'TLS handshake or certificate check failed',
  PROTOCOL: 'The server sent a malformed HTTP response',
  UNKNOWN: 'Request failed',
  REDIRECT: 'Redirect not followed',
  INVALID_REQUEST: 'The request cannot be sent as given',
};

/**
 * Turns whatever an HTTP library threw into the contract's `TransportError`, keeping a scrubbed copy of
 * it as `cause` (class, code and message with the request's secrets redacted; never its config or headers).
 *
 * Libraries wrap their errors (fetch's `TypeError('fetch failed')`, axios' `AxiosError`, Node's
 * `AggregateError` from happy eyeballs), so the whole `cause`/`errors` chain is searched for a known code.
 * A `TransportError` passes through unchanged.
 */
export function toTransportError(error: unknown, context: FailureContext = {}): TransportError {
  if (TransportError.isInstance(error)) return error;
  const code = context.signal?.aborted ? 'ABORTED' : classify(error);
  const detail = code === 'UNKNOWN' ? describe(error) : '';
  return new TransportError(code, detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code], {
    cause: error,
    secrets: secretsOf(context.headers ?? {}, context.url ?? ''),
    ...(context.method === undefined ? {} : { method: context.method }),
    ...(context.url === undefined ? {} : { url: context.url }),
  });
}

function classify(error: unknown): TransportErrorCode {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, name, cause, errors } = current as {
      code?: unknown;
      name?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      const found = codeOf(code);
      if (found) return found;
    }
    if (name === 'AbortError') return 'ABORTED';
    if (name === 'TimeoutError') return 'TIMEOUT';
    if (name === 'HTTPParserError') return 'PROTOCOL'; // undici's parser errors may carry no code
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return 'UNKNOWN';
}

function codeOf(code: string): TransportErrorCode | undefined {
  for (const [contractCode, codes] of CODES) if (codes.has(code)) return contractCode;
  if (code.startsWith('HPE_')) return 'PROTOCOL';
  if (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.startsWith('CERT_')) return 'TLS';
  return undefined;
}

// Only the error's class and code: a library message may quote a header value or a URL with a key.
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return typeof error;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return [name, code].filter((part) => typeof part === 'string' && part !== '').join(' ');
}

import { redactUrl } from '../security/redact-url.js';
import { scrubError } from '../security/scrub.js';
import { errorBrand, WireaiError } from './wireai-error.js';

export { redactUrl };

/** The stable failure codes of the transport contract; new codes are only ever added. */
export const TRANSPORT_ERROR_CODES = [
  'ABORTED',
  'TIMEOUT',
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'DNS',
  'TLS',
  'PROTOCOL',
  'UNKNOWN',
  'REDIRECT',
  'INVALID_REQUEST',
] as const;

/**
 * Why a transport request failed:
 * - `ABORTED`: the caller's `AbortSignal` fired;
 * - `TIMEOUT`: a time limit of the library or the OS expired (wireai sets none by default);
 * - `CONNECTION_REFUSED`: nothing listens at the address;
 * - `CONNECTION_RESET`: the peer closed or reset the connection before the response was complete;
 * - `DNS`: the host name did not resolve;
 * - `TLS`: the TLS handshake or certificate check failed;
 * - `PROTOCOL`: the peer spoke malformed HTTP (a bad status line, bad chunk framing, bad compression);
 * - `UNKNOWN`: anything else; the original error, scrubbed, is in `cause`;
 * - `REDIRECT`: a redirect that is not followed: too many hops, a target that is not `http:`/`https:`, or a
 *   streamed body that a 307/308 would need sent again;
 * - `INVALID_REQUEST`: the request cannot be sent as given, and nothing was sent: a URL that is not absolute
 *   `http:`/`https:`, a header name that is not a token, a header value with CR, LF or NUL (which some
 *   stacks would silently rewrite, and others send as an injected header).
 */
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

/** The optional parts of a `TransportError`: its cause and what the message may say of the request. */
export interface TransportErrorOptions {
  /** The underlying error; kept scrubbed (see `scrubError`), never as the library's raw object. */
  cause?: unknown;
  /** Strings the cause's messages must not show (the request's header values, say). */
  secrets?: readonly string[];
  /** The request method, for the message. */
  method?: string;
  /** The request URL; only its origin and path are kept, since a query string may hold a key. */
  url?: string;
}

/** A transport request that failed before a complete response reached the sink. */
export class TransportError extends WireaiError {
  static override readonly brand: symbol = errorBrand('TransportError');

  readonly code: TransportErrorCode;
  /** The request method, when the transport knew it. */
  readonly method: string | undefined;
  /** The request URL without query string, fragment or credentials, when the transport knew it. */
  readonly url: string | undefined;

  constructor(code: TransportErrorCode, message: string, options: TransportErrorOptions = {}) {
    const url = options.url === undefined ? undefined : redactUrl(options.url);
    const where = options.method && url ? ` (${options.method} ${url})` : url ? ` (${url})` : '';
    // A library error keeps its config, request and headers, where the key is: only a scrubbed copy stays.
    const cause = TransportError.isInstance(options.cause)
      ? options.cause
      : scrubError(options.cause, options.secrets);
    super(`${message}${where}`, cause === undefined ? undefined : { cause });
    this.code = code;
    this.method = options.method;
    this.url = url;
  }
}

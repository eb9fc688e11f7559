import { errorBrand, WireaiError } from './wireai-error.js';

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
 * - `UNKNOWN`: anything else; the original error is in `cause`.
 */
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

export interface TransportErrorOptions {
  cause?: unknown;
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
    super(`${message}${where}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.method = options.method;
    this.url = url;
  }
}

/**
 * The URL as it is safe to show: origin and path only. Query strings (`?key=` for Gemini), fragments and
 * `user:password@` never reach a message, a log or a recording.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}

/**
 * The wireai transport contract, version 1.
 *
 * It mirrors LuaSocket's generic `http.request{url, method, headers, source, sink, redirect}`: the request
 * body is pumped from an ltn12-style *source*, the response body into an ltn12-style *sink*, and the call
 * answers with the status, the headers and the status line. Every rule stated here is checked by
 * `describeTransportConformance` in `@wireai/testing`; a transport that fails one is not done.
 */

/**
 * A request body, like an ltn12 source.
 *
 * - `string`: sent as its UTF-8 encoding.
 * - `Uint8Array`: sent byte for byte.
 * - `AsyncIterable<Uint8Array>`: each chunk sent as it is produced (chunked transfer encoding when no
 *   `content-length` header is given); the transport pulls the next chunk only when the previous one was
 *   written, so a large upload is never held in memory whole.
 */
export type Source = string | Uint8Array | AsyncIterable<Uint8Array>;

/**
 * A response body consumer, like an ltn12 sink.
 *
 * Called once per chunk in arrival order, then exactly once with `null` at the end of the body.
 * - Backpressure: if it returns a promise, no further call happens until that promise settles.
 * - Failure: if it throws or rejects, the transport aborts the request and `request()` rejects with that
 *   same error (not wrapped).
 * - Chunks are never empty; a chunk belongs to the sink once delivered (the transport does not reuse it).
 */
export type Sink<T = Uint8Array> = (chunk: T | null) => void | Promise<void>;

/** The status line and headers of a response, as `request()` resolves them and `onHeaders` sees them. */
export interface TransportResponse {
  /** The HTTP status code. Every status resolves: 4xx and 5xx are not errors at this layer. */
  readonly status: number;
  /**
   * Response headers. Names are lower-case; a header the server repeated is joined with `", "` in the order
   * received (`set-cookie` included), like LuaSocket's headers table.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The status line as LuaSocket reports it, e.g. `"HTTP/1.1 200 OK"` (reconstructed when the library hides it). */
  readonly statusLine: string;
}

/** One HTTP request, the TypeScript shape of LuaSocket's `http.request{...}` table. */
export interface TransportRequest {
  /** Absolute `http:` or `https:` URL. */
  readonly url: string;
  /** HTTP method, sent as given (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD`, …). */
  readonly method: string;
  /**
   * Request headers, sent as given (names and values unchanged; the transport may add `host`,
   * `content-length` or `transfer-encoding` and its library's defaults, but never drops or rewrites one of
   * these). A `content-length` given here is honoured.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body; absent means no body is sent. */
  readonly source?: Source;
  /**
   * Receives the response body chunk by chunk as it arrives (not after the whole body was read), with
   * backpressure. Absent: the body is read and dropped, so the connection can be reused.
   * Bodies arrive decoded: a `content-encoding` of gzip, deflate or br is undone before the sink.
   * 204 responses and `HEAD` requests deliver only the final `null`.
   */
  readonly sink?: Sink;
  /**
   * Called exactly once when the status and headers are known, before the first sink call. If it throws or
   * rejects, the request is aborted and `request()` rejects with that error; if it returns a promise, the
   * body is not delivered before it settles.
   */
  readonly onHeaders?: (head: TransportResponse) => void | Promise<void>;
  /**
   * Cancels the request whenever it fires: already aborted (nothing is sent), while connecting, while
   * waiting for headers, or mid-body. `request()` then rejects at once with a `TransportError` whose code
   * is `ABORTED`, whatever the library underneath is doing, and the library's request is torn down.
   * The transport applies no time limit of its own (a reasoning model may think for minutes before its
   * first byte): time limits are the caller's, through `timeout` or this signal.
   */
  readonly signal?: AbortSignal;
  /**
   * The most milliseconds the whole exchange may take: connect, headers, `onHeaders`, every body chunk
   * and the sink's final `null`. Past it `request()` rejects at once with a `TransportError` whose code is
   * `TIMEOUT`, and the library's request and its connection are torn down; once the exchange settled,
   * nothing of the limit is left running. Absent, or `Infinity`, or above 2³¹−1: no limit. Anything but
   * a number > 0 is refused with `INVALID_REQUEST`.
   */
  readonly timeout?: number;
  /**
   * Follow 3xx redirects (default `false`: the redirect response itself resolves). When following: only
   * `http:`/`https:` targets, at most the transport's hop limit, and a hop to another origin never carries
   * the credential headers (`SECRET_HEADERS` and `secretHeaders`); otherwise `request()` rejects with a
   * `TransportError` whose code is `REDIRECT`.
   */
  readonly redirect?: boolean;
  /**
   * The most body bytes (after content-encoding is undone) delivered to the sink. Past it the request is
   * aborted and `request()` rejects with a `LimitExceededError` (`limit: "maxBodyBytes"`), having held no
   * more than the limit; a `content-length` already past it stops the request before the body. Absent: no limit.
   */
  readonly maxBodyBytes?: number;
  /**
   * Names of further headers that carry credentials (a provider's own key header): dropped on a redirect
   * to another origin, like `SECRET_HEADERS`. Every header value is redacted from errors either way.
   */
  readonly secretHeaders?: readonly string[];
}

/**
 * An HTTP stack behind the contract.
 *
 * `request()` resolves only after the whole body went into the sink and `sink(null)` returned, with the
 * response head; it rejects with a `TransportError` (stable `code`; the library's error as `cause`,
 * scrubbed of URLs' queries and header values) when the exchange fails, with a `LimitExceededError` when
 * `maxBodyBytes` was passed, or with the sink's or `onHeaders`' own error. Whichever way it settles, no
 * socket, timer or listener of that request is left behind. `runExchange` keeps all of these rules; a
 * transport built on it supplies only its library's request for one hop.
 */
export interface Transport {
  /** A short name for logs and errors, e.g. `"undici"`, `"axios"`, `"fetch"`. */
  readonly name: string;
  /**
   * `true` when the transport keeps `TransportRequest.timeout` itself (every transport built on
   * `runExchange` does). A client then passes its time limit as `timeout` and needs no timer or
   * `AbortController` of its own; without it, a client must bound the request itself (through `signal`).
   */
  readonly supportsTimeout?: boolean;
  /** Sends one request, streams its body into `request.sink`, and resolves with the response head. */
  request(request: TransportRequest): Promise<TransportResponse>;
}

import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { toTransportError } from '../errors/to-transport-error.js';
import { TransportError } from '../errors/transport-error.js';
import { CallerFailure } from './caller-failure.js';
import type { TransportRequest, TransportResponse } from './contract.js';
import { type Hop, redirectHop, redirectLocation } from './redirect-policy.js';

/** One hop as a transport sends it: the request, and the caller's signal. */
export interface HopRequest extends Hop {
  /**
   * The caller's signal, when there is one: hand it to the library so an abort tears its request down.
   * (The exchange does not make a signal of its own: on Node 20 each AbortController costs microseconds
   * per request. Other early stops, a limit or a failing sink, go through `close()`.)
   */
  readonly signal?: AbortSignal | undefined;
}

/** What a transport's library answered for one hop. */
export interface OpenedResponse extends TransportResponse {
  /** The body with its content-encoding undone; absent when there is none (HEAD, 204, 304). */
  readonly body?: AsyncIterable<Uint8Array> | undefined;
  /**
   * Releases the body and its connection when it is not read to the end (a limit, a failing sink, an
   * abort, a redirect followed). Called at most once; a pending read of the body must then settle.
   */
  close?(): void;
}

/** A transport's whole library-specific part: send one hop, resolve its head and body. */
export type OpenHop = (hop: HopRequest) => Promise<OpenedResponse>;

export interface ExchangeOptions {
  /** Most redirects followed when the request asks for `redirect: true` (default 20). */
  maxRedirects?: number;
  /** The library follows redirects itself (a browser's fetch, which cannot show a redirect): skip ours. */
  libraryFollowsRedirects?: boolean;
}

/**
 * The transport contract, kept once for every transport: a transport supplies `open` (its library's
 * request for one hop) and this does the rest.
 *
 * - An already aborted signal rejects at once with `ABORTED`; nothing is sent.
 * - The caller's signal is raced against every phase (connect, headers, `onHeaders`, a waiting sink), so
 *   abort settles at once whatever the library does underneath; the library, which has the same signal,
 *   tears its request down, and `close()` releases a body already opened.
 * - Redirects are followed (when asked) by the one redirect policy, `redirectHop`.
 * - `maxBodyBytes` stops a body at the limit with a `LimitExceededError` (a `content-length` past it stops
 *   the request before the body is read).
 * - Library errors become scrubbed `TransportError`s; the caller's own `onHeaders`/sink errors pass as they are.
 * - Listeners are removed however it ends.
 */
export async function runExchange(
  request: TransportRequest,
  open: OpenHop,
  options: ExchangeOptions = {},
): Promise<TransportResponse> {
  const { signal } = request;
  const context = { method: request.method, url: request.url, headers: request.headers };
  if (signal?.aborted) throw new TransportError('ABORTED', 'Request aborted', context);
  const invalid = invalidPart(request);
  if (invalid) throw new TransportError('INVALID_REQUEST', `The request cannot be sent: ${invalid}`, context);

  let opened: OpenedResponse | undefined;
  let closed = false;
  const release = () => {
    if (closed || !opened) return;
    closed = true;
    opened.close?.();
  };
  // Rejects (once) when the caller aborts; every phase that could wait is raced against it.
  let stop: (error: TransportError) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => undefined);
  let abortError: TransportError | undefined;
  const onAbort = () => {
    abortError = new TransportError('ABORTED', 'Request aborted', context);
    release();
    stop(abortError);
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    let hop: Hop = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      ...(request.source === undefined ? {} : { source: request.source }),
    };
    const follow = request.redirect === true && options.libraryFollowsRedirects !== true;
    const maxRedirects = options.maxRedirects ?? 20;
    for (let redirects = 0; ; redirects++) {
      const pending = open(signal ? { ...hop, signal } : hop);
      opened = signal ? await raced(pending, stopped, (late) => late.close?.()) : await pending;
      closed = false;
      const location = follow ? redirectLocation(opened.status, opened.headers) : undefined;
      if (location === undefined) break;
      if (redirects >= maxRedirects)
        throw new TransportError(
          'REDIRECT',
          `Redirect not followed: more than ${maxRedirects} redirects`,
          context,
        );
      release();
      hop = redirectHop(hop, opened.status, location, request.secretHeaders);
    }
    const head: TransportResponse = {
      status: opened.status,
      headers: opened.headers,
      statusLine: opened.statusLine,
    };
    await deliver(head, opened.body, request, signal ? stopped : undefined);
    if (abortError) throw abortError; // a library that ends the body quietly when torn down
    return head;
  } catch (error) {
    release();
    if (error instanceof CallerFailure) throw error.error;
    if (LimitExceededError.isInstance(error)) throw error;
    if (abortError) throw abortError;
    throw toTransportError(error, { ...context, signal });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

// What no stack may be handed: named without quoting a value, which may be a key.
function invalidPart(request: TransportRequest): string | undefined {
  const { url, method, headers } = request;
  if (!/^https?:\/\/[^/]/i.test(url)) return 'the URL is not absolute http(s)';
  if (!TOKEN.test(method)) return 'the method is not an HTTP token';
  for (const name in headers) {
    if (!TOKEN.test(name)) return 'a header name is not an HTTP token';
    if (FORBIDDEN_IN_VALUE.test(headers[name] as string))
      return `the value of header ${name} contains CR, LF or NUL`;
  }
  return undefined;
}

/** `promise`, unless `stopped` rejects first; a value that arrives too late is handed to `late`. */
function raced<T>(promise: Promise<T>, stopped: Promise<never>, late?: (value: T) => void): Promise<T> {
  let lost = false;
  promise.then(
    (value) => {
      if (lost) late?.(value);
    },
    () => undefined,
  );
  return Promise.race([promise, stopped]).catch((error: unknown) => {
    lost = true;
    throw error;
  });
}

// Wraps the caller's own failures, so they are told apart from the library's.
async function callerStep(step: () => unknown): Promise<void> {
  try {
    await step();
  } catch (error) {
    throw new CallerFailure(error);
  }
}

async function deliver(
  head: TransportResponse,
  body: AsyncIterable<Uint8Array> | undefined,
  request: TransportRequest,
  stopped: Promise<never> | undefined,
): Promise<void> {
  const { sink, onHeaders, maxBodyBytes } = request;
  const max = maxBodyBytes ?? Number.POSITIVE_INFINITY;
  if (max < Number.POSITIVE_INFINITY && head.headers['content-encoding'] === undefined) {
    const length = Number(head.headers['content-length']);
    if (length > max) throw new LimitExceededError('maxBodyBytes', max, 'The response body');
  }
  if (onHeaders) {
    const step = callerStep(() => onHeaders(head));
    await (stopped ? raced(step, stopped) : step);
  }
  let received = 0;
  if (body) {
    for await (const chunk of body) {
      if (chunk.byteLength === 0) continue;
      received += chunk.byteLength;
      if (received > max) throw new LimitExceededError('maxBodyBytes', max, 'The response body');
      if (!sink) continue;
      let written: unknown;
      try {
        written = sink(chunk);
      } catch (error) {
        throw new CallerFailure(error);
      }
      // Backpressure: the next chunk is pulled once the sink's promise settled (or the caller aborted).
      if (written) {
        const step = callerStep(() => written);
        await (stopped ? raced(step, stopped) : step);
      }
    }
  }
  if (sink) {
    const step = callerStep(() => sink(null));
    await (stopped ? raced(step, stopped) : step);
  }
}

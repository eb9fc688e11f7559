import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { toTransportError } from '../errors/to-transport-error.js';
import { TransportError } from '../errors/transport-error.js';
import { CallerFailure } from './caller-failure.js';
import type { TransportRequest, TransportResponse } from './contract.js';
import { ExchangeSignal, type HopSignal } from './hop-signal.js';
import { type Hop, redirectHop, redirectLocation } from './redirect-policy.js';

/** One hop as a transport sends it: the request, the caller's signal, and the time left. */
export interface HopRequest extends Hop {
  /**
   * The caller's signal, when there is one, for a library that takes only a real `AbortSignal` (fetch).
   * (The exchange makes no AbortController of its own: on Node 20 each costs microseconds per request.
   * Other early stops, a limit or a failing sink, go through `close()`.)
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Fires when the exchange gives up on the hop, on the caller's abort or at the deadline; present when
   * the request has a `signal` or a `timeout`. Hand it to a library that accepts such a signal (undici,
   * axios) so its request, even one still connecting, is torn down.
   */
  readonly cancel?: HopSignal | undefined;
  /**
   * Milliseconds left before the request's `timeout`, when it has one: for the library's own time limits
   * (undici's `headersTimeout`, axios' `timeout`, fetch's `AbortSignal.timeout`). The exchange keeps the
   * deadline whatever the library does; these only let the library stop its own work at the same time.
   */
  readonly timeout?: number | undefined;
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

/** Options of `runExchange`, for the transport that calls it. */
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
 * - The caller's signal and the request's `timeout` (one timer per exchange, cleared when it settles) are
 *   raced against every phase (connect, headers, `onHeaders`, each body chunk, a waiting sink), so abort
 *   settles at once with `ABORTED`, and the deadline with `TIMEOUT`, whatever the library does
 *   underneath; the hop's `cancel` fires so the library tears its request down, and `close()` releases a
 *   body already opened.
 * - Redirects are followed (when asked) by the one redirect policy, `redirectHop`.
 * - `maxBodyBytes` stops a body at the limit with a `LimitExceededError` (a `content-length` past it stops
 *   the request before the body is read).
 * - Library errors become scrubbed `TransportError`s; the caller's own `onHeaders`/sink errors pass as they are.
 * - Listeners are removed however it ends.
 */
export function runExchange(
  request: TransportRequest,
  open: OpenHop,
  options: ExchangeOptions = {},
): Promise<TransportResponse> {
  return new Exchange(request, open, options).run();
}

/** Past this, `setTimeout` fires at once (a 32-bit delay): such a limit counts as none. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One exchange's state; a class, so the hot path allocates one object rather than a closure per step. */
class Exchange {
  private opened: OpenedResponse | undefined;
  private closed = false;
  /** The `ABORTED` or `TIMEOUT` error that ended the exchange early, whichever came first. */
  private failure: TransportError | undefined;
  /** Tells the library to stop; only when there is a signal or a deadline to obey. */
  private cancel: ExchangeSignal | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deadline = 0;
  /** Rejects the phase now waiting (open, onHeaders, a sink's promise), so an abort settles it at once. */
  private rejectWaiting: ((error: unknown) => void) | undefined;
  private readonly context: { method: string; url: string; headers: Readonly<Record<string, string>> };

  constructor(
    private readonly request: TransportRequest,
    private readonly open: OpenHop,
    private readonly options: ExchangeOptions,
  ) {
    this.context = { method: request.method, url: request.url, headers: request.headers };
  }

  /** The abort listener (an EventListener object: no closure per exchange). */
  handleEvent(): void {
    this.stop(new TransportError('ABORTED', 'Request aborted', this.context));
  }

  /** The deadline passed. */
  expire(): void {
    this.timer = undefined;
    this.stop(
      new TransportError('TIMEOUT', `Request timed out after ${this.request.timeout} ms`, this.context),
    );
  }

  /** Ends the exchange early with `failure`: the library is told, the body released, the waiting phase rejected. */
  private stop(failure: TransportError): void {
    if (this.failure) return;
    this.failure = failure;
    this.cancel?.fire(failure);
    this.release();
    const reject = this.rejectWaiting;
    this.rejectWaiting = undefined;
    reject?.(failure);
  }

  async run(): Promise<TransportResponse> {
    const { request, context } = this;
    const { signal } = request;
    if (signal?.aborted) throw new TransportError('ABORTED', 'Request aborted', context);
    const invalid = invalidPart(request);
    if (invalid)
      throw new TransportError('INVALID_REQUEST', `The request cannot be sent: ${invalid}`, context);
    const { timeout } = request;
    if (timeout !== undefined && timeout <= MAX_TIMER_MS) {
      this.deadline = Date.now() + timeout;
      this.timer = setTimeout(expire, timeout, this);
    }
    if (signal || this.timer !== undefined) this.cancel = new ExchangeSignal();
    signal?.addEventListener('abort', this, { once: true });
    try {
      const opened = await this.openFollowing();
      const head: TransportResponse = {
        status: opened.status,
        headers: opened.headers,
        statusLine: opened.statusLine,
      };
      await this.deliver(head, opened.body);
      if (this.failure) throw this.failure; // a library that ends the body quietly when torn down
      return head;
    } catch (error) {
      this.release();
      if (error instanceof CallerFailure) throw error.error;
      if (LimitExceededError.isInstance(error)) throw error;
      if (this.failure) throw this.failure;
      throw toTransportError(error, { ...context, signal });
    } finally {
      if (this.timer !== undefined) clearTimeout(this.timer);
      signal?.removeEventListener('abort', this);
    }
  }

  /** The response of the last hop: redirects followed, when asked, by the one policy. */
  private async openFollowing(): Promise<OpenedResponse> {
    const { request, options } = this;
    let hop = this.withSignals(request);
    const follow = request.redirect === true && options.libraryFollowsRedirects !== true;
    const maxRedirects = options.maxRedirects ?? 20;
    for (let redirects = 0; ; redirects++) {
      const opened = await this.wait(this.open(hop), false, closeLate);
      this.opened = opened;
      this.closed = false;
      const location = follow ? redirectLocation(opened.status, opened.headers) : undefined;
      if (location === undefined) return opened;
      if (redirects >= maxRedirects)
        throw new TransportError(
          'REDIRECT',
          `Redirect not followed: more than ${maxRedirects} redirects`,
          this.context,
        );
      this.release();
      hop = this.withSignals(redirectHop(hop, opened.status, location, request.secretHeaders));
    }
  }

  /** The hop with what tells its library to stop: the caller's signal, `cancel`, the time left. */
  private withSignals(hop: Hop): HopRequest {
    // Built field by field: spreading costs more than the rest of this per-request step.
    const next: { -readonly [K in keyof HopRequest]: HopRequest[K] } = {
      url: hop.url,
      method: hop.method,
      headers: hop.headers,
    };
    if (hop.source !== undefined) next.source = hop.source;
    if (this.cancel) {
      next.cancel = this.cancel;
      if (this.request.signal) next.signal = this.request.signal;
      if (this.timer !== undefined) next.timeout = Math.max(1, this.deadline - Date.now());
    }
    return next;
  }

  private async deliver(head: TransportResponse, body: AsyncIterable<Uint8Array> | undefined): Promise<void> {
    const { sink, onHeaders, maxBodyBytes } = this.request;
    const max = maxBodyBytes ?? Number.POSITIVE_INFINITY;
    if (max < Number.POSITIVE_INFINITY && head.headers['content-encoding'] === undefined) {
      const length = Number(head.headers['content-length']);
      if (length > max) throw new LimitExceededError('maxBodyBytes', max, 'The response body');
    }
    if (onHeaders) {
      const waiting = this.callerStep(onHeaders, head);
      if (waiting) await waiting;
    }
    let received = 0;
    if (body) {
      for await (const chunk of body) {
        if (chunk.byteLength === 0) continue;
        received += chunk.byteLength;
        if (received > max) throw new LimitExceededError('maxBodyBytes', max, 'The response body');
        if (!sink) continue;
        // Backpressure: the next chunk is pulled once the sink's promise settled (or the caller aborted).
        const waiting = this.callerStep(sink, chunk);
        if (waiting) await waiting;
      }
    }
    if (sink) {
      const waiting = this.callerStep(sink, null);
      if (waiting) await waiting;
    }
  }

  /** Calls the caller's `step`; its errors are the caller's own. Only a returned promise is waited for. */
  private callerStep<A>(step: (argument: A) => unknown, argument: A): Promise<void> | undefined {
    let result: unknown;
    try {
      result = step(argument);
    } catch (error) {
      throw new CallerFailure(error);
    }
    if (
      result === null ||
      typeof result !== 'object' ||
      typeof (result as PromiseLike<unknown>).then !== 'function'
    )
      return undefined;
    return this.wait(Promise.resolve(result as PromiseLike<unknown>), true).then(nothing);
  }

  /**
   * `promise`, unless the caller aborts first. A value that arrives after the abort won is handed to
   * `late` (to close a response nobody will read); `caller` marks the caller's own failures.
   */
  private wait<T>(promise: Promise<T>, caller: boolean, late?: (value: T) => void): Promise<T> {
    if (!this.cancel) return caller ? promise.catch(asCallerFailure) : promise;
    if (this.failure) {
      promise.then(late, nothing);
      return Promise.reject(this.failure);
    }
    return new Promise<T>((resolve, reject) => {
      this.rejectWaiting = reject;
      promise.then(
        (value) => {
          if (this.rejectWaiting !== reject) return late?.(value);
          this.rejectWaiting = undefined;
          resolve(value);
        },
        (error: unknown) => {
          if (this.rejectWaiting === reject) this.rejectWaiting = undefined;
          reject(caller ? new CallerFailure(error) : error);
        },
      );
    });
  }

  private release(): void {
    if (this.closed || !this.opened) return;
    this.closed = true;
    this.opened.close?.();
  }
}

const nothing = (): void => undefined;
const expire = (exchange: Exchange): void => exchange.expire();
const closeLate = (late: OpenedResponse): void => late.close?.();
const asCallerFailure = (error: unknown): never => {
  throw new CallerFailure(error);
};

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

// What no stack may be handed: named without quoting a value, which may be a key.
function invalidPart(request: TransportRequest): string | undefined {
  const { url, method, headers, timeout } = request;
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0))
    return 'the timeout is not a number of milliseconds > 0';
  if (!/^https?:\/\/[^/]/i.test(url)) return 'the URL is not absolute http(s)';
  if (!TOKEN.test(method)) return 'the method is not an HTTP token';
  for (const name in headers) {
    if (!TOKEN.test(name)) return 'a header name is not an HTTP token';
    if (FORBIDDEN_IN_VALUE.test(headers[name] as string))
      return `the value of header ${name} contains CR, LF or NUL`;
  }
  return undefined;
}

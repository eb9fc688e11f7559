import {
  formatStatusLine,
  type HopRequest,
  type OpenedResponse,
  runExchange,
  type Transport,
  type TransportRequest,
  toHeaderRecord,
} from '@wireai/core';
import { readBody, toRequestBody } from './body-streams.js';
import type { FetchInit, FetchLike, FetchResponseLike } from './fetch-like.js';

/** Options of `createFetchTransport`. */
export interface FetchTransportOptions {
  /** The fetch to send with: default `globalThis.fetch`; node-fetch v3 and other WHATWG fetches fit. */
  fetch?: FetchLike;
  /**
   * Extra fields for every fetch call, for what the contract leaves to the stack: a proxy or pool
   * (`{ dispatcher }` for Node's fetch, `{ agent }` for node-fetch), `credentials`, `cache`, …
   */
  init?: Record<string, unknown>;
  /**
   * Stream async-iterable request bodies (`duplex: 'half'`). Default: on for the global fetch, off for
   * a fetch you pass in, since node-fetch cannot send a WHATWG stream; off means the body is read whole
   * first and sent with a content-length.
   */
  streamRequestBody?: boolean;
  /**
   * Who follows redirects when a request asks for `redirect: true`: `'transport'` (wireai's one redirect
   * policy, as on every transport: only http(s) targets, every credential header dropped across origins)
   * or `'fetch'` (the fetch's own rules, which drop only `Authorization` across origins). Default:
   * `'transport'`, except in browsers, where fetch hides a redirect from its caller and so must follow it.
   */
  followRedirects?: 'fetch' | 'transport';
  /** Most redirects followed by the transport (default 20). */
  maxRedirects?: number;
}

/** A transport on WHATWG fetch: the runtime's own by default, node-fetch v3 or any other fetch on request. */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const custom = options.fetch !== undefined;
  const fetch = options.fetch ?? globalFetch();
  const streamRequestBody = options.streamRequestBody ?? !custom;
  const followRedirects = options.followRedirects ?? (inBrowser() ? 'fetch' : 'transport');
  const maxRedirects = options.maxRedirects ?? 20;

  // The library-specific half of the contract: one fetch per hop; runExchange keeps the rules.
  async function open(hop: HopRequest, follow: boolean): Promise<OpenedResponse> {
    // fetch sets content-length itself and rejects a second one; a caller's length is honoured by
    // sending a body of known length (a stream is read whole), which fetch then measures.
    const { headers, contentLength } = withoutContentLength(hop.headers);
    const body = await toRequestBody(hop.source, streamRequestBody && contentLength === undefined);
    const init: FetchInit = {
      ...options.init,
      method: hop.method,
      headers,
      redirect: follow ? 'follow' : 'manual',
      ...signalOf(hop),
      ...(body === undefined ? {} : { body }),
      ...(body instanceof ReadableStream ? { duplex: 'half' as const } : {}),
    };
    const response = await fetch(hop.url, init);
    const pairs: Array<[string, string]> = [];
    response.headers.forEach((value, name) => void pairs.push([name, value]));
    const reader = response.body ? readBody(response.body) : undefined;
    return {
      status: response.status,
      headers: toHeaderRecord(pairs),
      statusLine: formatStatusLine(response.status, response.statusText),
      body: reader,
      close() {
        // A body being read is cancelled by its reader; one never read (a redirect, a limit seen in the
        // head) is cancelled, or destroyed for node-fetch's Node stream, so its socket is released.
        void reader?.return().catch(() => undefined);
        discardUnread(response.body);
      },
    };
  }

  const exchange = { maxRedirects, libraryFollowsRedirects: followRedirects === 'fetch' };
  const request = (request: TransportRequest) =>
    runExchange(
      request,
      (hop) => open(hop, request.redirect === true && followRedirects === 'fetch'),
      exchange,
    );

  return { name: 'fetch', supportsTimeout: true, request };
}

/**
 * fetch takes only a real AbortSignal. With a deadline, one controller follows the exchange's `cancel`
 * (fired by the exchange's own timer, cleared when the exchange settles, or by the caller's abort), so fetch
 * stops its work at the deadline and no timer outlives the request: `AbortSignal.timeout` would leave one
 * running for the whole timeout, and runtimes whose timer is not unref'd (edge-runtime) could not exit.
 */
function signalOf(hop: HopRequest): { signal?: AbortSignal } {
  const { signal, cancel } = hop;
  if (hop.timeout === undefined || !cancel) return signal ? { signal } : {};
  const controller = new AbortController();
  if (cancel.aborted) controller.abort(cancel.reason);
  else cancel.addEventListener('abort', () => controller.abort(cancel.reason), { once: true });
  return { signal: controller.signal };
}

function discardUnread(body: FetchResponseLike['body']): void {
  if (!body) return;
  const stream = body as { destroy?: () => void; locked?: boolean; cancel?: () => Promise<void> };
  if (typeof stream.destroy === 'function') stream.destroy();
  else if (stream.locked === false && typeof stream.cancel === 'function')
    void stream.cancel().catch(() => undefined);
}

function withoutContentLength(given: Readonly<Record<string, string>>) {
  const headers: Record<string, string> = {};
  let contentLength: string | undefined;
  for (const [name, value] of Object.entries(given)) {
    if (name.toLowerCase() === 'content-length') contentLength = value;
    else headers[name] = value;
  }
  return { headers, contentLength };
}

// A page's fetch answers a manual redirect with an opaque response: only the fetch itself can follow it.
function inBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}

function globalFetch(): FetchLike {
  if (typeof globalThis.fetch !== 'function') {
    throw new TypeError(
      'createFetchTransport(): this runtime has no global fetch; pass one, e.g. createFetchTransport({ fetch: nodeFetch })',
    );
  }
  return globalThis.fetch.bind(globalThis);
}

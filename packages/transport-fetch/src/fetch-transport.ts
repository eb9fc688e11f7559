import {
  CallerFailure,
  deliverResponse,
  formatStatusLine,
  type Transport,
  type TransportRequest,
  type TransportResponse,
  toHeaderRecord,
  toTransportError,
} from '@wireai/core';
import { readBody, toRequestBody } from './body-streams.js';
import type { FetchInit, FetchLike, FetchResponseLike } from './fetch-like.js';
import { fetchFollowingRedirects } from './follow-redirects.js';

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
   * Who follows redirects when a request asks for `redirect: true`: `'fetch'` (its own spec-conformant
   * logic; the only choice in browsers) or `'transport'` (wireai's, for fetches whose rules differ, such
   * as node-fetch keeping `Authorization` across ports). Default: `'fetch'` for the global fetch,
   * `'transport'` for a fetch you pass in.
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
  const followRedirects = options.followRedirects ?? (custom ? 'transport' : 'fetch');
  const maxRedirects = options.maxRedirects ?? 20;

  async function request(request: TransportRequest): Promise<TransportResponse> {
    const { url, method, signal } = request;
    const context = { method, url, signal };
    if (signal?.aborted) throw toTransportError(signal.reason, context);

    // One controller per request: it carries the caller's abort and lets a failing sink stop the fetch.
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      let response: FetchResponseLike;
      try {
        // fetch sets content-length itself and rejects a second one; a caller's length is honoured by
        // sending a body of known length (a stream is read whole), which fetch then measures.
        const { headers, contentLength } = withoutContentLength(request.headers);
        const body = await toRequestBody(request.source, streamRequestBody && contentLength === undefined);
        const init: FetchInit = {
          ...options.init,
          method,
          headers,
          redirect: request.redirect && followRedirects === 'fetch' ? 'follow' : 'manual',
          signal: controller.signal,
          ...(body === undefined ? {} : { body }),
          ...(body instanceof ReadableStream ? { duplex: 'half' as const } : {}),
        };
        response =
          request.redirect && followRedirects === 'transport'
            ? await fetchFollowingRedirects(fetch, url, init, maxRedirects)
            : await fetch(url, init);
      } catch (error) {
        throw toTransportError(error, context);
      }

      const pairs: Array<[string, string]> = [];
      response.headers.forEach((value, name) => void pairs.push([name, value]));
      const head: TransportResponse = {
        status: response.status,
        headers: toHeaderRecord(pairs),
        statusLine: formatStatusLine(response.status, response.statusText),
      };
      try {
        await deliverResponse(head, response.body ? readBody(response.body) : undefined, request);
      } catch (error) {
        controller.abort();
        if (error instanceof CallerFailure) throw error.error;
        throw toTransportError(error, context);
      }
      return head;
    } finally {
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  return { name: 'fetch', request };
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

function globalFetch(): FetchLike {
  if (typeof globalThis.fetch !== 'function') {
    throw new TypeError(
      'createFetchTransport(): this runtime has no global fetch; pass one, e.g. createFetchTransport({ fetch: nodeFetch })',
    );
  }
  return globalThis.fetch.bind(globalThis) as unknown as FetchLike;
}

import { STATUS_CODES } from 'node:http';
import {
  CallerFailure,
  deliverResponse,
  formatStatusLine,
  sources,
  type Transport,
  TransportError,
  type TransportRequest,
  type TransportResponse,
  toHeaderRecord,
} from '@wireai/core';
import { isResetConnection } from './faults.js';
import {
  type MockHandler,
  type MockRequest,
  mockRequest,
  type NormalisedResponse,
  normaliseResponse,
} from './mock-handler.js';

/** What the mock transport remembers of each request, for assertions. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface MockTransport extends Transport {
  /** Every request the handler answered, in order (redirect hops included). */
  readonly requests: readonly RecordedRequest[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * An in-memory transport: no sockets, the `handler` answers every request. It keeps the transport
 * contract like the network transports (it runs the socket-free part of the conformance suite): the
 * body reaches the sink chunk by chunk with backpressure, aborts reject with `ABORTED`, a thrown
 * `resetConnection()` rejects with `CONNECTION_RESET`, redirects are followed only when asked. An error
 * the handler throws otherwise rejects the request as it is, so a bug in a test's handler is plain to see.
 */
export function createMockTransport(handler: MockHandler): MockTransport {
  const requests: RecordedRequest[] = [];

  async function request(request: TransportRequest): Promise<TransportResponse> {
    const { signal, method, url } = request;
    const context = { method, url };
    if (signal?.aborted) throw aborted(context);
    // The handler's signal: fires on the caller's abort, and when the caller stops reading.
    const gone = new AbortController();
    const onAbort = () => gone.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const body = request.source === undefined ? new Uint8Array(0) : await sources.readAll(request.source);
      let current = { method, url, headers: request.headers, body };
      for (let hop = 0; ; hop++) {
        requests.push(current);
        const handled = mockRequest(current, gone.signal);
        const response = await untilAborted(answer(handler, handled, context), gone.signal, context);
        const location = headerOf(response, 'location');
        if (!request.redirect || !REDIRECTS.has(response.status) || location === undefined || hop >= 20) {
          return await deliver(response, request, gone, context);
        }
        await response.body?.[Symbol.asyncIterator]().return?.();
        current = nextHop(current, response.status, new URL(location, current.url).href);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return { name: 'mock', request, requests };
}

async function answer(
  handler: MockHandler,
  request: MockRequest,
  context: object,
): Promise<NormalisedResponse> {
  try {
    return normaliseResponse(await handler(request), request.method);
  } catch (error) {
    if (isResetConnection(error)) throw reset(context, error);
    throw error;
  }
}

async function deliver(
  response: NormalisedResponse,
  request: TransportRequest,
  gone: AbortController,
  context: { method: string; url: string },
): Promise<TransportResponse> {
  const head: TransportResponse = {
    status: response.status,
    headers: toHeaderRecord(response.headers),
    statusLine: formatStatusLine(response.status, STATUS_CODES[response.status]),
  };
  try {
    await deliverResponse(head, response.body && watched(response.body, gone.signal, context), request);
  } catch (error) {
    gone.abort();
    if (error instanceof CallerFailure) throw error.error;
    throw error;
  }
  return head;
}

/** The body's chunks, stopping with `ABORTED` as soon as the signal fires, even mid-wait. */
async function* watched(body: AsyncIterable<Uint8Array>, signal: AbortSignal, context: object) {
  const iterator = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await untilAborted(iterator.next(), signal, context);
      } catch (error) {
        if (isResetConnection(error)) throw reset(context, error);
        throw error;
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Like a server whose client went away: the handler's iterable is closed (its finally runs).
    void iterator.return?.()?.catch(() => undefined);
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, context: object): Promise<T> {
  if (signal.aborted) return Promise.reject(aborted(context));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted(context));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function nextHop(current: RecordedRequest, status: number, url: string): RecordedRequest {
  const headers: Record<string, string> = {};
  const crossOrigin = new URL(url).origin !== new URL(current.url).origin;
  const toGet =
    status === 303 || ((status === 301 || status === 302) && current.method.toUpperCase() === 'POST');
  for (const [name, value] of Object.entries(current.headers)) {
    const key = name.toLowerCase();
    if (crossOrigin && CREDENTIALS.has(key)) continue;
    if (toGet && key.startsWith('content-')) continue;
    headers[name] = value;
  }
  return toGet
    ? {
        method: current.method.toUpperCase() === 'HEAD' ? 'HEAD' : 'GET',
        url,
        headers,
        body: new Uint8Array(0),
      }
    : { ...current, url, headers };
}

function headerOf(response: NormalisedResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

const aborted = (context: object) => new TransportError('ABORTED', 'Request aborted', context);
const reset = (context: object, cause: unknown) =>
  new TransportError('CONNECTION_RESET', 'Connection closed by the server before the response was complete', {
    ...context,
    cause,
  });

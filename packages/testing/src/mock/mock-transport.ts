import { STATUS_CODES } from 'node:http';
import {
  CallerFailure,
  formatStatusLine,
  type HopRequest,
  type OpenedResponse,
  runExchange,
  sources,
  type Transport,
  TransportError,
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

/** An in-memory transport answered by a handler (see `createMockTransport`). */
export interface MockTransport extends Transport {
  /** Every request the handler answered, in order (redirect hops included). */
  readonly requests: readonly RecordedRequest[];
}

/**
 * An in-memory transport: no sockets, the `handler` answers every request. It keeps the transport
 * contract like the network transports (it runs the socket-free part of the conformance suite): the
 * body reaches the sink chunk by chunk with backpressure, aborts reject with `ABORTED`, a thrown
 * `resetConnection()` rejects with `CONNECTION_RESET`, redirects are followed only when asked. An error
 * the handler throws otherwise rejects the request as it is, so a bug in a test's handler is plain to see.
 */
export function createMockTransport(handler: MockHandler): MockTransport {
  const requests: RecordedRequest[] = [];

  // One hop, answered by the handler; runExchange keeps the contract's rules (abort, redirects, limits).
  async function open(hop: HopRequest): Promise<OpenedResponse> {
    const context = { method: hop.method, url: hop.url };
    const body = hop.source === undefined ? new Uint8Array(0) : await sources.readAll(hop.source);
    const recorded = { method: hop.method, url: hop.url, headers: hop.headers, body };
    requests.push(recorded);
    // The handler's signal fires on the caller's abort or timeout (the exchange's `cancel`), and when the
    // caller stops reading (close()).
    const gone = new AbortController();
    const onAbort = () => gone.abort();
    const signal = hop.cancel;
    if (signal?.aborted) gone.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const settled = () => signal?.removeEventListener('abort', onAbort);
    let response: NormalisedResponse;
    try {
      response = await answer(handler, mockRequest(recorded, gone.signal), context);
    } catch (error) {
      settled();
      throw error;
    }
    if (!response.body) settled();
    return {
      status: response.status,
      headers: toHeaderRecord(response.headers),
      statusLine: formatStatusLine(response.status, STATUS_CODES[response.status]),
      body: response.body && watched(response.body, gone.signal, context, settled),
      close: () => {
        gone.abort();
        settled();
      },
    };
  }

  return { name: 'mock', supportsTimeout: true, request: (request) => runExchange(request, open), requests };
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
    // A bug in a test's handler rejects the request as it is, plain to see.
    throw new CallerFailure(error);
  }
}

/** The body's chunks, stopping with `ABORTED` as soon as the signal fires, even mid-wait. */
async function* watched(
  body: AsyncIterable<Uint8Array>,
  signal: AbortSignal,
  context: object,
  done: () => void,
) {
  const iterator = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await untilAborted(iterator.next(), signal, context);
      } catch (error) {
        if (isResetConnection(error)) throw reset(context, error);
        if (TransportError.isInstance(error)) throw error;
        throw new CallerFailure(error); // the handler's own bug, as it is
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Like a server whose client went away: the handler's iterable is closed (its finally runs).
    void iterator.return?.()?.catch(() => undefined);
    done();
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

const aborted = (context: object) => new TransportError('ABORTED', 'Request aborted', context);
const reset = (context: object, cause: unknown) =>
  new TransportError('CONNECTION_RESET', 'Connection closed by the server before the response was complete', {
    ...context,
    cause,
  });

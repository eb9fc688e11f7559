import { sinkToAsyncIterable } from '@wireai/core';
import { APIError, APIUserAbortError } from '../errors.js';
import type { RequestOptions } from '../request/send-request.js';
import type { Result } from '../types.js';

/**
 * The async-iterable form of a streaming call, built on the callback form: events are handed over at
 * the consumer's pace (the transport waits: backpressure), the request starts on the first `next()`,
 * and leaving the loop early aborts it. A non-2xx answer or a failed stream throws from the loop.
 */
export function iterateEvents<E>(
  start: (
    onEvent: NonNullable<RequestOptions<E>['onEvent']>,
    signal: AbortSignal,
  ) => Promise<Result<unknown>>,
  callerSignal: AbortSignal | undefined,
): AsyncIterableIterator<E> {
  const { sink, iterable, fail, signal: stopped } = sinkToAsyncIterable<E>();
  let started = false;
  const begin = () => {
    if (started) return;
    started = true;
    const signal = callerSignal ? AbortSignal.any([callerSignal, stopped]) : stopped;
    start((event) => sink(event), signal).then(
      (result) => {
        if (stopped.aborted) return;
        if (result.ok) return sink(null);
        fail(APIError.for(result.status, result.body, result.headers, result.requestId));
      },
      (error: unknown) => {
        // The consumer left the loop: that abort is not an error to report.
        if (stopped.aborted && APIUserAbortError.isInstance(error)) return;
        fail(error);
      },
    );
  };
  // A plain iterator rather than an async generator: no extra promise hop per event.
  return {
    next() {
      begin();
      return iterable.next();
    },
    return() {
      return iterable.return?.() ?? Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      return iterable.throw?.(error) ?? Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

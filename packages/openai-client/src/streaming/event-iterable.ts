import { sinkToAsyncIterable } from '@wireai/core';
import { APIError, APIUserAbortError } from '../errors.js';
import type { RequestOptions } from '../request/send-request.js';
import type { Result } from '../types.js';

/**
 * The async-iterable form of a streaming call, built on the callback form: events are handed over at
 * the consumer's pace (the transport waits: backpressure), the request starts on the first `next()`,
 * and leaving the loop early aborts it. A non-2xx answer or a failed stream throws from the loop.
 */
export async function* iterateEvents<E>(
  start: (
    onEvent: NonNullable<RequestOptions<E>['onEvent']>,
    signal: AbortSignal,
  ) => Promise<Result<unknown>>,
  callerSignal: AbortSignal | undefined,
): AsyncGenerator<E, void, undefined> {
  const { sink, iterable, fail, signal: stopped } = sinkToAsyncIterable<E>();
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
  yield* iterable;
}

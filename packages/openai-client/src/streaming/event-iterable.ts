import { sinkToAsyncIterable } from '@wireai/core';
import { APIError, APIUserAbortError } from '../errors.js';
import type { RequestOptions } from '../request/send-request.js';
import type { Result } from '../types.js';

/**
 * Sees a stream from the producer's side: each event as it arrives, and how the stream ended. It runs
 * before the event is queued for the consumer, so adding a stream up costs the loop no promise per event.
 */
export interface StreamObserver<E> {
  event(event: E): void;
  /** The stream ended: normally (no argument), or with the error the loop gets. Not called when the consumer left. */
  end(failure?: { error: unknown }): void;
}

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
  observer?: StreamObserver<E>,
): AsyncIterableIterator<E> {
  const { sink, iterable, fail, signal: stopped } = sinkToAsyncIterable<E>();
  let started = false;
  const begin = () => {
    if (started) return;
    started = true;
    const { signal, release } = callerSignal
      ? eitherSignal(callerSignal, stopped)
      : { signal: stopped, release() {} };
    const onEvent = observer
      ? (event: E) => {
          observer.event(event);
          return sink(event);
        }
      : sink;
    const failWith = (error: unknown) => {
      observer?.end({ error });
      fail(error);
    };
    start(onEvent, signal).then(
      (result) => {
        release();
        if (stopped.aborted) return;
        if (result.ok) {
          observer?.end();
          return sink(null);
        }
        failWith(APIError.for(result.status, result.body, result.headers, result.requestId));
      },
      (error: unknown) => {
        release();
        // The consumer left the loop: that abort is not an error to report.
        if (stopped.aborted && APIUserAbortError.isInstance(error)) return;
        failWith(error);
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

/**
 * A signal that aborts when either does: `AbortSignal.any` where the runtime has it, else linked by hand
 * (Vercel's edge-runtime has no `AbortSignal.any`); `release` unlinks once the stream has settled.
 */
function eitherSignal(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; release: () => void } {
  if (typeof AbortSignal.any === 'function') return { signal: AbortSignal.any([a, b]), release() {} };
  const controller = new AbortController();
  const first = [a, b].find((signal) => signal.aborted);
  if (first) {
    controller.abort(first.reason);
    return { signal: controller.signal, release() {} };
  }
  const onA = () => controller.abort(a.reason);
  const onB = () => controller.abort(b.reason);
  a.addEventListener('abort', onA, { once: true });
  b.addEventListener('abort', onB, { once: true });
  return {
    signal: controller.signal,
    release() {
      a.removeEventListener('abort', onA);
      b.removeEventListener('abort', onB);
    },
  };
}

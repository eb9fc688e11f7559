import { errorBrand, WireaiError } from '../errors/wireai-error.js';
import type { Sink } from '../transport/contract.js';

/** The reason a sink gives when its async-iterable consumer stopped reading (a `break` out of the loop). */
export class ConsumerStoppedError extends WireaiError {
  static override readonly brand: symbol = errorBrand('ConsumerStoppedError');
  constructor() {
    super('The consumer stopped reading before the end of the body');
  }
}

/** A sink and the async iterable that reads what goes into it, at the consumer's pace. */
export interface SinkIterable<T> {
  /** Give this to the producer (a transport request, an SSE sink's `onEvent`). */
  readonly sink: Sink<T>;
  /** Single-consumer iterable of the chunks; ends after the sink's `null`. */
  readonly iterable: AsyncIterableIterator<T>;
  /**
   * Ends the iterable with `error` (the producer failed): chunks already handed over are still read,
   * then the consumer's `next()` rejects with it.
   */
  fail(error: unknown): void;
  /**
   * Fires when the consumer stops early (`break`, `return`, a throw in the loop). Pass it to the request
   * so the transport aborts; the sink also rejects from then on.
   */
  readonly signal: AbortSignal;
}

/**
 * Turns a sink into an async iterable with backpressure: a chunk offered while the consumer is busy is
 * held (one at most) and the sink's promise settles only when the consumer takes it, so the producer
 * never runs ahead of the consumer by more than one chunk.
 */
export function sinkToAsyncIterable<T>(): SinkIterable<T> {
  const stopped = new AbortController();
  let held: { value: T; taken: () => void; refused: (error: unknown) => void } | undefined;
  let reader: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  let ended = false;
  let failure: { error: unknown } | undefined;

  // Settles the waiting reader with the end or the failure; a failure is reported once, then it is the end.
  const finish = (): void => {
    const waiting = reader;
    reader = undefined;
    if (!waiting) return;
    if (failure) waiting.reject(takeFailure());
    else waiting.resolve({ value: undefined, done: true });
  };
  const takeFailure = (): unknown => {
    const error = failure?.error;
    failure = undefined;
    ended = true;
    return error;
  };

  const sink: Sink<T> = (chunk) => {
    if (stopped.signal.aborted) throw stopped.signal.reason;
    if (ended) throw new WireaiError('sinkToAsyncIterable(): chunk received after the end');
    if (chunk === null) {
      ended = true;
      return finish();
    }
    if (reader) {
      const waiting = reader;
      reader = undefined;
      waiting.resolve({ value: chunk, done: false });
      return;
    }
    return new Promise<void>((taken, refused) => {
      held = { value: chunk, taken, refused };
    });
  };

  const stop = (): IteratorResult<T> => {
    if (!ended && !failure && !stopped.signal.aborted) stopped.abort(new ConsumerStoppedError());
    held?.refused(stopped.signal.reason);
    held = undefined;
    ended = true;
    return { value: undefined, done: true };
  };

  const iterable: AsyncIterableIterator<T> = {
    next() {
      if (held) {
        const { value, taken } = held;
        held = undefined;
        taken();
        return Promise.resolve({ value, done: false });
      }
      if (failure) return Promise.reject(takeFailure());
      if (ended) return Promise.resolve({ value: undefined, done: true });
      if (reader) return Promise.reject(new WireaiError('sinkToAsyncIterable(): next() called concurrently'));
      return new Promise((resolve, reject) => {
        reader = { resolve, reject };
      });
    },
    return() {
      return Promise.resolve(stop());
    },
    throw(error?: unknown) {
      stop();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };

  return {
    sink,
    iterable,
    fail(error) {
      if (ended || failure) return;
      failure = { error };
      finish();
    },
    signal: stopped.signal,
  };
}

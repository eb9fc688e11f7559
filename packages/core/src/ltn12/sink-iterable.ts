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

/** Options of `sinkToAsyncIterable`. */
export interface SinkIterableOptions {
  /**
   * How many chunks may wait for the consumer before the sink makes the producer wait (default 16).
   * Small enough to bound memory, large enough that a fast consumer does not pay a promise per chunk.
   */
  highWaterMark?: number;
}

/**
 * Turns a sink into an async iterable with backpressure: chunks queue until `highWaterMark` are waiting,
 * then the sink returns a promise that settles only when the consumer has taken one, so the consumer's
 * pace decides how fast the producer (and so the socket) goes.
 */
export function sinkToAsyncIterable<T>(options: SinkIterableOptions = {}): SinkIterable<T> {
  const limit = Math.max(1, Math.floor(options.highWaterMark ?? 16));
  const stopped = new AbortController();
  let queue: T[] = [];
  let head = 0;
  let producer: { resume: () => void; refuse: (error: unknown) => void } | undefined;
  let reader: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  let ended = false;
  let failure: { error: unknown } | undefined;
  const queued = () => queue.length - head;

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
      if (queued() === 0) finish();
      return;
    }
    if (reader) {
      const waiting = reader;
      reader = undefined;
      waiting.resolve({ value: chunk, done: false });
      return;
    }
    queue.push(chunk);
    if (queued() < limit) return;
    return new Promise<void>((resume, refuse) => {
      producer = { resume, refuse };
    });
  };

  const stop = (): IteratorResult<T> => {
    if (!ended && !failure && !stopped.signal.aborted) stopped.abort(new ConsumerStoppedError());
    producer?.refuse(stopped.signal.reason);
    producer = undefined;
    queue = [];
    head = 0;
    ended = true;
    return { value: undefined, done: true };
  };

  const iterable: AsyncIterableIterator<T> = {
    next() {
      if (queued() > 0) {
        const value = queue[head++] as T;
        if (head > 1024 && head * 2 > queue.length) {
          queue = queue.slice(head);
          head = 0;
        }
        if (producer && queued() < limit) {
          producer.resume();
          producer = undefined;
        }
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
      if (ended || failure || stopped.signal.aborted) return;
      failure = { error };
      if (queued() === 0) finish();
    },
    signal: stopped.signal,
  };
}

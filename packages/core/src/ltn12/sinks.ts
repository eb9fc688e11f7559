import { sseSink } from '../sse/sse-sink.js';
import type { Sink } from '../transport/contract.js';
import { collect } from './collect.js';
import type { Filter } from './filter.js';

const isPromise = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

/**
 * A sink that passes each chunk through `filter` into `sink`, like `ltn12.sink.chain`. At the end the
 * filter is called with `null` so it can flush, then the sink gets its `null`.
 */
function chain<In, Out>(filter: Filter<In, Out>, sink: Sink<Out>): Sink<In> {
  const forward = (out: Out | null | undefined, end: boolean): void | Promise<void> => {
    if (out !== null && out !== undefined) {
      const written = sink(out);
      if (end) return isPromise(written) ? written.then(() => sink(null)) : sink(null);
      return written;
    }
    return end ? sink(null) : undefined;
  };
  return (chunk) => {
    const out = filter(chunk);
    return isPromise(out)
      ? out.then((value) => forward(value, chunk === null))
      : forward(out, chunk === null);
  };
}

/**
 * A sink that hands every chunk, and the end, to each sink in order, like `ltn12.sink.tee`; a sink that
 * returns a promise is awaited before the next one sees the chunk, so backpressure is the slowest's.
 */
function tee<T>(...targets: Sink<T>[]): Sink<T> {
  return (chunk) => {
    for (let i = 0; i < targets.length; i++) {
      const written = (targets[i] as Sink<T>)(chunk);
      if (isPromise(written)) return continueTee(targets, i + 1, chunk, written);
    }
    return undefined;
  };
}

async function continueTee<T>(
  targets: Sink<T>[],
  from: number,
  chunk: T | null,
  pending: PromiseLike<unknown>,
) {
  await pending;
  for (let i = from; i < targets.length; i++) await (targets[i] as Sink<T>)(chunk);
}

/** A sink that drops everything, like `ltn12.sink.null`: the body is read so the connection can be reused. */
function nullSink<T = Uint8Array>(): Sink<T> {
  return () => undefined;
}

/** ltn12-style response-body helpers. */
export const sinks = {
  /** A sink that keeps the whole body and reads it back once complete (see `collect`). */
  collect,
  /** A sink that passes each chunk through a filter into another sink, like `ltn12.sink.chain`. */
  chain,
  /** A sink that hands every chunk, and the end, to each of several sinks in order, like `ltn12.sink.tee`. */
  tee,
  /** A sink that drops everything, like `ltn12.sink.null`, so the body is still read. */
  null: nullSink,
  /** A sink that decodes a `text/event-stream` body into events (see `sseSink`). */
  sse: sseSink,
} as const;

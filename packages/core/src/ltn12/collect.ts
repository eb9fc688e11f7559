import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { errorBrand, WireaiError } from '../errors/wireai-error.js';
import type { Sink } from '../transport/contract.js';
import { concatBytes } from './sources.js';

/** A body larger than the `maxBytes` a collector was given; thrown from the sink, so it aborts the request. */
export class BodyTooLargeError extends LimitExceededError {
  static override readonly brand: symbol = errorBrand('BodyTooLargeError');
  readonly maxBytes: number;
  constructor(maxBytes: number, limit = 'maxBytes') {
    super(limit, maxBytes, 'The response body');
    this.maxBytes = maxBytes;
  }
}

/** Thrown by a collector's readers when the body was not complete (the sink never saw its final `null`). */
export class IncompleteBodyError extends WireaiError {
  static override readonly brand: symbol = errorBrand('IncompleteBodyError');
}

/** Options of `collect`. */
export interface CollectOptions {
  /** Abort the request (the sink throws `BodyTooLargeError`) once the body grows past this many bytes. */
  maxBytes?: number;
  /** The name of the caller's own option behind `maxBytes`, for the error (`maxBodyBytes`, say). */
  limitName?: string;
}

/** A sink that keeps the whole body, like `ltn12.sink.table`, and reads it back once it is complete. */
export interface Collector {
  readonly sink: Sink;
  /** Bytes received so far. */
  readonly byteLength: number;
  /** `true` once the sink received its final `null`. */
  readonly done: boolean;
  /** The body as one array (joined once, then cached). */
  bytes(): Uint8Array;
  /** The body decoded as UTF-8; malformed sequences become U+FFFD, a leading BOM is dropped. */
  text(): string;
  /** `JSON.parse` of `text()`; a `SyntaxError` when it is not JSON. */
  json<T = unknown>(): T;
}

/** Collects a response body in memory, for JSON replies and other bounded bodies. */
export function collect(options: CollectOptions = {}): Collector {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  let chunks: Uint8Array[] = [];
  let byteLength = 0;
  let done = false;
  let joined: Uint8Array | undefined;
  let decoded: string | undefined;

  const complete = (): void => {
    if (!done) throw new IncompleteBodyError('The body is not complete: the sink has not received its end');
  };
  const bytes = (): Uint8Array => {
    complete();
    if (!joined) {
      joined = concatBytes(chunks, byteLength);
      chunks = [];
    }
    return joined;
  };
  const text = (): string => {
    decoded ??= new TextDecoder().decode(bytes());
    return decoded;
  };

  return {
    sink(chunk) {
      if (done) throw new WireaiError('sinks.collect(): chunk received after the end of the body');
      if (chunk === null) {
        done = true;
        return;
      }
      byteLength += chunk.byteLength;
      if (byteLength > maxBytes) throw new BodyTooLargeError(maxBytes, options.limitName);
      chunks.push(chunk);
    },
    get byteLength() {
      return byteLength;
    },
    get done() {
      return done;
    },
    bytes,
    text,
    json: <T>() => JSON.parse(text()) as T,
  };
}

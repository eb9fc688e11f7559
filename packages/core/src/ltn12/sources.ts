import type { Source } from '../transport/contract.js';

const encoder = new TextEncoder();

/** A string as a source, encoded to UTF-8 once so its length is known (`content-length`, no chunking). */
function string(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Bytes as a source, sent as they are. */
function bytes(data: Uint8Array): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new TypeError('sources.bytes() expects a Uint8Array');
  return data;
}

/**
 * Any iterable of chunks as a streaming source. Strings are UTF-8 encoded and empty chunks skipped, so a
 * transport only ever sees non-empty `Uint8Array`s; the next chunk is pulled only when the transport asks.
 */
async function* iterable(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>) {
  for await (const chunk of chunks) {
    const data = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    if (!(data instanceof Uint8Array)) throw new TypeError('a source chunk must be a Uint8Array or a string');
    if (data.byteLength > 0) yield data;
  }
}

/** The sources one after another, like `ltn12.source.cat` (a multipart body built from parts, say). */
async function* cat(...parts: Source[]): AsyncGenerator<Uint8Array, void, undefined> {
  for (const part of parts) yield* toAsyncIterable(part);
}

/** A source with no bytes. */
function empty(): Uint8Array {
  return new Uint8Array(0);
}

/** Any source as chunks, for transports that stream the body. */
async function* toAsyncIterable(source: Source): AsyncGenerator<Uint8Array, void, undefined> {
  if (typeof source === 'string') {
    if (source.length > 0) yield encoder.encode(source);
  } else if (source instanceof Uint8Array) {
    if (source.byteLength > 0) yield source;
  } else {
    yield* iterable(source);
  }
}

/**
 * The whole source as one `Uint8Array`, for HTTP stacks that cannot stream a request body. Strings and
 * bytes are returned without copying more than once.
 */
async function readAll(source: Source): Promise<Uint8Array> {
  if (typeof source === 'string') return encoder.encode(source);
  if (source instanceof Uint8Array) return source;
  const chunks: Uint8Array[] = [];
  for await (const chunk of iterable(source)) chunks.push(chunk);
  return concatBytes(chunks);
}

/** Joins chunks into one array with a single copy. */
export function concatBytes(chunks: readonly Uint8Array[], totalLength?: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const total = totalLength ?? chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** ltn12-style request-body helpers. */
export const sources = {
  /** A string as a source, UTF-8 encoded once so its length is known. */
  string,
  /** Bytes as a source, sent as they are. */
  bytes,
  /** Any iterable of chunks as a streaming source; strings are UTF-8 encoded, empty chunks skipped. */
  iterable,
  /** The sources one after another, like `ltn12.source.cat`. */
  cat,
  /** A source with no bytes. */
  empty,
  /** Any source as non-empty `Uint8Array` chunks, for transports that stream the body. */
  toAsyncIterable,
  /** The whole source as one `Uint8Array`, for HTTP stacks that cannot stream a request body. */
  readAll,
} as const;

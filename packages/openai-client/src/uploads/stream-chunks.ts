import { ValidationError } from '../errors.js';
import { shown } from '../validation/options.js';

const encoder = new TextEncoder();

/**
 * A `ReadableStream`'s chunks as an async iterable, through its reader (not every runtime makes a
 * `ReadableStream` async-iterable: Safari does not). Stopping early cancels the stream.
 */
export async function* readableChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * The chunks of a streamed upload as bytes: a string chunk as UTF-8 (a text stream), any other chunk that
 * is not bytes is a `ValidationError` (the request then stops; what was sent is not a valid file).
 */
export async function* byteChunks(chunks: AsyncIterable<unknown>, path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk instanceof Uint8Array) yield chunk;
    else if (typeof chunk === 'string') yield encoder.encode(chunk);
    else if (chunk instanceof ArrayBuffer) yield new Uint8Array(chunk);
    else throw new ValidationError([{ path, message: `a chunk is not bytes: ${shown(chunk)}` }]);
  }
}

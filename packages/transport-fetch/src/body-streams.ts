import { readableChunks, type Source, sources } from '@wireai/core';

const utf8 = new TextEncoder();

/** A response body as chunks; leaving early cancels the WHATWG reader (or destroys the Node stream). */
export async function* readBody(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (!('getReader' in body)) {
    // A Node stream yields strings only when someone set an encoding on it; bytes are the norm.
    for await (const chunk of body) yield typeof chunk === 'string' ? utf8.encode(chunk) : chunk;
    return;
  }
  // Through its reader: not every runtime makes ReadableStream async-iterable.
  yield* readableChunks(body);
}

/**
 * The request body as fetch takes it. Strings and bytes go as they are; an async iterable becomes a
 * pull-driven ReadableStream (the next chunk is read only when fetch wants it), or is read whole first
 * when the fetch cannot stream request bodies (node-fetch).
 */
export async function toRequestBody(
  source: Source | undefined,
  streaming: boolean,
): Promise<string | Uint8Array | ReadableStream<Uint8Array> | undefined> {
  if (source === undefined || typeof source === 'string' || source instanceof Uint8Array) return source;
  if (!streaming) return sources.readAll(source);
  const chunks = sources.toAsyncIterable(source);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return();
    },
  });
}

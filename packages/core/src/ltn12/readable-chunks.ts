/**
 * A WHATWG `ReadableStream`'s chunks as an async iterable, read through its reader (not every runtime makes
 * a `ReadableStream` async-iterable: Safari does not), one chunk per pull. Leaving early cancels the stream,
 * so its producer stops too.
 */
export async function* readableChunks<T>(stream: ReadableStream<T>): AsyncGenerator<T, void, undefined> {
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

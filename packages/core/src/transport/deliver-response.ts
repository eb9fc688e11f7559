import type { TransportRequest, TransportResponse } from './contract.js';

/**
 * Wraps an error thrown by the caller's `onHeaders` or `sink`, so a transport can tell it from its
 * library's errors: the caller's error is rethrown unchanged, the library's becomes a `TransportError`.
 */
export class CallerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * The body half of every transport: calls `onHeaders` once, hands each non-empty chunk of `body` to the
 * sink (awaiting a returned promise before pulling the next chunk: backpressure), then `sink(null)`.
 *
 * Errors of `onHeaders` or the sink reject with a `CallerFailure`; errors of `body` reject as they are.
 * Either way the body's iterator is closed (`return()`), which destroys a Node stream or cancels a reader.
 */
export async function deliverResponse(
  head: TransportResponse,
  body: AsyncIterable<Uint8Array> | undefined,
  request: Pick<TransportRequest, 'sink' | 'onHeaders'>,
): Promise<void> {
  const { sink, onHeaders } = request;
  if (onHeaders) {
    try {
      await onHeaders(head);
    } catch (error) {
      throw new CallerFailure(error);
    }
  }
  if (body) {
    for await (const chunk of body) {
      if (chunk.byteLength === 0 || !sink) continue;
      try {
        const written = sink(chunk);
        if (written) await written;
      } catch (error) {
        throw new CallerFailure(error);
      }
    }
  }
  try {
    await sink?.(null);
  } catch (error) {
    throw new CallerFailure(error);
  }
}

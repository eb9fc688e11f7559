import type { Sink } from '../transport/contract.js';
import {
  createSseDecoder,
  type SseDecoderHandlers,
  type SseDecoderOptions,
  type SseEvent,
} from './sse-decoder.js';

/** Options of `sseSink`: the decoder's limits and framing, and its optional callbacks. */
export interface SseSinkOptions extends SseDecoderOptions {
  /** A valid `retry:` field (ASCII digits only): the reconnection time in milliseconds. */
  onRetry?: SseDecoderHandlers['onRetry'];
  /** A comment line (`: text`), with one leading space removed like a field value. */
  onComment?: SseDecoderHandlers['onComment'];
  /** Called at the end of the body; `discarded` is true when the stream stopped inside an event. */
  onEnd?(result: { discarded: boolean }): void | Promise<void>;
}

/**
 * A sink that decodes an event stream and calls `onEvent` for each event as its bytes arrive. When
 * `onEvent` returns a promise, the following events (and so the transport) wait for it: backpressure
 * reaches the socket. Any other return value is ignored, and synchronous consumers pay for no promise.
 */
export function sseSink(
  onEvent: (event: SseEvent) => unknown,
  options: SseSinkOptions = {},
): Sink<Uint8Array> {
  let waiting: PromiseLike<unknown> | undefined;
  let queued: SseEvent[] = [];
  const decoder = createSseDecoder(
    {
      onEvent(event) {
        if (waiting) {
          queued.push(event);
          return;
        }
        const result = onEvent(event);
        if (result && typeof (result as PromiseLike<unknown>).then === 'function')
          waiting = result as PromiseLike<unknown>;
      },
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      ...(options.onComment ? { onComment: options.onComment } : {}),
    },
    {
      ...(options.maxEventSize === undefined ? {} : { maxEventSize: options.maxEventSize }),
      ...(options.framing === undefined ? {} : { framing: options.framing }),
    },
  );

  const drain = async (end: { discarded: boolean } | undefined): Promise<void> => {
    await waiting;
    waiting = undefined;
    const events = queued;
    queued = [];
    for (const event of events) await onEvent(event);
    if (end) await options.onEnd?.(end);
  };

  return (chunk) => {
    let end: { discarded: boolean } | undefined;
    if (chunk === null) end = decoder.end();
    else decoder.push(chunk);
    if (waiting) return drain(end);
    return end ? options.onEnd?.(end) : undefined;
  };
}

import type { Sink } from '../transport/contract.js';

/** A transport sink on one side, a WHATWG `ReadableStream` on the other. */
export interface SinkStream {
  /** The response body the consumer reads. */
  readonly stream: ReadableStream<Uint8Array>;
  /** The transport's sink: each chunk is enqueued; its promise settles when the consumer wants more. */
  readonly sink: Sink;
  /** Errors the stream (a failure or an abort mid-body) and releases a sink call still waiting. */
  fail(reason: unknown): void;
  /** The response has no body (HEAD, 204, 304): whatever the sink still gets is dropped, never waited on. */
  detach(): void;
}

/**
 * Bridges a transport sink to a `ReadableStream` with backpressure: at most one chunk waits in the stream
 * for the consumer, and the sink's promise for it resolves only when the consumer pulls again. A consumer
 * that cancels the stream makes the next (or the waiting) sink call reject, which aborts the transport's
 * request; `onCancel` lets the caller stop a transport waiting on the network too.
 */
export function sinkStream(onCancel: (reason: unknown) => void): SinkStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let waiting: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  let stopped: { error: unknown } | undefined;
  let closed = false;
  let detached = false;

  const release = () => {
    const waiter = waiting;
    waiting = undefined;
    waiter?.resolve();
  };
  const stop = (error: unknown) => {
    stopped ??= { error };
    const waiter = waiting;
    waiting = undefined;
    waiter?.reject(error);
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c;
      },
      // Called only when a read finds the queue empty (high-water mark 0): the consumer wants the next chunk.
      pull: release,
      cancel: (reason) => {
        const error = new ConsumerCancelledError(reason);
        stop(error);
        onCancel(error);
      },
    },
    { highWaterMark: 0 },
  );

  const sink: Sink = (chunk) => {
    if (stopped) throw stopped.error;
    if (detached) return;
    if (chunk === null) {
      closed = true;
      controller.close();
      return;
    }
    controller.enqueue(chunk);
    // A read was waiting and took the chunk at once: the consumer is ready for the next one.
    if ((controller.desiredSize ?? 0) >= 0) return;
    return new Promise<void>((resolve, reject) => {
      waiting = { resolve, reject };
    });
  };

  const fail = (reason: unknown) => {
    if (closed || stopped) return;
    stop(reason);
    controller.error(reason);
  };

  const detach = () => {
    detached = true;
  };

  return { stream, sink, fail, detach };
}

/** The sink's error once the consumer cancelled the body; the request it aborts is of no further interest. */
export class ConsumerCancelledError extends Error {
  constructor(readonly reason: unknown) {
    super('toFetch: the response body was cancelled');
    this.name = 'ConsumerCancelledError';
  }
}

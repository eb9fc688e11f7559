import { type Sink, type SseEvent, type SseFraming, sinks } from '@wireai/core';
import { IncompleteStreamError, MalformedResponseError, StreamEventError } from '../errors.js';
import { excerpt, malformedStreamEvent } from './event-shapes.js';

/** How a stream of JSON events is read: who receives them and which one ends the stream normally. */
export interface EventStreamSpec<E> {
  /** The caller's callback: a returned promise is awaited (backpressure), any other value ignored. */
  onEvent: (event: E, raw: SseEvent) => unknown;
  /** An event that ends the stream normally (`response.completed`…); `[DONE]` always does. */
  isTerminal?: (event: E) => boolean;
  /**
   * Why an event cannot be used (`choices: expected an array, got null`), or `undefined`: checked before
   * the event reaches `onEvent`; a problem rejects with `MalformedResponseError` (see `event-shapes.ts`).
   */
  eventProblem?: (event: unknown) => string | undefined;
}

export interface StreamState {
  /** An event reached the caller: from here on the request is never retried. */
  delivered: boolean;
  terminal: boolean;
}

/**
 * The sink of a streaming request: decodes the event stream as the bytes arrive, parses each event's
 * JSON once, checks its shape, and hands it on (awaiting the caller: backpressure). An `error` event
 * rejects with `StreamEventError`; an event that is not JSON or not of the expected shape with
 * `MalformedResponseError`; an end without the terminal event with `IncompleteStreamError`. With
 * `framing: 'lenient'` the decoder has often parsed the data already (`SseEvent.json`): it is not parsed again.
 */
export function eventStreamSink<E>(
  spec: EventStreamSpec<E>,
  head: { status: number; headers: Readonly<Record<string, string>>; requestId: string | undefined },
  state: StreamState,
  maxEventSize?: number,
  framing?: SseFraming,
): Sink {
  const { requestId } = head;
  return sinks.sse(
    (raw) => {
      if (raw.data === '[DONE]') {
        state.terminal = true;
        return;
      }
      let event: unknown = raw.json;
      if (event === undefined)
        try {
          event = JSON.parse(raw.data);
        } catch (cause) {
          throw new MalformedResponseError(
            `A stream event is not JSON${requestId ? ` (request ${requestId})` : ''}: ${excerpt(raw.data)}`,
            { data: raw.data, requestId, cause },
          );
        }
      const error = errorOf(raw, event);
      if (error) throw new StreamEventError(head.status, { error }, head.headers, requestId);
      const problem = spec.eventProblem?.(event);
      if (problem !== undefined) throw malformedStreamEvent(problem, event, { data: raw.data, requestId });
      if (spec.isTerminal?.(event as E)) state.terminal = true;
      state.delivered = true;
      return spec.onEvent(event as E, raw);
    },
    {
      ...(maxEventSize === undefined ? {} : { maxEventSize }),
      ...(framing === undefined ? {} : { framing }),
      onEnd: ({ discarded }) => {
        if (!state.terminal)
          throw new IncompleteStreamError(
            `The stream ended before its terminal event: the reply is incomplete${
              // Nothing came through and the body ended inside an event: the likeliest cause is a server
              // that never sends the blank line between events.
              discarded && !state.delivered && framing !== 'lenient'
                ? " (no event was complete: if the server ends each data: line with a single line break, use sseFraming: 'lenient')"
                : ''
            }`,
          );
      },
    },
  );
}

// An `error` event (Responses: `{ type: 'error', message, code }`) or a chunk carrying `error` (chat).
function errorOf(raw: SseEvent, event: unknown): Record<string, unknown> | undefined {
  const value = event as { type?: unknown; error?: unknown } | null;
  if (raw.event === 'error' || value?.type === 'error') {
    const nested = value?.error;
    return typeof nested === 'object' && nested !== null
      ? (nested as Record<string, unknown>)
      : (value as Record<string, unknown>);
  }
  if (typeof value?.error === 'object' && value.error !== null) return value.error as Record<string, unknown>;
  return undefined;
}

import { IncompleteStreamError } from '../../errors.js';
import type { ChatCompletionChunk, Response, ResponseStreamEvent } from '../../types.js';
import type { StreamObserver } from '../event-iterable.js';
import type { AccumulatedChatCompletion } from './chat-completion-accumulator.js';

/**
 * What `client.streamChatCompletion()` returns: the chunks as an async iterator, which also adds them up
 * (openai-node's `ChatCompletionStream`).
 */
export interface ChatCompletionStream extends AsyncIterableIterator<ChatCompletionChunk> {
  /**
   * The completion the stream adds up to (see `ChatCompletionAccumulator`). Called after a `for await`
   * loop, it returns what the loop saw; called without one (or in the middle), it reads the rest of the
   * stream first. Rejects with the stream's error if it failed, and with `IncompleteStreamError` if the
   * loop was left early (`break`: the request was aborted, so there is no final completion).
   */
  finalChatCompletion(): Promise<AccumulatedChatCompletion>;
}

/**
 * What `client.streamResponse()` returns: the events as an async iterator, which also keeps the final
 * response (openai-node's `ResponseStream`).
 */
export interface ResponseStream extends AsyncIterableIterator<ResponseStreamEvent> {
  /**
   * The final response (see `ResponseAccumulator`), reading the rest of the stream first if needed; it
   * rejects as `ChatCompletionStream.finalChatCompletion()` does.
   */
  finalResponse(): Promise<Response>;
}

interface Accumulates<E, F> {
  add(event: E): void;
  result(): F;
}

/**
 * Adds a stream up from the producer's side (a `StreamObserver` given to the request), so the consumer's
 * loop reads the transport's own iterator: no wrapper, no extra promise per event.
 */
export class FinalTracker<E, F> implements StreamObserver<E> {
  #ended = false;
  #failure: { error: unknown } | undefined;

  constructor(private readonly accumulator: Accumulates<E, F>) {}

  event(event: E): void {
    if (this.#failure) return;
    // An event the consumer can use may still not add up (a tool call without a name): that is reported
    // by the final result, not by the loop.
    try {
      this.accumulator.add(event);
    } catch (error) {
      this.#failure = { error };
    }
  }

  end(failure?: { error: unknown }): void {
    this.#ended = true;
    this.#failure ??= failure;
  }

  /** The final result of `inner`, reading what the consumer has not read yet. */
  async final(inner: AsyncIterator<E>, left: () => boolean): Promise<F> {
    if (!this.#ended && !left()) {
      for (;;) {
        const step = await inner.next(); // a failure rejects here (and was recorded by end())
        if (step.done) break;
      }
    }
    if (this.#failure) throw this.#failure.error;
    // Left before the end: the request was aborted, so nothing adds up (a stream that had already ended
    // when the loop was left is whole, and gives its result).
    if (!this.#ended)
      throw new IncompleteStreamError('The stream was left before its end: there is no final result');
    return this.accumulator.result();
  }
}

// The consumer's iterator, as it is, plus a `final()`; only leaving early is watched (not a hot path).
function withFinal<E, F, K extends string>(
  inner: AsyncIterableIterator<E>,
  tracker: FinalTracker<E, F>,
  finalName: K,
): AsyncIterableIterator<E> & Record<K, () => Promise<F>> {
  let left = false;
  const stream = {
    next: () => inner.next(),
    return(value?: unknown): Promise<IteratorResult<E>> {
      left = true;
      return inner.return?.(value) ?? Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown): Promise<IteratorResult<E>> {
      left = true;
      return inner.throw?.(error) ?? Promise.reject(error);
    },
    [finalName]: () => tracker.final(inner, () => left),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream as AsyncIterableIterator<E> & Record<K, () => Promise<F>>;
}

/** Gives a stream of chunks `finalChatCompletion()`; `tracker` must be the observer of its request. */
export function chatCompletionStream(
  inner: AsyncIterableIterator<ChatCompletionChunk>,
  tracker: FinalTracker<ChatCompletionChunk, AccumulatedChatCompletion>,
): ChatCompletionStream {
  return withFinal(inner, tracker, 'finalChatCompletion');
}

/** Gives a stream of Responses events `finalResponse()`; `tracker` must be the observer of its request. */
export function responseStream(
  inner: AsyncIterableIterator<ResponseStreamEvent>,
  tracker: FinalTracker<ResponseStreamEvent, Response>,
): ResponseStream {
  return withFinal(inner, tracker, 'finalResponse');
}

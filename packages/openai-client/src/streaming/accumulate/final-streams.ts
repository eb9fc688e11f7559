import { IncompleteStreamError } from '../../errors.js';
import type { ChatCompletionChunk, Response, ResponseStreamEvent } from '../../types.js';
import { type AccumulatedChatCompletion, ChatCompletionAccumulator } from './chat-completion-accumulator.js';
import { ResponseAccumulator } from './response-accumulator.js';

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

interface FinalIterator<E, F> {
  next(): Promise<IteratorResult<E>>;
  return(value?: unknown): Promise<IteratorResult<E>>;
  throw(error?: unknown): Promise<IteratorResult<E>>;
  final(): Promise<F>;
}

// One wrapper for both: each event the consumer takes is added; `final()` drains what is left.
function withFinal<E, F>(
  inner: AsyncIterableIterator<E>,
  accumulator: Accumulates<E, F>,
): FinalIterator<E, F> {
  let ended = false;
  let left = false;
  let failure: { error: unknown } | undefined;
  const wrapper = {
    async next(): Promise<IteratorResult<E>> {
      let step: IteratorResult<E>;
      try {
        step = await inner.next();
      } catch (error) {
        failure ??= { error };
        throw error;
      }
      if (step.done) ended = true;
      else if (!failure) {
        // An event the consumer can use may still not add up (a tool call without a name): that is
        // reported by final(), not by the loop.
        try {
          accumulator.add(step.value);
        } catch (error) {
          failure = { error };
        }
      }
      return step;
    },
    async return(value?: unknown): Promise<IteratorResult<E>> {
      if (!ended) left = true;
      return (await inner.return?.(value)) ?? { value: undefined, done: true };
    },
    async throw(error?: unknown): Promise<IteratorResult<E>> {
      if (!ended) left = true;
      if (inner.throw) return inner.throw(error);
      throw error;
    },
    async final(): Promise<F> {
      while (!ended && !left && !failure) await wrapper.next();
      if (failure) throw failure.error;
      if (left)
        throw new IncompleteStreamError('The stream was left before its end: there is no final result');
      return accumulator.result();
    },
  };
  return wrapper;
}

/** Gives a stream of chunks `finalChatCompletion()`. */
export function chatCompletionStream(
  inner: AsyncIterableIterator<ChatCompletionChunk>,
): ChatCompletionStream {
  const { next, return: leave, throw: fail, final } = withFinal(inner, new ChatCompletionAccumulator());
  return {
    next,
    return: leave,
    throw: fail,
    finalChatCompletion: final,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Gives a stream of Responses events `finalResponse()`. */
export function responseStream(inner: AsyncIterableIterator<ResponseStreamEvent>): ResponseStream {
  const { next, return: leave, throw: fail, final } = withFinal(inner, new ResponseAccumulator());
  return {
    next,
    return: leave,
    throw: fail,
    finalResponse: final,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

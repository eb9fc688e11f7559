import type { ChatCompletionChunk, Response, ResponseStreamEvent } from '../../types.js';
import { type AccumulatedChatCompletion, ChatCompletionAccumulator } from './chat-completion-accumulator.js';
import { ResponseAccumulator } from './response-accumulator.js';

/**
 * Reads a stream of chat completion chunks to its end and returns the completion it adds up to (see
 * `ChatCompletionAccumulator`): openai-node's `finalChatCompletion()` for any iterable of chunks.
 *
 * @example
 * ```ts
 * const completion = await accumulateChatCompletion(client.streamChatCompletion(messages));
 * ```
 */
export async function accumulateChatCompletion(
  stream: AsyncIterable<ChatCompletionChunk> | Iterable<ChatCompletionChunk>,
): Promise<AccumulatedChatCompletion> {
  const accumulator = new ChatCompletionAccumulator();
  for await (const chunk of stream) accumulator.add(chunk);
  return accumulator.result();
}

/**
 * Reads a stream of Responses API events to its end and returns the final response (see
 * `ResponseAccumulator`): openai-node's `finalResponse()` for any iterable of events.
 */
export async function accumulateResponse(
  stream: AsyncIterable<ResponseStreamEvent> | Iterable<ResponseStreamEvent>,
): Promise<Response> {
  const accumulator = new ResponseAccumulator();
  for await (const event of stream) accumulator.add(event);
  return accumulator.result();
}

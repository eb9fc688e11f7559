import type { ChatCompletionChunk, ChatCompletionOptions, ChatDelta } from '@wireai/openai-client';
import type { SessionClient } from './session-client.js';

/**
 * The chunk a delta came from, for the accumulator: the raw chunk the client passed with it, or, from a
 * client that passed none (a fake in a test, a wrapper), a chunk rebuilt from the delta alone.
 */
export function chunkOf(delta: ChatDelta, raw: unknown): ChatCompletionChunk {
  if (typeof raw === 'object' && raw !== null && Array.isArray((raw as { choices?: unknown }).choices))
    return raw as ChatCompletionChunk;
  const { content, tool_calls: toolCalls, function_call: functionCall, usage } = delta;
  return {
    object: 'chat.completion.chunk',
    choices: [
      {
        index: 0,
        delta: {
          ...(typeof content === 'string' ? { content } : {}),
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
          ...(functionCall ? { function_call: functionCall } : {}),
        },
      },
    ],
    ...(usage ? { usage } : {}),
  } as ChatCompletionChunk;
}

/**
 * The parameters of a streamed request, asking for its token usage (`stream_options: { include_usage:
 * true }`) when the client's preset says the provider takes it (`preset.streamUsage`) and the caller set
 * no `stream_options` of their own. A client without a preset (a fake) is not asked for it.
 */
export function withStreamUsage(client: SessionClient, params: ChatCompletionOptions): ChatCompletionOptions {
  if (client.preset?.streamUsage !== true || 'stream_options' in params) return params;
  return { ...params, stream_options: { include_usage: true } };
}

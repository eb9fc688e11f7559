import * as v from 'valibot';
import { ValidationError } from '../errors.js';
import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import { iterateEvents, type StreamObserver } from '../streaming/event-iterable.js';
import { chatChunkProblem } from '../streaming/event-shapes.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessage,
  ChatCompletionRequest,
  Result,
} from '../types.js';
import { assertBodyOptions, CHAT_NUMBERS } from '../validation/body-options.js';
import { chatMessages, functionDeclaration } from '../validation/chat-messages.js';
import { validate } from '../validation/validate.js';
import { callOptions, endpointRequest } from './endpoint-request.js';

/** Every parameter of `POST /chat/completions` but the messages; `model` defaults to the client's. */
export type ChatCompletionOptions = Partial<Omit<ChatCompletionRequest, 'messages'>>;

// `unknown`, not `void | Promise<void>`: `(c) => process.stdout.write(…)` must type-check; a returned promise is awaited.
/** Receives each chunk of a streamed chat completion as it arrives; a returned promise is awaited. */
export type OnChatChunk = (chunk: ChatCompletionChunk) => unknown;

/**
 * What `chat()`'s callback receives, as lua-openai filters it: the first choice's delta, and the token
 * usage on the chunk that carries it (the last one, when asked with `stream_options: { include_usage: true }`).
 */
export interface ChatDelta {
  content?: string;
  index: number;
  tool_calls?: NonNullable<ChatCompletionChunk['choices'][number]['delta']['tool_calls']>;
  /** The legacy function call's fragment, when the chunk carries one (sessions join them). */
  function_call?: NonNullable<ChatCompletionChunk['choices'][number]['delta']['function_call']>;
  usage?: NonNullable<ChatCompletionChunk['usage']>;
}

const functions = v.array(functionDeclaration);

/** Checks the messages and the options (legacy functions, numbers, model) and builds the payload lua-openai sends. */
export function chatPayload(
  defaultModel: string,
  messages: readonly ChatCompletionMessage[],
  options?: ChatCompletionOptions,
) {
  validate(chatMessages, messages, 'messages');
  const checked = assertBodyOptions(options, {
    numbers: CHAT_NUMBERS,
    positional: ['messages'],
  }) as ChatCompletionOptions;
  if (checked.functions !== undefined) validate(functions, checked.functions, 'functions');
  return { model: defaultModel, messages, ...checked };
}

export function createChatCompletion(
  core: ClientCore,
  defaultModel: string,
  messages: readonly ChatCompletionMessage[],
  options?: ChatCompletionOptions,
  onChunk?: OnChatChunk,
  call?: CallOptions,
): Promise<Result<ChatCompletion | undefined>> {
  const body = chatPayload(defaultModel, messages, options);
  if (body.stream && !onChunk) {
    throw new ValidationError([
      { path: 'onChunk', message: 'required when stream is true (or use streamChatCompletion())' },
    ]);
  }
  return endpointRequest<ChatCompletion | undefined, ChatCompletionChunk>(
    core,
    {
      method: 'POST',
      path: '/chat/completions',
      body,
      ...(body.stream && onChunk ? { onEvent: onChunk, eventProblem: chatChunkProblem } : {}),
    },
    call,
  );
}

/**
 * lua-openai's `parse_completion_chunk`: the delta of a `chat.completion.chunk` that carries text or tool
 * calls (or a legacy function call). A chunk with usage is passed on too (the usage chunk has no choices), so a stream's tokens can be
 * counted. `chunk` has passed `chatChunkProblem` (the client checks every streamed chunk first).
 */
export function chatDelta(chunk: ChatCompletionChunk): ChatDelta | undefined {
  if (chunk.object !== 'chat.completion.chunk') return undefined;
  const choice = chunk.choices[0];
  const usage = chunk.usage ?? undefined; // null on every chunk but the last when include_usage is asked
  const content = choice?.delta.content;
  const toolCalls = choice?.delta.tool_calls;
  const functionCall = choice?.delta.function_call;
  if (typeof content !== 'string' && !toolCalls && !functionCall && !usage) return undefined;
  return {
    ...(typeof content === 'string' ? { content } : {}),
    index: choice?.index ?? 0,
    ...(toolCalls ? { tool_calls: toolCalls } : {}),
    ...(functionCall ? { function_call: functionCall } : {}),
    ...(usage ? { usage } : {}),
  };
}

/** The async-iterable form: typed chunks at the consumer's pace; `break` aborts the request. */
export function streamChatCompletion(
  core: ClientCore,
  defaultModel: string,
  messages: readonly ChatCompletionMessage[],
  options?: ChatCompletionOptions,
  call?: CallOptions,
  observer?: StreamObserver<ChatCompletionChunk>,
): AsyncIterableIterator<ChatCompletionChunk> {
  const body = { ...chatPayload(defaultModel, messages, options), stream: true };
  const checked = callOptions(call);
  return iterateEvents<ChatCompletionChunk>(
    (onEvent, signal) =>
      endpointRequest(
        core,
        { method: 'POST', path: '/chat/completions', body, onEvent, eventProblem: chatChunkProblem },
        { ...checked, signal },
      ),
    checked.signal,
    observer,
  );
}

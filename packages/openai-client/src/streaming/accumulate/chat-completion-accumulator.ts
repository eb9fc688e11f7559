import { MalformedResponseError } from '../../errors.js';
import type { ChatCompletion, ChatCompletionChunk } from '../../types.js';
import { chatChunkProblem, malformedStreamEvent } from '../event-shapes.js';
import { type AccumulatedToolCall, ToolCallJoiner } from './tool-call-joiner.js';

type Choice = ChatCompletion['choices'][number];
type FinishReason = Choice['finish_reason'];
type Logprobs = NonNullable<Choice['logprobs']>;

/** The assistant message of an accumulated choice: the API's, with provider metadata kept on its tool calls. */
export type AccumulatedMessage = Omit<ChatCompletion['choices'][number]['message'], 'tool_calls'> & {
  tool_calls?: AccumulatedToolCall[];
};

/** A chat completion rebuilt from its chunks, as the API would have answered without streaming. */
export type AccumulatedChatCompletion = Omit<ChatCompletion, 'choices'> & {
  choices: Array<Omit<ChatCompletion['choices'][number], 'message'> & { message: AccumulatedMessage }>;
};

interface ChoiceState {
  content: string[];
  refusal: string[];
  toolCalls: ToolCallJoiner;
  functionCall: { name: string; arguments: string } | undefined;
  finishReason: string | undefined;
  logprobs: { content: unknown[]; refusal: unknown[] } | undefined;
}

// A reply has a few choices (`n`); an index far beyond is a broken or hostile stream.
const MAX_CHOICE = 127;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Rebuilds a `ChatCompletion` from the chunks of a streamed one: `add()` each chunk as it arrives, then
 * `result()`. Text, refusal, tool calls, the legacy `function_call`, `finish_reason`, logprobs,
 * `usage` (the chunk that carries it, when the request asked with `stream_options.include_usage`) and
 * `id`/`model`/`created` are kept, choice by choice.
 *
 * Every provider quirk of streamed tool calls is handled here, in one place (see `ToolCallJoiner`): a
 * delta without `index` (Gemini), a name repeated in every delta, an index reused with a new `id`, and
 * metadata such as `extra_content.google.thought_signature` kept on the call. Tool calls are kept
 * whatever the `finish_reason` (Gemini ends a tool-call reply with `"stop"`).
 *
 * Chunks of another kind than `chat.completion.chunk` (Azure's content-filter annotations) are ignored.
 *
 * @example
 * ```ts
 * const accumulator = new ChatCompletionAccumulator();
 * for await (const chunk of client.streamChatCompletion(messages, { tools })) accumulator.add(chunk);
 * const { message } = accumulator.result().choices[0];
 * ```
 */
export class ChatCompletionAccumulator {
  readonly #choices = new Map<number, ChoiceState>();
  #id = '';
  #model = '';
  #created = 0;
  #rest: Record<string, unknown> = {};
  #usage: ChatCompletion['usage'] | undefined;
  #chunks = 0;

  /** How many chunks were added. */
  get chunkCount(): number {
    return this.#chunks;
  }

  /**
   * Adds one chunk. Throws `MalformedResponseError` for a chunk the code cannot use (no `choices` list, a
   * tool call `index` that is not an integer from 0 to 127…); the client checks streamed chunks the same
   * way before they reach you, so this throws only on chunks from elsewhere.
   */
  add(chunk: ChatCompletionChunk): void {
    const problem = chatChunkProblem(chunk);
    if (problem !== undefined) throw malformedStreamEvent(problem, chunk);
    if (chunk.object !== undefined && chunk.object !== 'chat.completion.chunk') return;
    this.#chunks++;
    if (!this.#id && typeof chunk.id === 'string') this.#id = chunk.id;
    if (!this.#model && typeof chunk.model === 'string') this.#model = chunk.model;
    if (!this.#created && typeof chunk.created === 'number') this.#created = chunk.created;
    if (typeof chunk.system_fingerprint === 'string')
      this.#rest.system_fingerprint = chunk.system_fingerprint;
    if (chunk.service_tier != null) this.#rest.service_tier = chunk.service_tier;
    if (chunk.usage) this.#usage = chunk.usage as ChatCompletion['usage'];
    for (const [position, choice] of chunk.choices.entries()) {
      this.#addChoice(choice as unknown as Record<string, unknown>, `choices[${position}]`, chunk);
    }
  }

  #addChoice(choice: Record<string, unknown>, path: string, chunk: unknown): void {
    const index = choice.index ?? 0;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > MAX_CHOICE)
      throw malformedStreamEvent(`${path}.index: expected an integer from 0 to ${MAX_CHOICE}`, chunk);
    let state = this.#choices.get(index);
    if (!state) {
      state = {
        content: [],
        refusal: [],
        toolCalls: new ToolCallJoiner(),
        functionCall: undefined,
        finishReason: undefined,
        logprobs: undefined,
      };
      this.#choices.set(index, state);
    }
    const delta = choice.delta as Record<string, unknown>;
    if (typeof delta.content === 'string') state.content.push(delta.content);
    if (typeof delta.refusal === 'string') state.refusal.push(delta.refusal);
    state.toolCalls.add(delta.tool_calls, `${path}.delta.tool_calls`);
    if (isObject(delta.function_call)) {
      state.functionCall ??= { name: '', arguments: '' };
      const { name, arguments: args } = delta.function_call;
      if (typeof name === 'string' && name !== '') state.functionCall.name = name;
      if (typeof args === 'string') state.functionCall.arguments += args;
    }
    if (typeof choice.finish_reason === 'string') state.finishReason = choice.finish_reason;
    if (isObject(choice.logprobs)) {
      state.logprobs ??= { content: [], refusal: [] };
      const { content, refusal } = choice.logprobs;
      if (Array.isArray(content)) for (const item of content) state.logprobs.content.push(item);
      if (Array.isArray(refusal)) for (const item of refusal) state.logprobs.refusal.push(item);
    }
  }

  /**
   * The completion so far (the whole one once the stream has ended): choices in index order, each with
   * its assistant message. `content` is `null` when no text came; `finish_reason` is the one the stream
   * gave, or, if none came, `tool_calls`, `function_call` or `stop` from what the message holds. Throws
   * `MalformedResponseError` when a tool call has no name (it could not be answered); a call without an
   * id gets `call_<n>` (see `ToolCallJoiner.result`).
   */
  result(): AccumulatedChatCompletion {
    const choices = [...this.#choices.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, state]) => {
        const message: AccumulatedMessage = {
          role: 'assistant',
          content: state.content.length > 0 ? state.content.join('') : null,
          refusal: state.refusal.length > 0 ? state.refusal.join('') : null,
        };
        if (state.toolCalls.size > 0) message.tool_calls = state.toolCalls.result();
        if (state.functionCall) {
          if (state.functionCall.name === '')
            throw new MalformedResponseError('Malformed function call in stream: it has no name', {
              event: state.functionCall,
            });
          message.function_call = { ...state.functionCall };
        }
        const inferred = message.tool_calls ? 'tool_calls' : message.function_call ? 'function_call' : 'stop';
        return {
          index,
          finish_reason: (state.finishReason ?? inferred) as FinishReason,
          logprobs: (state.logprobs ?? null) as Logprobs | null,
          message,
        };
      });
    return {
      id: this.#id,
      object: 'chat.completion',
      created: this.#created,
      model: this.#model,
      ...this.#rest,
      choices,
      ...(this.#usage ? { usage: this.#usage } : {}),
    };
  }
}

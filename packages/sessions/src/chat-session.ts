import {
  type AccumulatedToolCall,
  assertChatDelta,
  assertChatMessage,
  type CallOptions,
  ChatCompletionAccumulator,
  type ChatCompletionChunk,
  type ChatCompletionMessage,
  type ChatCompletionOptions,
  type ChatDelta,
  ValidationError,
} from '@wireai/openai-client';
import type * as z from 'zod/mini';
import {
  checkFunctions,
  checkTools,
  type FunctionDeclarations,
  type ToolDeclarations,
} from './declarations.js';
import { parseSavedChat } from './saved-session.js';
import type { OnText, Session, SessionCallOptions, SessionRunOptions } from './session.js';
import type { SessionClient } from './session-client.js';
import { SessionError } from './session-error.js';
import { callOptions, checkModel, requestParams } from './session-options.js';
import { chatReplyMessage } from './shape-check.js';
import { chunkOf, withStreamUsage } from './stream-support.js';
import { chatResponseFormat, parseStructured } from './structured-output.js';
import { runToolLoop } from './tool-loop.js';
import { chatToolDeclaration } from './tools.js';
import { addUsage, emptyUsage, type SessionUsage } from './usage.js';

/** Options of a session: lua-openai's (model, temperature, functions, function_call…) and any other parameter. */
export interface ChatSessionOptions extends ChatCompletionOptions {
  /** The history to start from. */
  messages?: ChatCompletionMessage[];
}

// `unknown`, not `void | Promise<void>`, so `(c) => process.stdout.write(…)` fits; a returned promise is awaited.
/**
 * Receives each streamed delta of a reply (text or tool-call fragments) and, as lua-openai passes
 * `(chunk, raw)`, the whole chunk it came from; a returned promise is awaited.
 */
export type OnChatChunk = (chunk: ChatDelta, raw: ChatCompletionChunk) => unknown;

/** Per-request overrides for `send` and `generateResponse`: any parameter, plus streaming and a schema. */
export interface ChatSendOptions extends ChatCompletionOptions, SessionCallOptions {
  onChunk?: OnChatChunk;
  /** Ask for structured output matching this zod schema (`zod` or `zod/mini`); the reply is parsed and validated. */
  schema?: z.core.$ZodType;
}

/** What a reply is: the text, or the whole assistant message when it carries tool or function calls. */
export type ChatReply = string | AssistantMessage;

/** The tool runner's options on a `ChatSession`: the tools, `maxSteps`, and any send option but `schema`. */
export type ChatRunOptions = SessionRunOptions & Omit<ChatSendOptions, 'schema' | 'tools'>;

/**
 * An assistant message as a reply returns it when it carries tool or function calls. A tool call keeps
 * the provider metadata that came with it (Gemini's `extra_content.google.thought_signature`), and the
 * history sends it back.
 */
export interface AssistantMessage {
  role: 'assistant';
  content: string | null;
  tool_calls?: AccumulatedToolCall[];
  function_call?: { name: string; arguments: string };
}

/** The saved form of a session (`toJSON()`), resumable with `ChatSession.fromJSON(client, json)`. */
export interface ChatSessionJSON {
  version: 1;
  kind: 'chat';
  options: ChatCompletionOptions;
  messages: ChatCompletionMessage[];
  usage: SessionUsage;
}

/**
 * A chat over chat completions that keeps its history, lua-openai's `ChatSession`: `send()` appends the
 * user message and the reply; a failed send leaves the history as it was (the user's message stays).
 */
export class ChatSession
  implements Session<ChatCompletionMessage | string, ChatReply, ChatCompletionMessage>
{
  readonly messages: ChatCompletionMessage[] = [];
  /**
   * The legacy function declarations sent with every request (lua-openai's `functions`). Change them
   * between turns as lua-openai's README does; they are checked when a request uses them.
   */
  functions: FunctionDeclarations | undefined;
  /** The tools sent with every request; change them between turns, they are checked when used. */
  tools: ToolDeclarations | undefined;
  readonly usage: SessionUsage = emptyUsage();
  readonly #options: ChatCompletionOptions;

  constructor(
    readonly client: SessionClient,
    options: ChatSessionOptions = {},
  ) {
    const { messages, functions, tools, ...rest } = options;
    this.#options = rest;
    if (functions !== undefined) {
      checkFunctions(functions);
      this.functions = [...functions];
    }
    if (tools !== undefined) {
      checkTools(tools);
      this.tools = [...tools];
    }
    if (messages !== undefined) this.#append(messages);
  }

  /** Always `'chat'`: this session talks to chat completions. */
  get kind(): 'chat' {
    return 'chat';
  }

  /** The model of the next requests (`undefined`: the client's default); set it to switch, the history stays. */
  get model(): string | undefined {
    return this.#options.model;
  }

  set model(model: string | undefined) {
    const checked = checkModel(model);
    if (checked === undefined) delete this.#options.model;
    else this.#options.model = checked;
  }

  /** The history (the same array as `messages`, read-only). */
  history(): readonly ChatCompletionMessage[] {
    return this.messages;
  }

  /** Appends messages after validating each (a bad one throws, naming its path; none is added then). */
  appendMessage(...messages: ChatCompletionMessage[]): void {
    this.#append(messages);
  }

  // A loop, not `push(...messages)`: a history of any length, never spread onto the stack.
  #append(messages: readonly ChatCompletionMessage[]): void {
    if (!Array.isArray(messages))
      throw new ValidationError([{ path: 'messages', message: 'expected an array of messages' }]);
    const start = this.messages.length;
    for (let index = 0; index < messages.length; index++) {
      assertChatMessage(messages[index], `messages[${start + index}]`);
    }
    for (const message of messages) this.messages.push(message);
  }

  /** The last message of the history, or `undefined` when it is empty. */
  lastMessage(): ChatCompletionMessage | undefined {
    return this.messages.at(-1);
  }

  /**
   * Appends `message` (a string is a user message) and generates the reply: the text, the assistant
   * message when it calls tools, or the parsed value with `schema`. Streams with `onChunk` (or a callback
   * in place of the options).
   */
  async send<T>(
    message: ChatCompletionMessage | string,
    options: ChatSendOptions & { schema: z.core.$ZodType<T> },
  ): Promise<T>;
  async send(
    message: ChatCompletionMessage | string,
    options?: ChatSendOptions | OnChatChunk,
  ): Promise<ChatReply>;
  async send(
    message: ChatCompletionMessage | string,
    options?: ChatSendOptions | OnChatChunk,
  ): Promise<unknown> {
    this.appendMessage(typeof message === 'string' ? { role: 'user', content: message } : message);
    return this.generateResponse(true, options);
  }

  /** Sends `message` as `send` does, streaming the reply's text to `onText`; resolves the whole text. */
  async stream(
    message: ChatCompletionMessage | string,
    onText: OnText,
    options: SessionCallOptions = {},
  ): Promise<string> {
    const reply = await this.send(message, {
      ...options,
      onChunk: (delta) =>
        typeof delta.content === 'string' && delta.content !== '' ? onText(delta.content) : undefined,
    });
    return typeof reply === 'string' ? reply : (reply.content ?? '');
  }

  /**
   * Asks for the next reply to the history (lua-openai's `generate_response`), appended unless `append`
   * is false. Streams when `onChunk` is given: the chunks are added up by the client's
   * `ChatCompletionAccumulator` (so every provider quirk of streamed tool calls is handled there), and a
   * streamed request asks for its usage when the client's preset says the provider takes
   * `stream_options` (see `ProviderPreset.streamUsage`). Throws `SessionError` with lua-openai's messages,
   * `ValidationError` (before sending) when `functions` or `tools` are not valid declarations.
   */
  async generateResponse<T>(
    append: boolean,
    options: ChatSendOptions & { schema: z.core.$ZodType<T> },
  ): Promise<T>;
  async generateResponse(append?: boolean, options?: ChatSendOptions | OnChatChunk): Promise<ChatReply>;
  async generateResponse(append = true, options?: ChatSendOptions | OnChatChunk): Promise<unknown> {
    const { onChunk, signal, schema, ...overrides } = callOptions<ChatSendOptions, OnChatChunk>(options);
    // The session's options (lua-openai's model, temperature…), its functions and tools as they are now,
    // then this call's.
    const params = requestParams<ChatCompletionOptions>(
      this.#options,
      { functions: this.functions, tools: this.tools },
      overrides,
    );
    if (params.functions !== undefined) checkFunctions(params.functions);
    if (params.tools !== undefined) checkTools(params.tools);
    if (schema) params.response_format = chatResponseFormat(schema);
    const call: CallOptions = signal ? { signal } : {};
    const history = [...this.messages];

    let message: AssistantMessage;
    if (onChunk) {
      const accumulator = new ChatCompletionAccumulator();
      const result = await this.client.chat(
        history,
        withStreamUsage(this.client, { ...params, stream: true }),
        async (delta, raw) => {
          // The client checked the chunk; a client that is not ours (a fake, a wrapper) may hand on anything.
          assertChatDelta(delta);
          accumulator.add(chunkOf(delta, raw));
          // A chunk with only usage (the last one, when asked) or a role is not passed to onChunk.
          if (typeof delta.content !== 'string' && !delta.tool_calls && !delta.function_call) return;
          await onChunk(delta, raw);
        },
        call,
      );
      if (!result.ok) throw SessionError.badStatus(result.status, result.body);
      const completion = accumulator.result();
      addUsage(this.usage, completion.usage);
      const reply = completion.choices[0]?.message;
      message = { role: 'assistant', content: reply?.content ?? '' };
      if (reply?.tool_calls) message.tool_calls = reply.tool_calls;
      if (reply?.function_call) message.function_call = reply.function_call;
      if (message.content === '' && (message.tool_calls || message.function_call)) message.content = null;
    } else {
      const result = await this.client.chat(history, params, undefined, call);
      if (!result.ok) throw SessionError.badStatus(result.status, result.body);
      const parsed = chatReplyMessage(result.body);
      if ('reason' in parsed)
        throw new SessionError(
          `Failed to parse response from server: ${parsed.reason}`,
          result.status,
          result.body,
        );
      addUsage(this.usage, result.body?.usage);
      message = historyMessage(parsed.message);
    }

    // Only what the history needs goes in: role, content, and the calls (no annotations or refusal).
    if (append) this.messages.push(message as ChatCompletionMessage);
    if (schema) return parseStructured(schema, message.content ?? '');
    return message.tool_calls || message.function_call ? message : (message.content ?? '');
  }

  /**
   * Sends `input`, then runs the tools the model calls (concurrently when it calls several), feeding the
   * results back, until it answers in text; throws `ToolLoopError` after `maxSteps` model replies.
   */
  async run(input: ChatCompletionMessage | string, options: ChatRunOptions): Promise<string> {
    const { tools, maxSteps = 8, ...sendOptions } = options;
    const withTools = { ...sendOptions, tools: tools.map(chatToolDeclaration) };
    return runToolLoop<ChatReply>({
      first: await this.send(input, withTools),
      read: (reply) =>
        typeof reply === 'string'
          ? { text: reply }
          : {
              calls: (reply.tool_calls ?? []).map((call) => ({
                id: call.id,
                name: call.function.name,
                arguments: call.function.arguments,
              })),
            },
      next: (outputs) => {
        this.appendMessage(
          ...outputs.map(({ id, output }) => ({ role: 'tool' as const, tool_call_id: id, content: output })),
        );
        return this.generateResponse(true, withTools);
      },
      tools,
      maxSteps,
      signal: options.signal,
      unit: 'model replies',
    });
  }

  /** The session's saved form: its options (functions and tools as they are now), a copy of the history and the usage; `fromJSON` resumes it. */
  toJSON(): ChatSessionJSON {
    return {
      version: 1,
      kind: 'chat',
      options: {
        ...this.#options,
        ...(this.functions ? { functions: [...this.functions] } : {}),
        ...(this.tools ? { tools: [...this.tools] } : {}),
      },
      messages: structuredClone(this.messages),
      usage: { ...this.usage },
    };
  }

  /**
   * Resumes a session saved with `toJSON()` (the object, or its JSON text). The input is checked
   * strictly (see `saved-session.ts`): anything else than the saved shape throws `SessionError` naming
   * the bad paths (`Not a saved ChatSession: messages[2].role: …`); unknown and prototype keys are dropped.
   */
  static fromJSON(client: SessionClient, json: ChatSessionJSON | string): ChatSession {
    const saved = parseSavedChat(json);
    const session = new ChatSession(client, saved.options as ChatCompletionOptions);
    // Checked by the parse: added in a loop, not through the constructor (no second check, no spread).
    for (const message of saved.messages) session.messages.push(message);
    if (saved.usage) Object.assign(session.usage, saved.usage);
    return session;
  }
}

function historyMessage(message: Record<string, unknown>): AssistantMessage {
  const out: AssistantMessage = {
    role: 'assistant',
    content: (message.content as string | null | undefined) ?? null,
  };
  if (Array.isArray(message.tool_calls) && message.tool_calls.length > 0)
    out.tool_calls = message.tool_calls as NonNullable<AssistantMessage['tool_calls']>;
  if (message.function_call)
    out.function_call = message.function_call as NonNullable<AssistantMessage['function_call']>;
  return out;
}

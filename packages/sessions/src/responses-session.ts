import {
  assertResponseStreamEvent,
  assertResponsesInput,
  type CallOptions,
  type Response,
  ResponseAccumulator,
  type ResponseInput,
  type ResponseOptions,
  type ResponseStreamEvent,
} from '@wireai/openai-client';
import type * as z from 'zod/mini';
import { checkResponseTools } from './declarations.js';
import { parseSavedResponses } from './saved-session.js';
import type { OnText, Session, SessionCallOptions, SessionRunOptions } from './session.js';
import type { SessionClient } from './session-client.js';
import { SessionError } from './session-error.js';
import { callOptions, checkModel, requestParams } from './session-options.js';
import { responseReason } from './shape-check.js';
import { parseStructured, responsesTextFormat } from './structured-output.js';
import { runToolLoop } from './tool-loop.js';
import { responsesToolDeclaration } from './tools.js';
import { addUsage, emptyUsage, type SessionUsage } from './usage.js';

/** lua-openai's response helpers, on every response a session returns or keeps. */
export interface ResponseHelpers {
  /** The text of every `output_text` part, joined. */
  outputText(): string;
  /** The base64 images of `image_generation_call` outputs. */
  images(): string[];
  /** The same text as `outputText()`, so a response can be printed or interpolated. */
  toString(): string;
}

/** A response with lua-openai's helpers attached (as non-enumerable methods, so its JSON is unchanged). */
export type SessionResponse = Response & ResponseHelpers;

/** Options of a `ResponsesChatSession`: defaults for every request, and where to continue from. */
export interface ResponsesSessionOptions extends ResponseOptions {
  /** Continue a conversation started elsewhere. */
  previous_response_id?: string | null;
}

/** A streamed chunk: the text delta when the event carries one, and the raw event always. */
export interface ResponseChunk {
  content?: string;
  event: ResponseStreamEvent;
}

// `unknown`, not `void | Promise<void>`, so `(c) => process.stdout.write(…)` fits; a returned promise is awaited.
/**
 * Receives each streamed chunk of a reply and, as lua-openai passes `(chunk, raw)`, the raw event (the
 * same as `chunk.event`); a returned promise is awaited.
 */
export type OnResponseChunk = (chunk: ResponseChunk, raw: ResponseStreamEvent) => unknown;

/** Per-request overrides for `send` and `createResponse`: any parameter, plus streaming and a schema. */
export interface ResponseSendOptions extends ResponseOptions, SessionCallOptions {
  onChunk?: OnResponseChunk;
  /** Ask for structured output matching this zod schema (`zod` or `zod/mini`); the reply is parsed and validated. */
  schema?: z.core.$ZodType;
}

/** Options asking for structured output: the reply is parsed and validated by `schema`, and typed by it. */
export type ResponseStructuredOptions<T> = ResponseSendOptions & { schema: z.core.$ZodType<T> };

/** Options that stream: a callback in place of the options, or options with `onChunk` (the reply is the text). */
export type ResponseStreamingOptions = OnResponseChunk | (ResponseSendOptions & { onChunk: OnResponseChunk });

/** Options that do not stream (the reply is the `SessionResponse`). */
export type ResponsePlainOptions = ResponseSendOptions & { onChunk?: undefined };

/** The tool runner's options on a `ResponsesChatSession`: the tools, `maxSteps`, and any send option but `schema`. */
export type ResponsesRunOptions = SessionRunOptions & Omit<ResponseSendOptions, 'schema' | 'tools'>;

/** The saved form of a session (`toJSON()`), resumable with `ResponsesChatSession.fromJSON(client, json)`. */
export interface ResponsesSessionJSON {
  version: 1;
  kind: 'responses';
  options: ResponseOptions;
  currentResponseId: string | undefined;
  responseHistory: Response[];
  usage: SessionUsage;
}

/** Adds lua-openai's helpers to a response, as methods that stay out of its JSON. */
export function withHelpers(response: Response): SessionResponse {
  const outputText = () =>
    (response.output ?? [])
      .flatMap((item) =>
        'content' in item && Array.isArray(item.content)
          ? (item.content as Array<{ type?: string; text?: string }>)
          : [],
      )
      .map((part) => (part.type === 'output_text' ? (part.text ?? '') : ''))
      .join('');
  const images = () =>
    (response.output ?? []).flatMap((item) =>
      item.type === 'image_generation_call' && typeof (item as { result?: unknown }).result === 'string'
        ? [(item as { result: string }).result]
        : [],
    );
  Object.defineProperties(response, {
    outputText: { value: outputText, enumerable: false, configurable: true },
    images: { value: images, enumerable: false, configurable: true },
    toString: { value: outputText, enumerable: false, configurable: true },
  });
  return response as SessionResponse;
}

/**
 * A chat over the Responses API, lua-openai's `ResponsesChatSession`: the server keeps the conversation,
 * the session chains each request to the last with `previous_response_id` and keeps `responseHistory`.
 */
export class ResponsesChatSession implements Session<ResponseInput, SessionResponse, SessionResponse> {
  readonly responseHistory: SessionResponse[] = [];
  currentResponseId: string | undefined;
  /** The tools sent with every request; change them between turns, they are checked when used. */
  tools: ResponseOptions['tools'] | undefined;
  readonly usage: SessionUsage = emptyUsage();
  readonly #options: ResponseOptions;

  constructor(
    readonly client: SessionClient,
    options: ResponsesSessionOptions = {},
  ) {
    const { previous_response_id: previous, tools, ...rest } = options;
    this.#options = rest;
    if (tools !== undefined && tools !== null) {
      checkResponseTools(tools);
      this.tools = [...tools];
    }
    this.currentResponseId = previous ?? undefined;
  }

  /** Always `'responses'`: this session talks to the Responses API. */
  get kind(): 'responses' {
    return 'responses';
  }

  /** The model of the next requests (`undefined`: the client's default); set it to switch, the chain stays. */
  get model(): string | undefined {
    return this.#options.model;
  }

  set model(model: string | undefined) {
    const checked = checkModel(model);
    if (checked === undefined) delete this.#options.model;
    else this.#options.model = checked;
  }

  /** The responses of the chain so far (the same array as `responseHistory`, read-only). */
  history(): readonly SessionResponse[] {
    return this.responseHistory;
  }

  /**
   * Sends `input` as the next turn: the response, the streamed text when `onChunk` is given (or a
   * callback in place of the options), or the parsed value with `schema`.
   */
  send<T>(input: ResponseInput, options: ResponseStructuredOptions<T>): Promise<T>;
  send(input: ResponseInput, options: ResponseStreamingOptions): Promise<string>;
  send(input: ResponseInput, options?: ResponsePlainOptions): Promise<SessionResponse>;
  send(
    input: ResponseInput,
    options?: ResponseSendOptions | OnResponseChunk,
  ): Promise<SessionResponse | string>;
  send(input: ResponseInput, options?: ResponseSendOptions | OnResponseChunk): Promise<unknown> {
    return this.#create(input, callOptions<ResponseSendOptions, OnResponseChunk>(options));
  }

  /** Sends `input` as `send` does, streaming the reply's text to `onText`; resolves the whole text. */
  async stream(input: ResponseInput, onText: OnText, options: SessionCallOptions = {}): Promise<string> {
    return (await this.#create(input, {
      ...options,
      onChunk: (chunk) => (chunk.content ? onText(chunk.content) : undefined),
    })) as string;
  }

  /**
   * lua-openai's `create_response`: `send` with the stream callback as a third argument, as lua-openai
   * passes it (the session's options, the chain, then `options`).
   */
  createResponse<T>(
    input: ResponseInput,
    options: ResponseStructuredOptions<T>,
    onChunk?: OnResponseChunk,
  ): Promise<T>;
  createResponse(
    input: ResponseInput,
    options: ResponseSendOptions | undefined,
    onChunk: OnResponseChunk,
  ): Promise<string>;
  createResponse(
    input: ResponseInput,
    options: ResponseSendOptions & { onChunk: OnResponseChunk },
  ): Promise<string>;
  createResponse(input: ResponseInput, options?: ResponsePlainOptions): Promise<SessionResponse>;
  createResponse(
    input: ResponseInput,
    options?: ResponseSendOptions,
    onChunk?: OnResponseChunk,
  ): Promise<SessionResponse | string>;
  createResponse(
    input: ResponseInput,
    options?: ResponseSendOptions,
    onChunk?: OnResponseChunk,
  ): Promise<unknown> {
    return this.#create(input, onChunk ? { ...options, onChunk } : (options ?? {}));
  }

  // The one request path of send, stream, createResponse and run: the response, the streamed text, or
  // the parsed value, as the overloads above say.
  async #create(input: ResponseInput, options: ResponseSendOptions): Promise<unknown> {
    assertResponsesInput(input, 'input');
    const { onChunk: stream, signal, schema, ...overrides } = options;
    const params = requestParams<ResponseOptions>(
      this.#options,
      { tools: this.tools, previous_response_id: this.currentResponseId ?? undefined },
      overrides,
    );
    if (params.tools !== undefined && params.tools !== null) checkResponseTools(params.tools);
    if (schema) params.text = responsesTextFormat(schema);
    const call: CallOptions = signal ? { signal } : {};

    let response: Response;
    let streamedText: string | undefined;
    if (stream) {
      params.stream = true;
      let text = '';
      const accumulator = new ResponseAccumulator();
      const result = await this.client.createResponse(
        input,
        params,
        async (event) => {
          // The client checked the event (a completed response has an id…); a client that is not ours may hand on anything.
          assertResponseStreamEvent(event);
          accumulator.add(event);
          if (event.type === 'response.output_text.delta') text += event.delta;
          await stream(
            event.type === 'response.output_text.delta' ? { content: event.delta, event } : { event },
            event,
          );
        },
        call,
      );
      if (!result.ok) throw requestFailed(result.status, result.body);
      // An incomplete or failed response is not continued from: the chain stays where it was.
      if (!accumulator.completed)
        throw new SessionError('The stream ended without response.completed', result.status, undefined);
      response = accumulator.result();
      streamedText = text;
    } else {
      const result = await this.client.createResponse(input, params, undefined, call);
      if (!result.ok) throw requestFailed(result.status, result.body);
      const reason = responseReason(result.body);
      if (reason) throw new SessionError(`Failed to parse response: ${reason}`, result.status, result.body);
      response = result.body as Response;
    }

    const kept = withHelpers(response);
    addUsage(this.usage, response.usage);
    this.currentResponseId = response.id;
    this.responseHistory.push(kept);
    if (schema) return parseStructured(schema, kept.outputText());
    return streamedText ?? kept;
  }

  /**
   * Sends `input`, runs the function calls of each response (concurrently) and sends their outputs
   * back, until a response has no calls; returns its text. Throws `ToolLoopError` after `maxSteps` responses.
   */
  async run(input: ResponseInput, options: ResponsesRunOptions): Promise<string> {
    const { tools, maxSteps = 8, ...sendOptions } = options;
    const withTools = { ...sendOptions, tools: tools.map(responsesToolDeclaration) };
    // The kept response, whether the turn streamed (resolving its text) or not.
    const turn = async (next: ResponseInput) => {
      await this.#create(next, withTools);
      return this.responseHistory.at(-1) as SessionResponse;
    };
    return runToolLoop<SessionResponse>({
      first: await turn(input),
      read: (response) => {
        const calls = (response.output ?? []).filter(
          (item): item is Extract<typeof item, { type: 'function_call' }> => item.type === 'function_call',
        );
        return calls.length === 0
          ? { text: response.outputText() }
          : {
              calls: calls.map((call) => ({ id: call.call_id, name: call.name, arguments: call.arguments })),
            };
      },
      next: (outputs) =>
        turn(
          outputs.map(({ id, output }) => ({ type: 'function_call_output' as const, call_id: id, output })),
        ),
      tools,
      maxSteps,
      signal: sendOptions.signal,
      unit: 'responses',
    });
  }

  /** The session's saved form: its options (tools as they are now), the chain's current ID, a copy of the history and the usage. */
  toJSON(): ResponsesSessionJSON {
    return {
      version: 1,
      kind: 'responses',
      options: { ...this.#options, ...(this.tools ? { tools: [...this.tools] } : {}) },
      currentResponseId: this.currentResponseId,
      responseHistory: structuredClone(this.responseHistory.map((response) => ({ ...response }))),
      usage: { ...this.usage },
    };
  }

  /**
   * Resumes a session saved with `toJSON()` (the object, or its JSON text), checked strictly as
   * `ChatSession.fromJSON` is: a `SessionError` naming the bad paths (`responseHistory[3].id: …`).
   */
  static fromJSON(client: SessionClient, json: ResponsesSessionJSON | string): ResponsesChatSession {
    const saved = parseSavedResponses(json);
    const session = new ResponsesChatSession(client, {
      ...(saved.options as ResponsesSessionOptions),
      ...(saved.currentResponseId ? { previous_response_id: saved.currentResponseId } : {}),
    });
    // A loop, not `push(...history)`: a history of any length, never spread onto the stack.
    for (const response of saved.responseHistory)
      session.responseHistory.push(withHelpers(response as Response));
    if (saved.usage) Object.assign(session.usage, saved.usage);
    return session;
  }
}

/** lua-openai's `Request failed with status: <status>`, with the API's message when there is one. */
function requestFailed(status: number, body: unknown): SessionError {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return new SessionError(
    `Request failed with status: ${status}${typeof message === 'string' ? `: ${message}` : ''}`,
    status,
    body,
  );
}

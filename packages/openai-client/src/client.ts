import type { Transport } from '@wireai/core';
import { assistants, deleteThread, threadMessages, threads } from './endpoints/assistants.js';
import {
  type ChatCompletionOptions,
  type ChatDelta,
  chatDelta,
  createChatCompletion,
  type OnChatChunk,
  streamChatCompletion,
} from './endpoints/chat-completions.js';
import { deleteFile, getFile, listFiles, type UploadFileParams, uploadFile } from './endpoints/files.js';
import {
  type CompletionOptions,
  completion,
  type EmbeddingOptions,
  embedding,
  imageGeneration,
  type ModerationOptions,
  model,
  models,
  moderation,
} from './endpoints/misc.js';
import {
  cancelResponse,
  createResponse,
  deleteResponse,
  getResponse,
  type OnResponseEvent,
  type ResponseOptions,
  streamResponse,
} from './endpoints/responses.js';
import { callOperation } from './operations/call-operation.js';
import type { OperationArgs, OperationKey, OperationResult } from './operations/operation-types.js';
import { resolveSettings } from './providers/environment.js';
import { type ConfigWithPreset, PRESET } from './providers/preset-option.js';
import { PROVIDERS, type ProviderPreset, presetApiKey } from './providers/presets.js';
import type { ClientConfig, ClientCore } from './request/client-core.js';
import { mergeHeaders } from './request/headers.js';
import { type CallOptions, type RequestOptions, sendRequest } from './request/send-request.js';
import { tokenHeaders } from './request/token-provider.js';
import { resolveTransport } from './resolve-transport.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessage,
  CompletionRequest,
  EmbeddingRequest,
  ImageRequest,
  ModerationRequest,
  Response,
  ResponseInput,
  ResponseStreamEvent,
  Result,
} from './types.js';
import { assertClientConfig, assertPreset, assertResolved } from './validation/client-config.js';

type WithStream<O, S extends boolean> = O & { stream: S };

// Far above any real reply (a large embeddings batch as JSON floats is ~130 MB), well below what a V8
// string can hold, so a hostile or broken server fails fast instead of exhausting memory.
const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;
// A streamed event carries one delta; the largest real ones (a partial image in base64) are a few MB.
const DEFAULT_MAX_EVENT_SIZE = 64 * 1024 * 1024;
const TEN_MINUTES = 10 * 60 * 1000;

/**
 * The OpenAI client, lua-openai's `OpenAI` in TypeScript: `new OpenAI(apiKey?, config?)`. Every call
 * goes through one pipeline (validation, headers, retries, the transport) and resolves a `Result`
 * discriminated by `ok`; the `stream…()` methods return async iterables and throw on failure.
 *
 * Every method that returns a promise is `async`, so a bad argument rejects it (with `ValidationError`)
 * and never throws where the call is made; the `stream…()` methods report one from the first `next()`.
 * Only the constructor throws, a `ValidationError` naming the option (`config.timeout`).
 */
export class OpenAI {
  /** The preset a provider subclass (Gemini, OpenRouter…) brings. */
  protected static readonly preset: ProviderPreset = PROVIDERS.openai;

  readonly baseURL: string;
  readonly defaultModel: string;
  readonly #apiKey: string | undefined;
  readonly #core: ClientCore;

  constructor(apiKey?: string, config: ClientConfig = {}) {
    assertClientConfig(apiKey, config);
    // A subclass brings its preset as a static (Gemini); createClient passes one in the config, as data.
    const preset = (config as ConfigWithPreset)[PRESET] ?? (new.target as typeof OpenAI).preset;
    assertPreset(preset);
    const settings = resolveSettings(preset, config);
    this.#apiKey = presetApiKey(preset, apiKey);
    assertResolved(this.#apiKey, settings.baseURL);
    this.baseURL = settings.baseURL.value.replace(/\/+$/, '');
    this.defaultModel = config.defaultModel ?? preset.defaultModel;
    const auth = config.auth ?? preset.auth ?? 'bearer';
    const apiKeyValue = () => this.#apiKey;
    const tokenProvider = config.tokenProvider;
    let transport: Promise<Transport> | undefined;
    this.#core = {
      baseURL: this.baseURL,
      defaultHeaders: mergeHeaders(
        preset.defaultHeaders,
        {
          'openai-organization': settings.organization,
          'openai-project': settings.project,
        },
        config.defaultHeaders,
      ),
      defaultQuery: settings.defaultQuery,
      timeout: config.timeout ?? TEN_MINUTES,
      maxRetries: config.maxRetries ?? 2,
      maxBodyBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      maxEventSize: config.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE,
      logger: settings.logger,
      transport: () => {
        transport ??= resolveTransport(config.transport).catch((error: unknown) => {
          transport = undefined; // let a later call try again (after an install, say)
          throw error;
        });
        return transport;
      },
      ...(settings.routePath ? { routePath: settings.routePath } : {}),
      ...(tokenProvider ? { attemptAuthHeaders: () => tokenHeaders(tokenProvider) } : {}),
      authHeaders: () => {
        const key = apiKeyValue();
        if (!key || auth === 'none' || tokenProvider) return {};
        return auth === 'api-key' ? { 'api-key': key } : { authorization: `Bearer ${key}` };
      },
    };
  }

  /** The transport this client sends with, resolved (and loaded, for a name) on first use. */
  async transport(): Promise<Transport> {
    return this.#core.transport();
  }

  /** The public low-level request (lua-openai's `_request`): any method and path, JSON in and out, optional streaming. */
  async request<T = unknown, E = unknown>(options: RequestOptions<E>): Promise<Result<T>> {
    return sendRequest<T, E>(this.#core, options);
  }

  /**
   * Any operation of the official OpenAI description, typed from it: `call('POST /batches', { body })`,
   * `call('GET /vector_stores/{vector_store_id}', { path: { vector_store_id } })`. Path parameters are
   * checked and encoded, JSON in and out (`rawBody` for a multipart operation), through the same
   * pipeline as every other call; a stream is not read here (`stream: true` is refused).
   */
  async call<K extends OperationKey>(
    key: K,
    ...params: OperationArgs<K>
  ): Promise<Result<OperationResult<K>>> {
    return callOperation(this.#core, key, params[0]);
  }

  // --- chat completions ---------------------------------------------------------------------------

  /** `POST /chat/completions`. With `stream: true`, `onChunk` receives every chunk as it arrives. */
  createChatCompletion(
    messages: readonly ChatCompletionMessage[],
    options?: ChatCompletionOptions & { stream?: false | null },
    call?: CallOptions,
  ): Promise<Result<ChatCompletion>>;
  createChatCompletion(
    messages: readonly ChatCompletionMessage[],
    options: WithStream<ChatCompletionOptions, true>,
    onChunk: OnChatChunk,
    call?: CallOptions,
  ): Promise<Result<undefined>>;
  async createChatCompletion(
    messages: readonly ChatCompletionMessage[],
    options?: ChatCompletionOptions,
    onChunkOrCall?: OnChatChunk | CallOptions,
    call?: CallOptions,
  ): Promise<Result<ChatCompletion | undefined>> {
    const [onChunk, callOptions] = splitCallback(onChunkOrCall, call);
    return createChatCompletion(this.#core, this.defaultModel, messages, options, onChunk, callOptions);
  }

  /** lua-openai's legacy `chat`: streamed chunks reach `onDelta` filtered to `{ content, index, tool_calls }`. */
  chat(
    messages: readonly ChatCompletionMessage[],
    options?: ChatCompletionOptions & { stream?: false | null },
    call?: CallOptions,
  ): Promise<Result<ChatCompletion>>;
  chat(
    messages: readonly ChatCompletionMessage[],
    options: WithStream<ChatCompletionOptions, true>,
    onDelta: (delta: ChatDelta, chunk: ChatCompletionChunk) => unknown,
    call?: CallOptions,
  ): Promise<Result<undefined>>;
  async chat(
    messages: readonly ChatCompletionMessage[],
    options?: ChatCompletionOptions,
    onDeltaOrCall?: ((delta: ChatDelta, chunk: ChatCompletionChunk) => unknown) | CallOptions,
    call?: CallOptions,
  ): Promise<Result<ChatCompletion | undefined>> {
    const [onDelta, callOptions] = splitCallback(onDeltaOrCall, call);
    const onChunk = onDelta
      ? (chunk: ChatCompletionChunk) => {
          const delta = chatDelta(chunk);
          return delta ? onDelta(delta, chunk) : undefined;
        }
      : undefined;
    return createChatCompletion(this.#core, this.defaultModel, messages, options, onChunk, callOptions);
  }

  /** Streams a chat completion as an async iterable of chunks; `break` aborts the request. */
  streamChatCompletion(
    messages: readonly ChatCompletionMessage[],
    options?: ChatCompletionOptions,
    call?: CallOptions,
  ): AsyncIterableIterator<ChatCompletionChunk> {
    try {
      return streamChatCompletion(this.#core, this.defaultModel, messages, options, call);
    } catch (error) {
      return failedIterator(error);
    }
  }

  // --- responses ----------------------------------------------------------------------------------

  /** `POST /responses`. With `stream: true`, `onEvent` receives every event, `response.created` to `response.completed`. */
  createResponse(
    input: ResponseInput,
    options?: ResponseOptions & { stream?: false | null },
    call?: CallOptions,
  ): Promise<Result<Response>>;
  createResponse(
    input: ResponseInput,
    options: WithStream<ResponseOptions, true>,
    onEvent: OnResponseEvent,
    call?: CallOptions,
  ): Promise<Result<undefined>>;
  async createResponse(
    input: ResponseInput,
    options?: ResponseOptions,
    onEventOrCall?: OnResponseEvent | CallOptions,
    call?: CallOptions,
  ): Promise<Result<Response | undefined>> {
    const [onEvent, callOptions] = splitCallback(onEventOrCall, call);
    return createResponse(this.#core, this.defaultModel, input, options, onEvent, callOptions);
  }

  /** Streams a response as an async iterable of typed events; `break` aborts the request. */
  streamResponse(
    input: ResponseInput,
    options?: ResponseOptions,
    call?: CallOptions,
  ): AsyncIterableIterator<ResponseStreamEvent> {
    try {
      return streamResponse(this.#core, this.defaultModel, input, options, call);
    } catch (error) {
      return failedIterator(error);
    }
  }

  /** `GET /responses/{id}`: a stored response. */
  async response(id: string, call?: CallOptions) {
    return getResponse(this.#core, id, call);
  }

  /** `DELETE /responses/{id}`. */
  async deleteResponse(id: string, call?: CallOptions) {
    return deleteResponse(this.#core, id, call);
  }

  /** `POST /responses/{id}/cancel`: stops a background response. */
  async cancelResponse(id: string, call?: CallOptions) {
    return cancelResponse(this.#core, id, call);
  }

  // --- the rest of lua-openai ---------------------------------------------------------------------

  /** `POST /completions` (legacy); defaults: `gpt-3.5-turbo-instruct`, temperature 0.5, 600 max tokens. */
  async completion(prompt: CompletionRequest['prompt'], options?: CompletionOptions, call?: CallOptions) {
    return completion(this.#core, prompt, options, call);
  }

  /** `POST /embeddings`, lua-openai's default model `text-embedding-ada-002`. */
  async embedding(input: EmbeddingRequest['input'], options?: EmbeddingOptions, call?: CallOptions) {
    return embedding(this.#core, input, options, call);
  }

  /** `POST /moderations`. */
  async moderation(input: ModerationRequest['input'], options?: ModerationOptions, call?: CallOptions) {
    return moderation(this.#core, input, options, call);
  }

  /** `GET /models`: the models the key can use. */
  async models(call?: CallOptions) {
    return models(this.#core, call);
  }

  /** `GET /models/{id}`. */
  async model(id: string, call?: CallOptions) {
    return model(this.#core, id, call);
  }

  /** `GET /files`. */
  async files(call?: CallOptions) {
    return listFiles(this.#core, call);
  }

  /** `GET /files/{id}`: the file's metadata. */
  async file(id: string, call?: CallOptions) {
    return getFile(this.#core, id, call);
  }

  /** `DELETE /files/{id}`. */
  async deleteFile(id: string, call?: CallOptions) {
    return deleteFile(this.#core, id, call);
  }

  /** `POST /files` as multipart, built by the client so it is the same over every transport. */
  async uploadFile(params: UploadFileParams, call?: CallOptions) {
    return uploadFile(this.#core, params, call);
  }

  /** `GET /assistants`, with the `openai-beta: assistants=v2` header the API requires. */
  async assistants(call?: CallOptions) {
    return assistants(this.#core, call);
  }

  /** `GET /threads`, with the `openai-beta: assistants=v2` header. */
  async threads(call?: CallOptions) {
    return threads(this.#core, call);
  }

  /** `GET /threads/{threadId}/messages`, with the `openai-beta: assistants=v2` header. */
  async threadMessages(threadId: string, call?: CallOptions) {
    return threadMessages(this.#core, threadId, call);
  }

  /** `DELETE /threads/{threadId}`, with the `openai-beta: assistants=v2` header. */
  async deleteThread(threadId: string, call?: CallOptions) {
    return deleteThread(this.#core, threadId, call);
  }

  /** `POST /images/generations`; `params.prompt` is required. */
  async imageGeneration(params: ImageRequest, call?: CallOptions) {
    return imageGeneration(this.#core, params, call);
  }

  /** Never shows the key. */
  toString(): string {
    return `${this.constructor.name} { baseURL: '${this.baseURL}', defaultModel: '${this.defaultModel}', apiKey: ${this.#apiKey ? '[redacted]' : 'none'} }`;
  }

  /** The base URL and default model; the key only as `[redacted]`, so logging a client never leaks it. */
  toJSON(): Record<string, unknown> {
    return {
      baseURL: this.baseURL,
      defaultModel: this.defaultModel,
      apiKey: this.#apiKey ? '[redacted]' : undefined,
    };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** An iterator whose first `next()` rejects with `error`: how a stream method reports a bad argument. */
function failedIterator<T>(error: unknown): AsyncIterableIterator<T> {
  let failed = false;
  const done = (): Promise<IteratorResult<T>> => Promise.resolve({ value: undefined, done: true });
  return {
    next() {
      if (failed) return done();
      failed = true;
      return Promise.reject(error);
    },
    return() {
      failed = true;
      return done();
    },
    throw(thrown?: unknown) {
      failed = true;
      return Promise.reject(thrown);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function splitCallback<F extends (...args: never[]) => unknown>(
  first: F | CallOptions | undefined,
  second: CallOptions | undefined,
): [F | undefined, CallOptions] {
  return typeof first === 'function' ? [first, second ?? {}] : [undefined, first ?? second ?? {}];
}

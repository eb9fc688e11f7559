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
import { type CompletionOptions, completion } from './endpoints/completions.js';
import { type EmbeddingOptions, embedding } from './endpoints/embeddings.js';
import { deleteFile, getFile, listFiles, uploadFile } from './endpoints/files.js';
import { imageGeneration } from './endpoints/images.js';
import { model, models } from './endpoints/models.js';
import { type ModerationOptions, moderation } from './endpoints/moderations.js';
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
import { guardList, type PagePromise } from './pagination/cursor-page.js';
import type {
  AssistantListParams,
  FileListParams,
  ThreadListParams,
  ThreadMessageListParams,
} from './pagination/list-params.js';
import { resolveSettings } from './providers/environment.js';
import { type ConfigWithPreset, PRESET } from './providers/preset-option.js';
import { PROVIDERS, type ProviderPreset, presetApiKey } from './providers/presets.js';
import type { ClientConfig, ClientCore } from './request/client-core.js';
import { mergeHeaders } from './request/headers.js';
import { type CallOptions, type RequestOptions, sendRequest } from './request/send-request.js';
import { tokenHeaders } from './request/token-provider.js';
import { resolveTransport } from './resolve-transport.js';
import type { OkResult, ResultFor } from './result/unwrap.js';
import { ChatCompletionAccumulator } from './streaming/accumulate/chat-completion-accumulator.js';
import {
  type ChatCompletionStream,
  chatCompletionStream,
  FinalTracker,
  type ResponseStream,
  responseStream,
} from './streaming/accumulate/final-streams.js';
import { ResponseAccumulator } from './streaming/accumulate/response-accumulator.js';
import type {
  Assistant,
  AssistantList,
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessage,
  Completion,
  CompletionRequest,
  EmbeddingList,
  EmbeddingRequest,
  FileDeleted,
  FileList,
  FileObject,
  ImageRequest,
  Images,
  Model,
  ModelList,
  Moderation,
  ModerationRequest,
  Response,
  ResponseDeleted,
  ResponseInput,
  ResponseStreamEvent,
  Result,
  Thread,
  ThreadDeleted,
  ThreadList,
  ThreadMessage,
  ThreadMessageList,
} from './types.js';
import type { UploadFileParams } from './uploads/resolve-upload.js';
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
  /** The provider preset this client was made from (what sessions read, e.g. `streamUsage`). */
  readonly preset: ProviderPreset;
  readonly #apiKey: string | undefined;
  readonly #core: ClientCore;

  constructor(apiKey?: string, config: ClientConfig = {}) {
    assertClientConfig(apiKey, config);
    // A subclass brings its preset as a static (Gemini); createClient passes one in the config, as data.
    const preset = (config as ConfigWithPreset)[PRESET] ?? (new.target as typeof OpenAI).preset;
    assertPreset(preset);
    this.preset = preset;
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
      sseFraming: config.sseFraming ?? preset.sseFraming ?? 'strict',
      logger: settings.logger,
      ...(config.clock ? { clock: config.clock } : {}),
      throwOnError: config.throwOnError ?? false,
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

  /**
   * The public low-level request (lua-openai's `_request`): any method and path, JSON in and out, optional
   * streaming. As lua-openai, a body that is not JSON comes back as its text, whatever the status (the
   * typed methods reject a 2xx one with `MalformedResponseError` instead: they promise the API's object).
   */
  request<T = unknown, E = unknown>(
    options: RequestOptions<E> & { throwOnError: true },
  ): Promise<OkResult<T>>;
  request<T = unknown, E = unknown>(options: RequestOptions<E>): Promise<Result<T>>;
  async request<T = unknown, E = unknown>(options: RequestOptions<E>): Promise<Result<T>> {
    return sendRequest<T, E>(this.#core, options, undefined, 'text');
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
  createChatCompletion<const C extends CallOptions = CallOptions>(
    messages: readonly ChatCompletionMessage[],
    options?: ChatCompletionOptions & { stream?: false | null },
    call?: C,
  ): Promise<ResultFor<ChatCompletion, C>>;
  createChatCompletion<const C extends CallOptions = CallOptions>(
    messages: readonly ChatCompletionMessage[],
    options: WithStream<ChatCompletionOptions, true>,
    onChunk: OnChatChunk,
    call?: C,
  ): Promise<ResultFor<undefined, C>>;
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
  chat<const C extends CallOptions = CallOptions>(
    messages: readonly ChatCompletionMessage[],
    options?: ChatCompletionOptions & { stream?: false | null },
    call?: C,
  ): Promise<ResultFor<ChatCompletion, C>>;
  chat<const C extends CallOptions = CallOptions>(
    messages: readonly ChatCompletionMessage[],
    options: WithStream<ChatCompletionOptions, true>,
    onDelta: (delta: ChatDelta, chunk: ChatCompletionChunk) => unknown,
    call?: C,
  ): Promise<ResultFor<undefined, C>>;
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

  /**
   * Streams a chat completion as an async iterable of chunks; `break` aborts the request.
   * `finalChatCompletion()` on the result gives the completion the chunks add up to.
   */
  streamChatCompletion(
    messages: readonly ChatCompletionMessage[],
    options?: ChatCompletionOptions,
    call?: CallOptions,
  ): ChatCompletionStream {
    const tracker = new FinalTracker(new ChatCompletionAccumulator());
    let chunks: AsyncIterableIterator<ChatCompletionChunk>;
    try {
      chunks = streamChatCompletion(this.#core, this.defaultModel, messages, options, call, tracker);
    } catch (error) {
      tracker.end({ error }); // a bad argument: the loop and the final result both report it
      chunks = failedIterator(error);
    }
    return chatCompletionStream(chunks, tracker);
  }

  // --- responses ----------------------------------------------------------------------------------

  /** `POST /responses`. With `stream: true`, `onEvent` receives every event, `response.created` to `response.completed`. */
  createResponse<const C extends CallOptions = CallOptions>(
    input: ResponseInput,
    options?: ResponseOptions & { stream?: false | null },
    call?: C,
  ): Promise<ResultFor<Response, C>>;
  createResponse<const C extends CallOptions = CallOptions>(
    input: ResponseInput,
    options: WithStream<ResponseOptions, true>,
    onEvent: OnResponseEvent,
    call?: C,
  ): Promise<ResultFor<undefined, C>>;
  async createResponse(
    input: ResponseInput,
    options?: ResponseOptions,
    onEventOrCall?: OnResponseEvent | CallOptions,
    call?: CallOptions,
  ): Promise<Result<Response | undefined>> {
    const [onEvent, callOptions] = splitCallback(onEventOrCall, call);
    return createResponse(this.#core, this.defaultModel, input, options, onEvent, callOptions);
  }

  /**
   * Streams a response as an async iterable of typed events; `break` aborts the request.
   * `finalResponse()` on the result gives the final response.
   */
  streamResponse(input: ResponseInput, options?: ResponseOptions, call?: CallOptions): ResponseStream {
    const tracker = new FinalTracker(new ResponseAccumulator());
    let events: AsyncIterableIterator<ResponseStreamEvent>;
    try {
      events = streamResponse(this.#core, this.defaultModel, input, options, call, tracker);
    } catch (error) {
      tracker.end({ error }); // a bad argument: the loop and the final result both report it
      events = failedIterator(error);
    }
    return responseStream(events, tracker);
  }

  /** `GET /responses/{id}`: a stored response. */
  async response<const C extends CallOptions = CallOptions>(
    id: string,
    call?: C,
  ): Promise<ResultFor<Response, C>> {
    return getResponse(this.#core, id, call) as Promise<ResultFor<Response, C>>;
  }

  /** `DELETE /responses/{id}`. */
  async deleteResponse<const C extends CallOptions = CallOptions>(
    id: string,
    call?: C,
  ): Promise<ResultFor<ResponseDeleted, C>> {
    return deleteResponse(this.#core, id, call) as Promise<ResultFor<ResponseDeleted, C>>;
  }

  /** `POST /responses/{id}/cancel`: stops a background response. */
  async cancelResponse<const C extends CallOptions = CallOptions>(
    id: string,
    call?: C,
  ): Promise<ResultFor<Response, C>> {
    return cancelResponse(this.#core, id, call) as Promise<ResultFor<Response, C>>;
  }

  // --- the rest of lua-openai ---------------------------------------------------------------------

  /** `POST /completions` (legacy); defaults: `gpt-3.5-turbo-instruct`, temperature 0.5, 600 max tokens. */
  async completion<const C extends CallOptions = CallOptions>(
    prompt: CompletionRequest['prompt'],
    options?: CompletionOptions,
    call?: C,
  ): Promise<ResultFor<Completion, C>> {
    return completion(this.#core, prompt, options, call) as Promise<ResultFor<Completion, C>>;
  }

  /** `POST /embeddings`, lua-openai's default model `text-embedding-ada-002`. */
  async embedding<const C extends CallOptions = CallOptions>(
    input: EmbeddingRequest['input'],
    options?: EmbeddingOptions,
    call?: C,
  ): Promise<ResultFor<EmbeddingList, C>> {
    return embedding(this.#core, input, options, call) as Promise<ResultFor<EmbeddingList, C>>;
  }

  /** `POST /moderations`. */
  async moderation<const C extends CallOptions = CallOptions>(
    input: ModerationRequest['input'],
    options?: ModerationOptions,
    call?: C,
  ): Promise<ResultFor<Moderation, C>> {
    return moderation(this.#core, input, options, call) as Promise<ResultFor<Moderation, C>>;
  }

  /**
   * `GET /models`: the models the key can use. `await` gives the `Result` of the one page (the API does not
   * page this list); `for await (const model of client.models())` walks its items.
   */
  models<const C extends CallOptions = CallOptions>(call?: C): PagePromise<Model, ModelList, C> {
    return guardList(() => models(this.#core, call) as PagePromise<Model, ModelList, C>);
  }

  /** `GET /models/{id}`. */
  async model<const C extends CallOptions = CallOptions>(id: string, call?: C): Promise<ResultFor<Model, C>> {
    return model(this.#core, id, call) as Promise<ResultFor<Model, C>>;
  }

  /**
   * `GET /files` with the API's list parameters (`after`, `limit`, `order`, `purpose`). `await` gives the
   * `Result` of the first page (`body.hasNextPage()`, `body.nextPage()`); `for await (const file of
   * client.files())` walks every file of every page.
   */
  files<const C extends CallOptions = CallOptions>(
    params?: FileListParams,
    call?: C,
  ): PagePromise<FileObject, FileList, C> {
    return guardList(() => listFiles(this.#core, params, call) as PagePromise<FileObject, FileList, C>);
  }

  /** `GET /files/{id}`: the file's metadata. */
  async file<const C extends CallOptions = CallOptions>(
    id: string,
    call?: C,
  ): Promise<ResultFor<FileObject, C>> {
    return getFile(this.#core, id, call) as Promise<ResultFor<FileObject, C>>;
  }

  /** `DELETE /files/{id}`. */
  async deleteFile<const C extends CallOptions = CallOptions>(
    id: string,
    call?: C,
  ): Promise<ResultFor<FileDeleted, C>> {
    return deleteFile(this.#core, id, call) as Promise<ResultFor<FileDeleted, C>>;
  }

  /** `POST /files` as multipart, built by the client so it is the same over every transport. */
  async uploadFile<const C extends CallOptions = CallOptions>(
    params: UploadFileParams,
    call?: C,
  ): Promise<ResultFor<FileObject, C>> {
    return uploadFile(this.#core, params, call) as Promise<ResultFor<FileObject, C>>;
  }

  /** `GET /assistants`, paged like `files()`, with the `openai-beta: assistants=v2` header the API requires. */
  assistants<const C extends CallOptions = CallOptions>(
    params?: AssistantListParams,
    call?: C,
  ): PagePromise<Assistant, AssistantList, C> {
    return guardList(() => assistants(this.#core, params, call) as PagePromise<Assistant, AssistantList, C>);
  }

  /** `GET /threads`, paged like `files()`, with the `openai-beta: assistants=v2` header. */
  threads<const C extends CallOptions = CallOptions>(
    params?: ThreadListParams,
    call?: C,
  ): PagePromise<Thread, ThreadList, C> {
    return guardList(() => threads(this.#core, params, call) as PagePromise<Thread, ThreadList, C>);
  }

  /** `GET /threads/{threadId}/messages`, paged like `files()` (and `run_id`), with the `openai-beta: assistants=v2` header. */
  threadMessages<const C extends CallOptions = CallOptions>(
    threadId: string,
    params?: ThreadMessageListParams,
    call?: C,
  ): PagePromise<ThreadMessage, ThreadMessageList, C> {
    return guardList(
      () =>
        threadMessages(this.#core, threadId, params, call) as PagePromise<
          ThreadMessage,
          ThreadMessageList,
          C
        >,
    );
  }

  /** `DELETE /threads/{threadId}`, with the `openai-beta: assistants=v2` header. */
  async deleteThread<const C extends CallOptions = CallOptions>(
    threadId: string,
    call?: C,
  ): Promise<ResultFor<ThreadDeleted, C>> {
    return deleteThread(this.#core, threadId, call) as Promise<ResultFor<ThreadDeleted, C>>;
  }

  /** `POST /images/generations`; `params.prompt` is required. */
  async imageGeneration<const C extends CallOptions = CallOptions>(
    params: ImageRequest,
    call?: C,
  ): Promise<ResultFor<Images, C>> {
    return imageGeneration(this.#core, params, call) as Promise<ResultFor<Images, C>>;
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

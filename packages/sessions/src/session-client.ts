import type {
  CallOptions,
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessage,
  ChatCompletionOptions,
  ChatDelta,
  Response,
  ResponseInput,
  ResponseOptions,
  ResponseStreamEvent,
} from '@wireai/openai-client';

/**
 * A result as the client resolves it (only what sessions read): on a 2xx status (`ok: true`) the body is
 * the endpoint's `T`; otherwise it is whatever the server sent (usually `{ error: { message } }`).
 */
export type ClientResult<T> =
  | { readonly ok: true; readonly status: number; readonly body: T }
  | { readonly ok: false; readonly status: number; readonly body: unknown };

/**
 * The two client methods sessions call, structurally: an `OpenAI` client fits, and so does a fake in a
 * unit test (as lua-openai's specs stub `client:chat`).
 */
export interface SessionClient {
  /**
   * The provider preset of the client, when it has one (`OpenAI.preset`): a streamed chat asks for its
   * usage when `streamUsage` is true.
   */
  readonly preset?: { readonly streamUsage?: boolean | undefined } | undefined;
  /** `OpenAI.chat`: a chat completion, with each streamed delta passed to `onDelta`. */
  chat(
    messages: ChatCompletionMessage[],
    options: ChatCompletionOptions,
    onDelta?: (delta: ChatDelta, chunk: ChatCompletionChunk) => unknown,
    call?: CallOptions,
  ): Promise<ClientResult<ChatCompletion | undefined>>;
  /** `OpenAI.createResponse`: a response, with each streamed event passed to `onEvent`. */
  createResponse(
    input: ResponseInput,
    options: ResponseOptions,
    onEvent?: (event: ResponseStreamEvent) => unknown,
    call?: CallOptions,
  ): Promise<ClientResult<Response | undefined>>;
}

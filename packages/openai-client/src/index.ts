export { LimitExceededError } from '@wireai/core';
export { OpenAI } from './client.js';
export type { ChatCompletionOptions, ChatDelta, OnChatChunk } from './endpoints/chat-completions.js';
export type { CompletionOptions } from './endpoints/completions.js';
export type { EmbeddingOptions } from './endpoints/embeddings.js';
export type { ModerationOptions } from './endpoints/moderations.js';
export type { MultipartFile } from './endpoints/multipart.js';
export type { OnResponseEvent, ResponseOptions } from './endpoints/responses.js';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  IncompleteStreamError,
  InternalServerError,
  type MalformedResponseDetails,
  MalformedResponseError,
  NotFoundError,
  OpenAIError,
  PermissionDeniedError,
  RateLimitError,
  StreamEventError,
  UnprocessableEntityError,
  ValidationError,
} from './errors.js';
export type { components, paths } from './generated/openai.js';
export type {
  components as apiComponents,
  operations as apiOperations,
  paths as apiPaths,
} from './generated/openai-api.js';
export type {
  OperationArgs,
  OperationBody,
  OperationBodyContentType,
  OperationId,
  OperationKey,
  OperationMethod,
  OperationOf,
  OperationParams,
  OperationPathParams,
  OperationQuery,
  OperationResult,
  RawBody,
} from './operations/operation-types.js';
export {
  type CursorListBody,
  type CursorParams,
  cursorList,
  type FetchPage,
  type Page,
  type PageMethods,
  type PagePromise,
} from './pagination/cursor-page.js';
export type {
  AssistantListParams,
  FileListParams,
  ListParams,
  ThreadListParams,
  ThreadMessageListParams,
} from './pagination/list-params.js';
export { PROVIDERS, type PresetEnv, type ProviderName, type ProviderPreset } from './providers/presets.js';
export { createClient, Gemini, OpenRouter } from './providers/provider-clients.js';
export type { ClientConfig, Logger } from './request/client-core.js';
export type { HeaderLayer } from './request/headers.js';
export type { RetryClock } from './request/retry.js';
export type { CallOptions, RequestOptions } from './request/send-request.js';
export type { TokenProvider } from './request/token-provider.js';
export type { TransportName } from './resolve-transport.js';
export { type OkResult, type ResultFor, resultError, unwrap } from './result/unwrap.js';
export { accumulateChatCompletion, accumulateResponse } from './streaming/accumulate/accumulate.js';
export {
  type AccumulatedChatCompletion,
  type AccumulatedMessage,
  ChatCompletionAccumulator,
} from './streaming/accumulate/chat-completion-accumulator.js';
export type { ChatCompletionStream, ResponseStream } from './streaming/accumulate/final-streams.js';
export { ResponseAccumulator } from './streaming/accumulate/response-accumulator.js';
export type { AccumulatedToolCall } from './streaming/accumulate/tool-call-joiner.js';
export {
  assertChatChunk,
  assertChatDelta,
  assertResponseStreamEvent,
  type StreamEventSource,
} from './streaming/event-shapes.js';
export type { StreamFraming } from './streaming/sse-framing.js';
export type * from './types.js';
export type { UploadFileParams } from './uploads/resolve-upload.js';
export { toFile, type Uploadable, type UploadFile } from './uploads/uploadable.js';
export { assertChatMessage, assertChatMessages, assertResponsesInput } from './validation/assertions.js';

export { LimitExceededError } from '@wireai/core';
export { OpenAI } from './client.js';
export type { ChatCompletionOptions, ChatDelta, OnChatChunk } from './endpoints/chat-completions.js';
export type { UploadFileParams } from './endpoints/files.js';
export type { CompletionOptions, EmbeddingOptions, ModerationOptions } from './endpoints/misc.js';
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
export { PROVIDERS, type PresetEnv, type ProviderName, type ProviderPreset } from './providers/presets.js';
export { createClient, Gemini, OpenRouter } from './providers/provider-clients.js';
export type { ClientConfig, Logger } from './request/client-core.js';
export type { HeaderLayer } from './request/headers.js';
export type { CallOptions, RequestOptions } from './request/send-request.js';
export type { TokenProvider } from './request/token-provider.js';
export type { TransportName } from './resolve-transport.js';
export {
  assertChatChunk,
  assertChatDelta,
  assertResponseStreamEvent,
  type StreamEventSource,
} from './streaming/event-shapes.js';
export type * from './types.js';
export { assertChatMessage, assertChatMessages, assertResponsesInput } from './validation/assertions.js';

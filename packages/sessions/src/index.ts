export {
  type AssistantMessage,
  type ChatReply,
  type ChatRunOptions,
  type ChatSendOptions,
  ChatSession,
  type ChatSessionJSON,
  type ChatSessionOptions,
  type OnChatChunk,
} from './chat-session.js';
export {
  type OnResponseChunk,
  type ResponseChunk,
  type ResponseHelpers,
  type ResponsePlainOptions,
  type ResponseSendOptions,
  type ResponseStreamingOptions,
  type ResponseStructuredOptions,
  ResponsesChatSession,
  type ResponsesRunOptions,
  type ResponsesSessionJSON,
  type ResponsesSessionOptions,
  type SessionResponse,
  withHelpers,
} from './responses-session.js';
export { type CreateSessionOptions, createSession, restoreSession } from './restore-session.js';
export type {
  OnText,
  SavedSession,
  Session,
  SessionCallOptions,
  SessionKind,
  SessionRunOptions,
} from './session.js';
export type { ClientResult, SessionClient } from './session-client.js';
export { SessionError, ToolLoopError } from './session-error.js';
export { type JsonSchemaObject, type Tool, tool } from './tools.js';
export type { SessionUsage } from './usage.js';

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
  type ResponsePlainOptions,
  type ResponseChunk,
  type ResponseHelpers,
  type ResponseSendOptions,
  type ResponsesRunOptions,
  ResponsesChatSession,
  type ResponsesSessionJSON,
  type ResponsesSessionOptions,
  type SessionResponse,
  type ResponseStreamingOptions,
  type ResponseStructuredOptions,
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

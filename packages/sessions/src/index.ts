export {
  type AssistantMessage,
  type ChatReply,
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
  type ResponseSendOptions,
  ResponsesChatSession,
  type ResponsesSessionJSON,
  type ResponsesSessionOptions,
  type SessionResponse,
  withHelpers,
} from './responses-session.js';
export type { ClientResult, SessionClient } from './session-client.js';
export { SessionError, ToolLoopError } from './session-error.js';
export { type JsonSchemaObject, type Tool, tool } from './tools.js';
export type { SessionUsage } from './usage.js';

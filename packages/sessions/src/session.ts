import type { ChatCompletionMessage } from '@wireai/openai-client';
import type { ChatReply, ChatSessionJSON } from './chat-session.js';
import type { ResponsesSessionJSON, SessionResponse } from './responses-session.js';
import type { Tool } from './tools.js';
import type { SessionUsage } from './usage.js';

/** Which API a session talks to: chat completions (`ChatSession`) or Responses (`ResponsesChatSession`). */
export type SessionKind = 'chat' | 'responses';

/** What any session's saved form is (`toJSON()`); `restoreSession` resumes either. */
export type SavedSession = ChatSessionJSON | ResponsesSessionJSON;

/** Per-request options every session takes. */
export interface SessionCallOptions {
  /** Aborts the request (the history stays as it was before the reply). */
  signal?: AbortSignal;
}

/** Receives each piece of a streamed reply's text; a returned promise is awaited. */
export type OnText = (text: string) => unknown;

/** The tool runner's options (`run`): the tools it may call and how many model replies it allows. */
export interface SessionRunOptions extends SessionCallOptions {
  tools: readonly Tool[];
  /** The most model replies before `ToolLoopError` (default 8). */
  maxSteps?: number;
}

/**
 * What both sessions do, so code can hold either (the `wireai` CLI holds only this). `ChatSession`
 * implements `Session<ChatCompletionMessage | string, ChatReply, ChatCompletionMessage>`,
 * `ResponsesChatSession` implements `Session<ResponseInput, SessionResponse, SessionResponse>`; the
 * defaults are what both share, so a plain `Session` is either of them.
 *
 * @typeParam Input - What `send`, `stream` and `run` take.
 * @typeParam Reply - What `send` resolves.
 * @typeParam Entry - One entry of `history()`.
 */
export interface Session<
  Input = string,
  Reply = ChatReply | SessionResponse,
  Entry = ChatCompletionMessage | SessionResponse,
> {
  /** The API the session talks to (also the `kind` of its saved form). */
  readonly kind: SessionKind;
  /**
   * The model of the next requests: `undefined` leaves it to the client's default model. Set it to
   * switch models mid-conversation; the history is kept. An empty string throws `ValidationError`.
   */
  model: string | undefined;
  /** Tokens spent so far, across every request of the session. */
  readonly usage: SessionUsage;
  /** The conversation so far: chat messages, or the responses of a Responses chain. */
  history(): readonly Entry[];
  /** Sends `input` as the next turn and resolves the reply. */
  send(input: Input, options?: SessionCallOptions): Promise<Reply>;
  /** Sends `input` as the next turn, streaming its text to `onText`; resolves the whole text. */
  stream(input: Input, onText: OnText, options?: SessionCallOptions): Promise<string>;
  /** Sends `input` and runs the tools the model calls until it answers in text; resolves that text. */
  run(input: Input, options: SessionRunOptions): Promise<string>;
  /** The saved form (what `JSON.stringify(session)` writes); `restoreSession` resumes it. */
  toJSON(): SavedSession;
}

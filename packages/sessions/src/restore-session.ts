import { ChatSession, type ChatSessionOptions } from './chat-session.js';
import { ResponsesChatSession, type ResponsesSessionOptions } from './responses-session.js';
import type { SavedSession, SessionKind } from './session.js';
import type { SessionClient } from './session-client.js';
import { SessionError } from './session-error.js';

/** `createSession`'s options: which API (`api`), and that session's own options. */
export type CreateSessionOptions =
  | ({ api: 'chat' } & ChatSessionOptions)
  | ({ api: 'responses' } & ResponsesSessionOptions);

/**
 * A new session for the API chosen at run time (`api: 'chat'` gives a `ChatSession`, `'responses'` a
 * `ResponsesChatSession`), for code that holds any `Session`.
 */
export function createSession(
  client: SessionClient,
  options: { api: 'chat' } & ChatSessionOptions,
): ChatSession;
export function createSession(
  client: SessionClient,
  options: { api: 'responses' } & ResponsesSessionOptions,
): ResponsesChatSession;
export function createSession(
  client: SessionClient,
  options: CreateSessionOptions,
): ChatSession | ResponsesChatSession;
export function createSession(
  client: SessionClient,
  options: CreateSessionOptions,
): ChatSession | ResponsesChatSession {
  if (options.api === 'responses') {
    const { api: _api, ...rest } = options;
    return new ResponsesChatSession(client, rest);
  }
  const { api: _api, ...rest } = options;
  return new ChatSession(client, rest);
}

/**
 * Resumes any saved session (`toJSON()`, the object or its JSON text) by its `kind`: a `ChatSession` or a
 * `ResponsesChatSession`, checked as their `fromJSON` checks them. Anything else throws `SessionError`
 * (`Not a saved session: …`).
 */
export function restoreSession(
  client: SessionClient,
  json: SavedSession | string,
): ChatSession | ResponsesChatSession {
  let saved: unknown = json;
  if (typeof json === 'string') {
    try {
      saved = JSON.parse(json);
    } catch (error) {
      throw new SessionError(`Not a saved session: not JSON (${(error as Error).message})`, undefined, json);
    }
  }
  const kind = typeof saved === 'object' && saved !== null ? (saved as { kind?: unknown }).kind : undefined;
  if (kind === ('chat' satisfies SessionKind))
    return ChatSession.fromJSON(client, saved as SavedSession & { kind: 'chat' });
  if (kind === ('responses' satisfies SessionKind))
    return ResponsesChatSession.fromJSON(client, saved as SavedSession & { kind: 'responses' });
  throw new SessionError(`Not a saved session: kind: expected 'chat' or 'responses'`, undefined, saved);
}

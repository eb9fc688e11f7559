import { readFile, writeFile } from 'node:fs/promises';
import type { OpenAI } from '@wireai/openai-client';
import { ChatSession, ResponsesChatSession } from '@wireai/sessions';
import { FileError, fileError } from './file-errors.js';

export type Session = ChatSession | ResponsesChatSession;

/** `/save FILE`: the session as the JSON its `toJSON()` gives. */
export async function saveSession(session: Session, path: string): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(session, null, 2)}\n`);
  } catch (error) {
    throw fileError(error, 'save to', path, true);
  }
}

/** `/load FILE`: a session `/save` wrote; anything else is refused in words, without echoing the file. */
export async function loadSession(client: OpenAI, path: string): Promise<Session> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(error, 'load', path, false);
  }
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    // The parser's message quotes the file (binary garbage, maybe): not repeated.
    throw new FileError(`Cannot load ${path}: not JSON (a file /save wrote is)`);
  }
  const kind = (saved as { kind?: unknown } | null)?.kind;
  try {
    if (kind === 'chat') return ChatSession.fromJSON(client, saved as never);
    if (kind === 'responses') return ResponsesChatSession.fromJSON(client, saved as never);
  } catch {
    // Falls through: the shape is wrong somewhere inside (its messages, its version).
  }
  throw new FileError(`Cannot load ${path}: not a saved session (JSON, but not what /save writes)`);
}

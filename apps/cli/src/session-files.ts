import { readFile, writeFile } from 'node:fs/promises';
import { restoreSession, type SavedSession, type Session, type SessionClient } from '@wireai/sessions';
import { FileError, fileError } from './file-errors.js';

/** `/save FILE`: the session as the JSON its `toJSON()` gives. */
export async function saveSession(session: Session, path: string): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(session, null, 2)}\n`);
  } catch (error) {
    throw fileError(error, 'save to', path, true);
  }
}

/** `/load FILE`: a session `/save` wrote; anything else is refused in words, without echoing the file. */
export async function loadSession(client: SessionClient, path: string): Promise<Session> {
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
  try {
    // Either kind, checked strictly by the session it restores.
    return restoreSession(client, saved as SavedSession);
  } catch {
    // Falls through: not a session's kind, or the shape is wrong somewhere inside (its messages, its version).
  }
  throw new FileError(`Cannot load ${path}: not a saved session (JSON, but not what /save writes)`);
}

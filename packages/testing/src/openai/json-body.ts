/**
 * How deep a JSON request body may nest (arrays and objects): a deeper one is answered 400 before it is
 * parsed, so no reply, log or stored object of the mock ever holds a value deep enough to blow the stack
 * of the code that walks it. OpenAI's own limits (structured-output schemas: 10 levels) are far below.
 */
export const MAX_JSON_DEPTH = 128;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether the JSON text in `bytes` nests deeper than `limit`, found by one pass over the bytes (no
 * recursion, no parse). Brackets inside strings do not count; UTF-8 continuation bytes never look like
 * `"` or `\`. For text that is not JSON the answer does not matter: it fails to parse anyway.
 */
export function jsonNestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** A request body as the mock reads it, once: its JSON value, or why it has none. */
export type ReadBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid-json' }
  | { kind: 'too-deep' };

export function readJsonBody(bytes: Uint8Array, text: () => string): ReadBody {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  if (jsonNestsDeeperThan(bytes, MAX_JSON_DEPTH)) return { kind: 'too-deep' };
  try {
    return { kind: 'json', value: JSON.parse(text()) };
  } catch {
    return { kind: 'invalid-json' };
  }
}

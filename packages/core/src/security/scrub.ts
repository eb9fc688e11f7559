import { redactUrl } from './redact-url.js';

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>`]+/gi;
// `key=…`, `api_key=…`, `token=…` outside a full URL (a message quoting a query string alone).
const QUERY_SECRET = /\b((?:api[-_]?)?key|token|access_token|secret|sig|signature|password)=[^&\s'"]+/gi;
// `Bearer sk-…` or `Basic …` anywhere in a message.
const AUTH_SCHEME = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{4,}/g;
const MAX_DEPTH = 8;
const MAX_ERRORS = 10;
const MAX_MESSAGE = 2_000;

/**
 * What an error said, with URLs cut to origin and path, `key=` values, `Bearer` tokens and every string
 * of `secrets` replaced by `<redacted>`.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
  for (const secret of secrets) {
    if (secret !== '' && out.includes(secret)) out = out.split(secret).join('<redacted>');
  }
  return out
    .replace(URL_PATTERN, (url) => redactUrl(url))
    .replace(QUERY_SECRET, '$1=<redacted>')
    .replace(AUTH_SCHEME, '$1 <redacted>');
}

/**
 * A library error as it is safe to keep: its class name, `code` and redacted message, its `cause` (and an
 * AggregateError's `errors`) scrubbed the same way, and its stack frames. Nothing else is copied: no
 * config, request, response or headers object, where libraries keep the key.
 */
export class ScrubbedError extends Error {
  /** The original error's `code` (`ECONNREFUSED`, `UND_ERR_SOCKET`, …), when it had one. */
  declare readonly code?: string;
  /** An AggregateError's inner errors, scrubbed. */
  declare readonly errors?: readonly unknown[];
}

/**
 * `error` as a `ScrubbedError` chain (`undefined` stays `undefined`). Safe to keep, log and inspect at any
 * depth; the chain is cut after a few levels.
 */
export function scrubError(
  error: unknown,
  secrets: readonly string[] = [],
  depth = 0,
): ScrubbedError | undefined {
  if (error === undefined || error === null) return undefined;
  if (error instanceof ScrubbedError) return error;
  if (typeof error !== 'object') return new ScrubbedError(redactText(String(error), secrets));
  const { name, message, code, cause, errors, stack } = error as Record<string, unknown>;
  const deeper = depth + 1 < MAX_DEPTH;
  const scrubbedCause = deeper ? scrubError(cause, secrets, depth + 1) : undefined;
  const scrubbed = new ScrubbedError(
    redactText(typeof message === 'string' ? message : '', secrets),
    scrubbedCause === undefined ? undefined : { cause: scrubbedCause },
  );
  scrubbed.name = typeof name === 'string' && name !== '' ? name : 'Error';
  if (typeof code === 'string' || typeof code === 'number') define(scrubbed, 'code', String(code));
  if (deeper && Array.isArray(errors) && errors.length > 0) {
    const inner = errors.slice(0, MAX_ERRORS).map((each) => scrubError(each, secrets, depth + 1));
    define(scrubbed, 'errors', inner);
  }
  // Where it was thrown (the frames), never the original first line, which repeats the raw message.
  const frames =
    typeof stack === 'string' ? stack.split('\n').filter((line) => line.startsWith('    at ')) : [];
  scrubbed.stack = [`${scrubbed.name}: ${scrubbed.message}`, ...frames].join('\n');
  return scrubbed;
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: true });
}

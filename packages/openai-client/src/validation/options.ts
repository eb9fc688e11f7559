import type { StreamFraming } from '../streaming/sse-framing.js';
import { joinPath } from './validate.js';

// Checks of the client's own options (the constructor's config, a call's options): each pushes what is
// wrong, with the path, so one ValidationError lists every problem.

export interface Issue {
  path: string;
  message: string;
}

/**
 * The longest timeout a timer can hold: `setTimeout` runs a larger delay at once (after a warning), so a
 * bigger `timeout` would not mean "longer" but "none". About 24.8 days.
 */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** A value as an error message shows it: `NaN`, `-1`, `'200'`, `null`, `an object`. Never a secret. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `'${value.slice(0, 40)}…'` : `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (typeof value === 'bigint') return `${value}n (a BigInt)`;
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Milliseconds per attempt: a finite number above 0, at most `MAX_TIMEOUT_MS`. */
export function checkTimeout(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_MS)
    issues.push({
      path,
      message: `expected milliseconds, a finite number > 0 and ≤ ${MAX_TIMEOUT_MS}, got ${shown(value)}`,
    });
}

/** Retries after the first attempt: an integer ≥ 0. */
export function checkMaxRetries(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    issues.push({ path, message: `expected an integer ≥ 0, got ${shown(value)}` });
}

/** A size limit: an integer > 0 (bytes or characters), or nothing. */
export function checkLimit(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    issues.push({ path, message: `expected an integer > 0, got ${shown(value)}` });
}

/** A string or nothing. */
export function checkString(value: unknown, path: string, issues: Issue[], { nonEmpty = false } = {}): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || (nonEmpty && value === ''))
    issues.push({ path, message: `expected a${nonEmpty ? ' non-empty' : ''} string, got ${shown(value)}` });
}

// RFC 9110: a header name is a token; a value is visible Latin-1 and tabs (no CR, LF or NUL, so no
// header can be smuggled into another), which is what Node, undici and fetch accept.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export const isHeaderSafe = (value: string): boolean => HEADER_VALUE.test(value);
/** An HTTP token: a header name, a method. */
export const isToken = (value: string): boolean => TOKEN.test(value);

/**
 * Headers: names that are HTTP tokens, values that are strings HTTP can carry, `null` to remove one and
 * `undefined` to leave it alone. Messages never show a value (it may be a key).
 */
export function checkHeaders(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    issues.push({ path, message: `expected an object of header values, got ${shown(value)}` });
    return;
  }
  for (const [name, header] of Object.entries(value)) {
    const at = joinPath(path, name);
    if (!TOKEN.test(name)) issues.push({ path: at, message: 'not a valid header name' });
    if (header === null || header === undefined) continue;
    if (typeof header !== 'string')
      issues.push({ path: at, message: `expected a string (or null to remove it), got ${shown(header)}` });
    else if (!isHeaderSafe(header))
      issues.push({ path: at, message: 'contains a character a header cannot carry (CR, LF, NUL…)' });
  }
}

/** A boolean or nothing. */
export function checkBoolean(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'boolean') issues.push({ path, message: `expected a boolean, got ${shown(value)}` });
}

/** Query parameters: an object of strings, finite numbers or booleans (`undefined` leaves one out). */
export function checkQueryParameters(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    issues.push({ path, message: `expected an object, got ${shown(value)}` });
    return;
  }
  for (const [name, parameter] of Object.entries(value))
    if (
      parameter !== undefined &&
      typeof parameter !== 'string' &&
      typeof parameter !== 'boolean' &&
      !(typeof parameter === 'number' && Number.isFinite(parameter))
    )
      issues.push({
        path: joinPath(path, name),
        message: `expected a string, a finite number or a boolean, got ${shown(parameter)}`,
      });
}

/** An `AbortSignal` (by shape, so a polyfill's passes) or nothing. */
export function checkSignal(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined) return;
  const signal = value as Partial<AbortSignal> | null;
  if (
    typeof signal !== 'object' ||
    signal === null ||
    typeof signal.aborted !== 'boolean' ||
    typeof signal.addEventListener !== 'function' ||
    typeof signal.removeEventListener !== 'function'
  )
    issues.push({ path, message: `expected an AbortSignal, got ${shown(value)}` });
}

/**
 * A call's options (the last argument of every method; `request()`'s own fields): `signal`, `timeout`,
 * `maxRetries`, `headers`, `maxBodyBytes`, `maxEventSize`, `sseFraming`, `query`, `throwOnError`. Other
 * fields are ignored. `root` is `call` for a method's last argument and empty for `request()`, whose
 * options are one object.
 */
export function checkCallOptions(value: unknown, root: string, issues: Issue[]): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    issues.push({
      path: root || 'options',
      message: `expected an object of call options, got ${shown(value)}`,
    });
    return;
  }
  // Each path is built only for an option given: this runs on every request.
  const {
    signal,
    timeout,
    maxRetries,
    headers,
    maxBodyBytes,
    maxEventSize,
    sseFraming,
    query,
    throwOnError,
  } = value;
  if (signal !== undefined) checkSignal(signal, joinPath(root, 'signal'), issues);
  if (timeout !== undefined) checkTimeout(timeout, joinPath(root, 'timeout'), issues);
  if (maxRetries !== undefined) checkMaxRetries(maxRetries, joinPath(root, 'maxRetries'), issues);
  if (headers !== undefined) checkHeaders(headers, joinPath(root, 'headers'), issues);
  if (maxBodyBytes !== undefined) checkLimit(maxBodyBytes, joinPath(root, 'maxBodyBytes'), issues);
  if (maxEventSize !== undefined) checkLimit(maxEventSize, joinPath(root, 'maxEventSize'), issues);
  if (sseFraming !== undefined) checkSseFraming(sseFraming, joinPath(root, 'sseFraming'), issues);
  if (query !== undefined) checkQueryParameters(query, joinPath(root, 'query'), issues);
  if (throwOnError !== undefined) checkBoolean(throwOnError, joinPath(root, 'throwOnError'), issues);
}

const FRAMINGS: readonly string[] = ['strict', 'lenient'] satisfies readonly StreamFraming[];

/** How a stream is split into events (`sseFraming`): `'strict'`, `'lenient'`, or nothing. */
export function checkSseFraming(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined || FRAMINGS.includes(value as string)) return;
  issues.push({ path, message: `expected 'strict' or 'lenient', got ${shown(value)}` });
}

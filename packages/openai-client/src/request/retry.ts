import type { TransportErrorCode } from '@wireai/core';

const RETRY_STATUSES = new Set([408, 409, 429]);
const RETRY_CODES = new Set<TransportErrorCode>(['CONNECTION_REFUSED', 'CONNECTION_RESET', 'TIMEOUT']);

/** Whether a status is worth another attempt; `x-should-retry` from the server decides first. */
export function shouldRetryStatus(status: number, headers: Readonly<Record<string, string>>): boolean {
  const hint = headers['x-should-retry'];
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return RETRY_STATUSES.has(status) || status >= 500;
}

export function shouldRetryFailure(code: TransportErrorCode): boolean {
  return RETRY_CODES.has(code);
}

/**
 * The longest server hint honoured: a `retry-after-ms` or `Retry-After` beyond a minute is taken as a
 * mistake (or a "come back tomorrow" no retry loop should sit through), and the normal backoff applies.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** What retries read the time and wait with: the real ones by default, a test's fake ones when injected. */
export interface RetryClock {
  /** Milliseconds since the epoch, to read a `Retry-After` date (default `Date.now`). */
  now(): number;
  /** In [0, 1), for the jitter (default `Math.random`). */
  random(): number;
  /** Waits `ms`, rejecting with the signal's reason when it fires (default a timer). */
  sleep(ms: number, signal: AbortSignal | undefined): Promise<void>;
}

/** A non-negative decimal number and nothing else: not empty, not `-1`, not `0x10`, not `1e9`. */
const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The server's hint in milliseconds, or `undefined` when there is none worth honouring: `retry-after-ms`
 * first, then `Retry-After` as seconds or an HTTP date. Empty, negative, non-numeric, a date in the
 * past, or more than `MAX_RETRY_AFTER_MS` is no hint (an empty header is not "retry at once").
 */
export function retryAfterMs(
  headers: Readonly<Record<string, string>>,
  now: () => number = Date.now,
): number | undefined {
  const inRange = (ms: number) =>
    Number.isFinite(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS ? ms : undefined;
  const ms = headers['retry-after-ms']?.trim();
  if (ms && DECIMAL.test(ms)) {
    const hint = inRange(Number(ms));
    if (hint !== undefined) return hint;
  }
  const after = headers['retry-after']?.trim();
  if (!after) return undefined;
  if (DECIMAL.test(after)) return inRange(Number(after) * 1000);
  // An HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`): it names a month, so it has letters; a bare `-1` has none.
  if (!/[a-z]/i.test(after)) return undefined;
  return inRange(Date.parse(after) - now());
}

/**
 * How long to wait before attempt `retry` (1 for the first retry): the server's hint (`retryAfterMs`),
 * else exponential backoff from 0.5 s up to 8 s with up to 25% jitter.
 */
export function retryDelayMs(
  retry: number,
  headers: Readonly<Record<string, string>> = {},
  clock: Partial<Pick<RetryClock, 'now' | 'random'>> = {},
): number {
  const hint = retryAfterMs(headers, clock.now);
  if (hint !== undefined) return hint;
  const base = Math.min(500 * 2 ** (retry - 1), 8_000);
  return Math.round(base * (1 - 0.25 * (clock.random ?? Math.random)()));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it fires. The timer never outlives the wait. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

import type { TransportErrorCode } from '@wireai/core';

const RETRY_STATUSES = new Set([408, 409, 429]);
const RETRY_CODES = new Set<TransportErrorCode>(['CONNECTION_REFUSED', 'CONNECTION_RESET', 'TIMEOUT']);
const MAX_RETRY_AFTER_MS = 60_000;

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
 * How long to wait before attempt `retry` (1 for the first retry): `retry-after-ms`, then `Retry-After`
 * (seconds or an HTTP date) when within a minute, else exponential backoff from 0.5 s up to 8 s with
 * up to 25% jitter.
 */
export function retryDelayMs(
  retry: number,
  headers: Readonly<Record<string, string>> = {},
  random: () => number = Math.random,
): number {
  const ms = Number(headers['retry-after-ms']);
  if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS)
    return ms;
  const after = headers['retry-after'];
  if (after !== undefined) {
    const seconds = Number(after);
    const fromHeader = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(after) - Date.now();
    if (Number.isFinite(fromHeader) && fromHeader >= 0 && fromHeader <= MAX_RETRY_AFTER_MS) return fromHeader;
  }
  const base = Math.min(500 * 2 ** (retry - 1), 8_000);
  return Math.round(base * (1 - 0.25 * random()));
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

import { createMockTransport } from '@wireai/testing';
import { describe, expect, it } from 'vitest';
import type { ClientCore } from './client-core.js';
import { MAX_RETRY_AFTER_MS, retryAfterMs, retryDelayMs, shouldRetryStatus } from './retry.js';
import { sendRequest } from './send-request.js';

/** A fixed instant, so a `Retry-After` date is read against a clock the test controls. */
const NOW = Date.parse('2025-06-01T12:00:00Z');
const clock = { now: () => NOW, random: () => 0 };
const inSeconds = (seconds: number) => new Date(NOW + seconds * 1000).toUTCString();

describe('retry rules', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
    [422, false],
  ])('status %i retried: %s', (status, expected) => {
    expect(shouldRetryStatus(status, {})).toBe(expected);
  });

  it('lets x-should-retry decide first', () => {
    expect(shouldRetryStatus(500, { 'x-should-retry': 'false' })).toBe(false);
    expect(shouldRetryStatus(400, { 'x-should-retry': 'true' })).toBe(true);
  });

  it('backs off exponentially from 0.5 s to 8 s with up to 25% jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => retryDelayMs(retry, {}, clock))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(retryDelayMs(1, {}, { random: () => 1 })).toBe(375);
  });
});

// Each row: the headers of a 429, and the delay before the retry (the first retry: backoff is 500 ms with
// no jitter). A hint that is empty, negative, not a number, in the past or beyond a minute is no hint.
const HINTS: Array<[label: string, headers: Record<string, string>, delay: number]> = [
  ['retry-after-ms honoured', { 'retry-after-ms': '250' }, 250],
  ['retry-after-ms before Retry-After', { 'retry-after-ms': '250', 'retry-after': '9' }, 250],
  ['retry-after-ms with a fraction', { 'retry-after-ms': '12.5' }, 12.5],
  ['retry-after-ms of 0: the server said at once', { 'retry-after-ms': '0' }, 0],
  ['Retry-After in seconds', { 'retry-after': '3' }, 3000],
  ['Retry-After padded', { 'retry-after': ' 2 ' }, 2000],
  ['Retry-After as an HTTP date', { 'retry-after': inSeconds(2) }, 2000],
  ['Retry-After of exactly a minute', { 'retry-after': '60' }, MAX_RETRY_AFTER_MS],
  ['retry-after-ms empty', { 'retry-after-ms': '' }, 500],
  ['retry-after-ms blank', { 'retry-after-ms': '   ' }, 500],
  ['retry-after-ms negative', { 'retry-after-ms': '-5' }, 500],
  ['retry-after-ms not a number', { 'retry-after-ms': 'soon' }, 500],
  ['retry-after-ms hexadecimal', { 'retry-after-ms': '0x10' }, 500],
  ['retry-after-ms in exponent form', { 'retry-after-ms': '1e3' }, 500],
  ['retry-after-ms Infinity', { 'retry-after-ms': 'Infinity' }, 500],
  ['retry-after-ms beyond a minute', { 'retry-after-ms': '60001' }, 500],
  ['retry-after-ms bad, Retry-After good', { 'retry-after-ms': 'x', 'retry-after': '1' }, 1000],
  ['Retry-After empty', { 'retry-after': '' }, 500],
  ['Retry-After negative', { 'retry-after': '-1' }, 500],
  ['Retry-After not a number or date', { 'retry-after': 'later' }, 500],
  ['Retry-After an hour', { 'retry-after': '3600' }, 500],
  ['Retry-After just over a minute', { 'retry-after': '60.5' }, 500],
  ['Retry-After a date in the past', { 'retry-after': inSeconds(-30) }, 500],
  ['Retry-After a date a day ahead', { 'retry-after': inSeconds(86_400) }, 500],
  ['Retry-After a year-like number', { 'retry-after': '2025' }, 500],
];

describe('Retry-After and retry-after-ms', () => {
  it.each(HINTS)('%s', (_label, headers, delay) => {
    expect(retryDelayMs(1, headers, clock)).toBe(delay);
    expect(retryAfterMs(headers, clock.now)).toBe(delay === 500 ? undefined : delay);
  });

  it.each(HINTS)('schedules the retry of a 429 with %s', async (_label, headers, delay) => {
    let attempts = 0;
    const transport = createMockTransport(() =>
      ++attempts === 1 ? { status: 429, headers } : { body: { ok: true } },
    );
    const waits: number[] = [];
    const core: ClientCore = {
      baseURL: 'http://api.test/v1',
      defaultHeaders: {},
      defaultQuery: {},
      timeout: 60_000,
      maxRetries: 1,
      maxBodyBytes: 1024 * 1024,
      maxEventSize: 1024 * 1024,
      logger: undefined,
      transport: async () => transport,
      authHeaders: () => ({}),
      // The injected clock: the wait is recorded, not slept.
      clock: { ...clock, sleep: async (ms) => void waits.push(ms) },
    };
    const result = await sendRequest(core, { method: 'GET', path: '/models' });
    expect(result.ok).toBe(true);
    expect(attempts).toBe(2);
    expect(waits).toEqual([delay]);
  });
});

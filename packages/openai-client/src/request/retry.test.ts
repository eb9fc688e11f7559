import { describe, expect, it } from 'vitest';
import { retryDelayMs, shouldRetryStatus } from './retry.js';

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

  it('honours retry-after-ms, then Retry-After in seconds or as an HTTP date', () => {
    expect(retryDelayMs(1, { 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    expect(retryDelayMs(1, { 'retry-after': '3' })).toBe(3000);
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    const fromDate = retryDelayMs(1, { 'retry-after': inTwoSeconds });
    expect(fromDate).toBeGreaterThan(900);
    expect(fromDate).toBeLessThanOrEqual(2_000);
  });

  it('ignores hints beyond a minute and falls back to backoff', () => {
    expect(retryDelayMs(1, { 'retry-after': '3600' }, () => 0)).toBe(500);
  });

  it('backs off exponentially from 0.5 s to 8 s with up to 25% jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => retryDelayMs(retry, {}, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(retryDelayMs(1, {}, () => 1)).toBe(375);
  });
});

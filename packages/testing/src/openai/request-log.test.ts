import { describe, expect, it } from 'vitest';
import { mockRequest } from '../mock/mock-handler.js';
import { createMockOpenAI, type MockOpenAI } from './mock-openai.js';
import { DEFAULT_REQUEST_LOG_SIZE, RingBuffer } from './request-log.js';

/** Sends `count` embedding requests straight to the handler, input `0`, `1`, … */
async function send(mock: MockOpenAI, count: number, from = 0): Promise<void> {
  for (let index = from; index < from + count; index++) {
    const body = new TextEncoder().encode(JSON.stringify({ model: 'm', input: String(index) }));
    const request = mockRequest(
      { method: 'POST', url: 'http://mock.test/v1/embeddings', headers: {}, body },
      new AbortController().signal,
    );
    expect((await mock.handler(request)).status).toBe(200);
  }
}

const inputs = (mock: MockOpenAI) =>
  mock.requests.map((request) => (request.body as { input: string }).input);

describe('RingBuffer', () => {
  it.each([
    [3, 5, [3, 4, 5]],
    [3, 3, [1, 2, 3]],
    [3, 2, [1, 2]],
    [3, 7, [5, 6, 7]],
    [1, 4, [4]],
    [0, 4, []],
    [Number.POSITIVE_INFINITY, 4, [1, 2, 3, 4]],
  ])('of size %d keeps, after %d pushes, %j', (size, pushes, kept) => {
    const ring = new RingBuffer<number>(size);
    for (let item = 1; item <= pushes; item++) ring.push(item);
    expect(ring.toArray()).toEqual(kept);
    expect(ring.total).toBe(pushes);
  });

  it('starts over after clear()', () => {
    const ring = new RingBuffer<number>(2);
    for (const item of [1, 2, 3]) ring.push(item);
    ring.clear();
    ring.push(4);
    expect(ring.toArray()).toEqual([4]);
    expect(ring.total).toBe(1);
  });

  it.each([-1, 1.5, Number.NaN])('refuses size %d', (size) => {
    expect(() => new RingBuffer(size)).toThrow(RangeError);
  });
});

describe("the mock's request log", () => {
  it('keeps the last N requests, oldest first, and counts every one', async () => {
    const mock = createMockOpenAI({ requestLog: { size: 3 } });
    await send(mock, 5);
    expect(inputs(mock)).toEqual(['2', '3', '4']);
    expect(mock.requestCount).toBe(5);
    await send(mock, 1, 5);
    expect(inputs(mock)).toEqual(['3', '4', '5']);
  });

  it('keeps none with size 0', async () => {
    const mock = createMockOpenAI({ requestLog: { size: 0 } });
    await send(mock, 4);
    expect(mock.requests).toEqual([]);
    expect(mock.requestCount).toBe(4);
  });

  it(`keeps ${DEFAULT_REQUEST_LOG_SIZE} by default`, async () => {
    expect(DEFAULT_REQUEST_LOG_SIZE).toBe(1000);
    const mock = createMockOpenAI();
    await send(mock, DEFAULT_REQUEST_LOG_SIZE + 2);
    expect(mock.requests).toHaveLength(DEFAULT_REQUEST_LOG_SIZE);
    expect(inputs(mock)[0]).toBe('2');
    expect(inputs(mock).at(-1)).toBe(String(DEFAULT_REQUEST_LOG_SIZE + 1));
  });

  it('is a snapshot: reading it does not change it, and reset() empties it', async () => {
    const mock = createMockOpenAI({ requestLog: { size: 2 } });
    await send(mock, 2);
    const before = mock.requests;
    await send(mock, 1, 2);
    expect(before.map((request) => (request.body as { input: string }).input)).toEqual(['0', '1']);
    mock.reset();
    expect(mock.requests).toEqual([]);
    expect(mock.requestCount).toBe(0);
  });

  it('refuses a size that is not a whole number', () => {
    expect(() => createMockOpenAI({ requestLog: { size: -1 } })).toThrow('requestLog.size');
  });
});

import { sinks, TransportError } from '@wireai/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockTransport } from '../mock/mock-transport.js';
import { call, stream } from '../test-support/http.js';
import { createMockOpenAI, type MockOpenAIServer, startMockOpenAI } from './mock-openai.js';

let mock: MockOpenAIServer;
let base: string;
beforeAll(async () => {
  mock = await startMockOpenAI();
  base = mock.baseURL;
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const chat = { model: 'gpt-4.1', messages: [{ role: 'user', content: 'one two three four' }] };
const streamingChat = { ...chat, stream: true };

describe('fault injection, as a plain HTTP client sees it', () => {
  it('answers any status with an OpenAI-shaped error and Retry-After headers', async () => {
    mock.fault({ status: 429, retryAfter: 2, retryAfterMs: 1500, shouldRetry: true });
    const { status, headers, json } = await call(base, 'POST', '/chat/completions', chat);
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('2');
    expect(headers.get('retry-after-ms')).toBe('1500');
    expect(headers.get('x-should-retry')).toBe('true');
    expect(json.error).toMatchObject({
      type: 'rate_limit_exceeded',
      message: expect.stringContaining('Rate limit'),
    });
  });

  it('applies queued faults to the next requests in order, then answers normally', async () => {
    mock.fault({ status: 500 }, { status: 503, message: 'busy', code: 'overloaded' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(base, 'POST', '/chat/completions', chat)).status);
    expect(statuses).toEqual([500, 503, 200]);
  });

  it('carries a fault on a scripted reply', async () => {
    mock.script(
      'POST /responses',
      { text: 'late', fault: { delayMs: 5 } },
      { fault: { status: 400, message: 'nope' } },
    );
    expect((await call(base, 'POST', '/responses', { model: 'm', input: 'x' })).status).toBe(200);
    expect((await call(base, 'POST', '/responses', { model: 'm', input: 'x' })).json.error?.message).toBe(
      'nope',
    );
  });

  it('delays the headers, and paces stream events', async () => {
    // The delays are recorded, not slept (the mock's clock), and asserted as the values scheduled.
    const waits: number[] = [];
    const recorded = await startMockOpenAI({ clock: { sleep: async (ms) => void waits.push(ms) } });
    try {
      recorded.fault({ delayMs: 150 });
      expect((await call(recorded.baseURL, 'POST', '/chat/completions', chat)).status).toBe(200);
      expect(waits).toEqual([150]);
      waits.length = 0;
      recorded.fault({ chunkDelayMs: 40 });
      const events = (await stream(recorded.baseURL, '/chat/completions', streamingChat)).events;
      expect(events.length).toBeGreaterThan(4);
      // A wait before each event but the first.
      expect(waits).toEqual(Array.from({ length: events.length - 1 }, () => 40));
    } finally {
      await recorded.close();
    }
  });

  it('resets the socket before the headers', async () => {
    mock.fault({ reset: 'before-headers' });
    const error = await fetch(`${base}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(chat),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as { cause?: { code?: string } }).cause?.code)).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
  });

  it('resets the socket after N bytes of the body', async () => {
    mock.fault({ reset: { afterBytes: 100 } });
    const response = await fetch(`${base}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(streamingChat),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    const error = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        received += value.byteLength;
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(received).toBe(100);
  });

  it('cuts a stream before its terminal event', async () => {
    mock.fault({ truncate: true });
    const chatStream = await stream(base, '/chat/completions', streamingChat);
    expect(chatStream.events.map((event) => event.data)).not.toContain('[DONE]');
    expect(chatStream.events.length).toBeGreaterThan(1);
    mock.fault({ truncate: true });
    const responses = await stream(base, '/responses', { model: 'm', input: 'a b', stream: true });
    expect(responses.events.map((event) => event.event)).not.toContain('response.completed');
    expect(responses.events.map((event) => event.event)).toContain('response.output_item.done');
  });

  it('cuts a JSON body halfway', async () => {
    mock.fault({ truncate: true });
    const { status, json, text } = await call(base, 'POST', '/chat/completions', chat);
    expect(status).toBe(200);
    expect(json).toBeUndefined();
    expect(text.startsWith('{"id":"chatcmpl')).toBe(true);
  });

  it('sends an error event mid-stream, then ends', async () => {
    mock.fault({ errorEvent: { afterEvents: 2, message: 'model overloaded' } });
    const { events } = await stream(base, '/responses', { model: 'm', input: 'a b c d', stream: true });
    expect(events).toHaveLength(3);
    expect(events[2]?.event).toBe('error');
    expect(JSON.parse(events[2]?.data ?? '')).toMatchObject({
      type: 'error',
      message: 'model overloaded',
      code: 'server_error',
    });
    mock.fault({ errorEvent: { afterEvents: 1 } });
    const chatEvents = await stream(base, '/chat/completions', streamingChat);
    expect(chatEvents.events.at(-1)?.event).toBe('error');
    expect(JSON.parse(chatEvents.events.at(-1)?.data ?? '').error.type).toBe('server_error');
  });

  it('answers 200 with malformed JSON', async () => {
    mock.fault({ malformedJson: true });
    const { status, text, json } = await call(base, 'POST', '/chat/completions', chat);
    expect(status).toBe(200);
    expect(json).toBeUndefined();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('answers with an HTML error page, as a proxy in front of the API would', async () => {
    mock.fault({ html: true, status: 504 });
    const { status, headers, text } = await call(base, 'GET', '/models');
    expect(status).toBe(504);
    expect(headers.get('content-type')).toBe('text/html');
    expect(text).toContain('<html>');
  });

  it('answers with a huge JSON body', async () => {
    mock.fault({ hugeBody: 5 * 1024 * 1024 });
    const { status, json } = await call(base, 'GET', '/models');
    expect(status).toBe(200);
    expect((json.data as unknown as string).length).toBe(5 * 1024 * 1024);
  });

  it('adds latency to every request when configured', async () => {
    const waits: number[] = [];
    const slow = await startMockOpenAI({
      latencyMs: 60,
      clock: { sleep: async (ms) => void waits.push(ms) },
    });
    try {
      await call(slow.baseURL, 'GET', '/models');
      await call(slow.baseURL, 'GET', '/models');
      expect(waits).toEqual([60, 60]);
    } finally {
      await slow.close();
    }
  });
});

describe('fault injection in memory (createMockTransport)', () => {
  it('turns a reset into CONNECTION_RESET and still delivers what came before', async () => {
    const mockOpenAI = createMockOpenAI();
    const transport = createMockTransport(mockOpenAI.handler);
    mockOpenAI.fault({ reset: { afterBytes: 50 } });
    let received = 0;
    const error = await transport
      .request({
        url: 'http://mock.test/v1/chat/completions',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        source: JSON.stringify(streamingChat),
        sink: (chunk) => {
          received += chunk?.byteLength ?? 0;
        },
      })
      .catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error) && error.code).toBe('CONNECTION_RESET');
    expect(received).toBe(50);
  });

  it('answers the same endpoints without a socket', async () => {
    const transport = createMockTransport(createMockOpenAI().handler);
    const body = sinks.collect();
    await transport.request({
      url: 'http://mock.test/v1/models',
      method: 'GET',
      headers: {},
      sink: body.sink,
    });
    expect(body.json<{ object: string }>().object).toBe('list');
  });
});

import { type MockOpenAIServer, rejectionOf, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  IncompleteStreamError,
  MalformedResponseError,
  RateLimitError,
  StreamEventError,
} from './errors.js';
import { TRANSPORTS } from './test-support/transports.js';

const hello = [{ role: 'user' as const, content: 'one two three four five' }];

async function drain(iterable: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of iterable) count++;
  return count;
}

describe.each(TRANSPORTS)('retries, timeouts, aborts and faults over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  const attempts = () => mock.requests.length;
  beforeAll(async () => {
    mock = await startMockOpenAI();
    // Backoff is honoured from retry-after-ms, which the faults below set to keep the suite fast.
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport() });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('retries a 429, honouring retry-after-ms, then succeeds', async () => {
    mock.fault({ status: 429, retryAfterMs: 50 });
    const started = performance.now();
    const result = await client.createChatCompletion(hello);
    expect(result.ok).toBe(true);
    expect(attempts()).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it.each([408, 409, 500, 502, 503])('retries a %i', async (status) => {
    mock.fault({ status, retryAfterMs: 1 });
    expect((await client.models()).ok).toBe(true);
    expect(attempts()).toBe(2);
  });

  it('gives up after maxRetries, resolving the last failure as a result', async () => {
    mock.fault(
      { status: 500, retryAfterMs: 1 },
      { status: 500, retryAfterMs: 1 },
      { status: 500, retryAfterMs: 1 },
      { status: 500 },
    );
    const result = await client.models();
    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(attempts()).toBe(3);
  });

  it('does not retry a 400, nor a 429 the server marks x-should-retry: false', async () => {
    mock.fault({ status: 400 });
    expect((await client.models()).status).toBe(400);
    expect(attempts()).toBe(1);
    mock.reset();
    mock.fault({ status: 429, shouldRetry: false });
    expect((await client.models()).status).toBe(429);
    expect(attempts()).toBe(1);
  });

  it('retries a 400 the server marks x-should-retry: true', async () => {
    mock.fault({ status: 400, shouldRetry: true, retryAfterMs: 1 });
    expect((await client.models()).ok).toBe(true);
    expect(attempts()).toBe(2);
  });

  it('retries a reset connection after the scheduled backoff, and gives up with APIConnectionError', async () => {
    // No hint from a reset: the client's own backoff (0.5 s, then 1 s, no jitter here), recorded, not slept.
    const waits: number[] = [];
    const recorded = new OpenAI('k', {
      baseURL: mock.baseURL,
      transport: createTransport(),
      maxRetries: 2,
      clock: { random: () => 0, sleep: async (ms) => void waits.push(ms) },
    });
    mock.fault({ reset: 'before-headers' });
    expect((await recorded.models()).ok).toBe(true);
    expect(attempts()).toBe(2);
    expect(waits).toEqual([500]);
    mock.reset();
    waits.length = 0;
    mock.fault({ reset: 'before-headers' }, { reset: 'before-headers' }, { reset: 'before-headers' });
    const error = await rejectionOf(recorded.models());
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect((error as APIConnectionError).transportError?.code).toBe('CONNECTION_RESET');
    expect(attempts()).toBe(3);
    expect(waits).toEqual([500, 1_000]);
  });

  it('times out an attempt with APITimeoutError (and retries timeouts)', async () => {
    // The server holds each answer for a minute; only the client's 20 ms timeout can end an attempt.
    // Attempts are counted where they start (a busy machine may time one out before the server reads it).
    mock.fault({ delayMs: 60_000 }, { delayMs: 60_000 });
    const waits: number[] = [];
    const inner = createTransport();
    let started = 0;
    const recorded = new OpenAI('k', {
      baseURL: mock.baseURL,
      transport: {
        name: inner.name,
        request(request) {
          started++;
          return inner.request(request);
        },
      },
      clock: { random: () => 0, sleep: async (ms) => void waits.push(ms) },
    });
    const error = await rejectionOf(recorded.models({ timeout: 20, maxRetries: 1 }));
    expect(APITimeoutError.isInstance(error)).toBe(true);
    expect(started).toBe(2);
    expect(waits).toEqual([500]);
  });

  it('stops at once on the caller’s abort with APIUserAbortError, and does not retry', async () => {
    // The server never answers; the abort comes once the request has arrived (a barrier, not a delay).
    const controller = new AbortController();
    mock.handle('GET /models', () => {
      controller.abort();
      return new Promise<undefined>(() => undefined);
    });
    const error = await rejectionOf(client.models({ signal: controller.signal }));
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(attempts()).toBe(1);
  });

  it('rejects a 2xx body that is not JSON with MalformedResponseError', async () => {
    mock.fault({ malformedJson: true });
    expect(MalformedResponseError.isInstance(await rejectionOf(client.createChatCompletion(hello)))).toBe(
      true,
    );
    expect(attempts()).toBe(1);
  });

  it('rejects a JSON body cut halfway with MalformedResponseError', async () => {
    mock.fault({ truncate: true });
    expect(MalformedResponseError.isInstance(await rejectionOf(client.models()))).toBe(true);
    expect(attempts()).toBe(1);
  });

  it('returns an HTML error page as text in the result', async () => {
    mock.fault({ html: true, status: 404 });
    const result = await client.models();
    expect(result.ok).toBe(false);
    expect(String(result.body)).toContain('<html>');
    expect(attempts()).toBe(1);
  });

  it('reads a huge body', async () => {
    mock.fault({ hugeBody: 8 * 1024 * 1024 });
    const result = await client.request<{ data: string }>({ method: 'GET', path: '/models' });
    expect(result.ok && result.body.data.length).toBe(8 * 1024 * 1024);
    expect(attempts()).toBe(1);
  });

  describe('streams', () => {
    it('throws StreamEventError for an error event mid-stream, after the events before it', async () => {
      mock.fault({ errorEvent: { afterEvents: 3, message: 'overloaded' } });
      let seen = 0;
      const error = await rejectionOf(
        (async () => {
          for await (const _ of client.streamResponse('a b c d')) seen++;
        })(),
      );
      expect(StreamEventError.isInstance(error)).toBe(true);
      expect((error as StreamEventError).message).toContain('overloaded');
      expect(seen).toBe(3);
      expect(attempts()).toBe(1);
    });

    it('throws IncompleteStreamError for a chat stream without [DONE], and for the callback form too', async () => {
      mock.fault({ truncate: true });
      expect(
        IncompleteStreamError.isInstance(await rejectionOf(drain(client.streamChatCompletion(hello)))),
      ).toBe(true);
      mock.fault({ truncate: true });
      const error = await rejectionOf(client.createResponse('x', { stream: true }, () => undefined));
      expect(IncompleteStreamError.isInstance(error)).toBe(true);
    });

    it('throws the APIError of a non-2xx answer from the loop (after retries)', async () => {
      mock.fault(
        { status: 429, retryAfterMs: 1 },
        { status: 429, retryAfterMs: 1 },
        { status: 429, retryAfterMs: 1 },
      );
      const error = await rejectionOf(drain(client.streamChatCompletion(hello)));
      expect(RateLimitError.isInstance(error)).toBe(true);
      expect((error as APIError).status).toBe(429);
      expect(attempts()).toBe(3);
    });

    it('resolves a non-2xx stream request as a result in the callback form', async () => {
      mock.fault({ status: 400, message: 'bad thing', code: 'bad' });
      const result = await client.createChatCompletion(hello, { stream: true }, () => undefined);
      expect(result).toMatchObject({
        ok: false,
        status: 400,
        body: { error: { message: 'bad thing', code: 'bad' } },
      });
    });

    it('never retries once an event was delivered', async () => {
      mock.fault({ reset: { afterBytes: 400 } });
      let seen = 0;
      const error = await rejectionOf(
        (async () => {
          for await (const _ of client.streamChatCompletion(hello)) seen++;
        })(),
      );
      expect(APIConnectionError.isInstance(error)).toBe(true);
      expect(seen).toBeGreaterThan(0);
      expect(attempts()).toBe(1);
    });

    it('aborts the request when the loop is left early', async () => {
      // A minute between chunks: leaving after the first must not wait for the second.
      mock.fault({ chunkDelayMs: 60_000 });
      for await (const chunk of client.streamChatCompletion(hello)) {
        expect(chunk.object).toBe('chat.completion.chunk');
        break;
      }
      expect(attempts()).toBe(1);
    });

    it('delivers at the consumer’s pace (backpressure) without losing events', async () => {
      const types: string[] = [];
      for await (const event of client.streamResponse('one two three four five six')) {
        types.push(event.type);
        await new Promise((resolve) => setImmediate(resolve)); // a consumer slower than the wire
      }
      expect(types.filter((type) => type === 'response.output_text.delta')).toHaveLength(7); // "Echo: " and six words
      expect(types.at(-1)).toBe('response.completed');
    });

    it('does not retry a one-shot streamed upload', async () => {
      mock.fault({ status: 500, retryAfterMs: 1 });
      async function* chunks() {
        yield new TextEncoder().encode('data');
      }
      const result = await client.uploadFile({ purpose: 'batch', filename: 'x.jsonl', data: chunks() });
      expect(result.status).toBe(500);
      expect(attempts()).toBe(1);
    });
  });
});

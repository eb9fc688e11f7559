import type { Transport, TransportRequest } from '@wireai/core';
import { type MockOpenAIServer, rejectionOf, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { APITimeoutError, APIUserAbortError } from './errors.js';
import { TRANSPORTS } from './test-support/transports.js';

/** `inner`, seeing each request it is given; `native: false` plays a third party's that ignores `timeout`. */
function spied(inner: Transport, native: boolean): Transport & { seen: TransportRequest[] } {
  const seen: TransportRequest[] = [];
  return {
    name: `spied(${inner.name})`,
    ...(native ? { supportsTimeout: inner.supportsTimeout === true } : {}),
    seen,
    request(request) {
      seen.push(request);
      if (native) return inner.request(request);
      const { timeout: _ignored, ...rest } = request;
      return inner.request(rest);
    },
  };
}

const never = () => new Promise<undefined>(() => undefined);

describe.each(TRANSPORTS)('per-attempt timeouts over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  const noWaits = { random: () => 0, sleep: async () => undefined };
  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('declares that it keeps the timeout itself', () => {
    expect(createTransport().supportsTimeout).toBe(true);
  });

  it("hands the transport the time limit and the caller's own signal: no controller of the client's", async () => {
    const transport = spied(createTransport(), true);
    const client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport, timeout: 30_000 });
    expect((await client.models()).ok).toBe(true);
    expect(transport.seen[0]?.timeout).toBe(30_000);
    expect(transport.seen[0]?.signal).toBeUndefined();
    const controller = new AbortController();
    expect((await client.models({ signal: controller.signal, timeout: 5_000 })).ok).toBe(true);
    expect(transport.seen[1]?.timeout).toBe(5_000);
    expect(transport.seen[1]?.signal).toBe(controller.signal);
  });

  it('times out an attempt with APITimeoutError naming the limit, and retries it', async () => {
    // The server never answers: only the 20 ms limit can end an attempt.
    mock.handle('GET /models', never);
    const transport = spied(createTransport(), true);
    const client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport, clock: noWaits });
    const error = await rejectionOf(client.models({ timeout: 20, maxRetries: 1 }));
    expect(APITimeoutError.isInstance(error), String(error)).toBe(true);
    expect((error as APITimeoutError).message).toBe('Request timed out after 20 ms (GET /models)');
    expect((error as APITimeoutError).transportError?.code).toBe('TIMEOUT');
    // Counted where the client sends: a retry may time out before it reaches the server.
    expect(transport.seen).toHaveLength(2);
  });

  it('bounds a transport that ignores timeout (no supportsTimeout) with a signal of its own', async () => {
    mock.handle('GET /models', never);
    const transport = spied(createTransport(), false);
    const client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport, clock: noWaits });
    // The transport never sees the limit: only the client's own timer can end the attempts.
    const error = await rejectionOf(client.models({ timeout: 20, maxRetries: 1 }));
    expect(APITimeoutError.isInstance(error), String(error)).toBe(true);
    expect((error as APITimeoutError).message).toBe('Request timed out after 20 ms (GET /models)');
    expect(transport.seen).toHaveLength(2);
    expect(transport.seen[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it("an abort during a timed attempt is the caller's: APIUserAbortError, not retried", async () => {
    const controller = new AbortController();
    mock.handle('GET /models', () => {
      controller.abort();
      return new Promise<undefined>(() => undefined);
    });
    const client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport() });
    const error = await rejectionOf(client.models({ signal: controller.signal, timeout: 600_000 }));
    expect(APIUserAbortError.isInstance(error), String(error)).toBe(true);
    expect(mock.requests).toHaveLength(1);
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { type MockOpenAIServer, rejectionOf, startMockOpenAI } from '@wireai/testing';
import {
  type ConformanceServer,
  closedPort,
  startBlackhole,
  startConformanceServer,
} from '@wireai/testing/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { APIConnectionError, APITimeoutError, APIUserAbortError, LimitExceededError } from './index.js';
import { TRANSPORTS } from './test-support/transports.js';

const KEY = 'sk-edges-secret-key-0123456789abcdef';
const MiB = 1024 * 1024;

// A stream whose one line never ends: `data: xxxx…` for as long as the client reads.
async function startEndlessLine(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: ');
    const chunk = 'x'.repeat(64 * 1024);
    const more = () => {
      while (!response.destroyed && response.write(chunk));
      if (!response.destroyed) response.once('drain', more);
    };
    request.on('close', () => response.destroy());
    more();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.each(TRANSPORTS)('edges over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  let conformance: ConformanceServer;
  let endless: Awaited<ReturnType<typeof startEndlessLine>>;
  const transport = createTransport();
  beforeAll(async () => {
    [mock, conformance, endless] = await Promise.all([
      startMockOpenAI(),
      startConformanceServer(),
      startEndlessLine(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mock.close(), conformance.close(), endless.close()]);
    await (transport as { close?: () => Promise<void> }).close?.();
  });
  const client = (baseURL: string, config: ConstructorParameters<typeof OpenAI>[1] = {}) =>
    new OpenAI(KEY, { baseURL, transport, maxRetries: 0, ...config });

  describe('signals', () => {
    it('rejects at once for a signal that already fired, sending nothing', async () => {
      const before = mock.requestCount;
      const error = await rejectionOf(client(mock.baseURL).models({ signal: AbortSignal.abort() }));
      expect(APIUserAbortError.isInstance(error)).toBe(true);
      expect(mock.requestCount).toBe(before);
    });

    it('rejects for a signal aborted in the same tick as the call, sending nothing', async () => {
      const before = mock.requestCount;
      const controller = new AbortController();
      const pending = client(mock.baseURL).createChatCompletion(
        [{ role: 'user', content: 'hi' }],
        {},
        {
          signal: controller.signal,
        },
      );
      controller.abort();
      expect(APIUserAbortError.isInstance(await rejectionOf(pending))).toBe(true);
      expect(mock.requestCount).toBe(before);
    });

    it("keeps the client's timeout while a TCP connect never completes", async () => {
      const blackhole = await startBlackhole();
      try {
        // The connect never completes, so only the client's timeout can end the call (or the test times out).
        const error = await rejectionOf(client(blackhole.url('/v1'), { timeout: 20 }).models());
        expect(APITimeoutError.isInstance(error), String(error)).toBe(true);
      } finally {
        await blackhole.close();
      }
    });
  });

  describe('limits', () => {
    it('stops a non-streaming body past maxBodyBytes (client option), without retrying', async () => {
      const api = client(conformance.origin, { maxBodyBytes: MiB, maxRetries: 2 });
      const error = await rejectionOf(api.request({ method: 'GET', path: '/endless' }));
      expect(LimitExceededError.isInstance(error), String(error)).toBe(true);
      expect((error as LimitExceededError).limit).toBe('maxBodyBytes');
      expect(String(error)).toContain('maxBodyBytes (1048576)');
    });

    it('stops a gzip bomb at maxBodyBytes given for the call', async () => {
      const error = await rejectionOf(
        client(conformance.origin).request({ method: 'GET', path: '/gzip-bomb', maxBodyBytes: MiB }),
      );
      expect(LimitExceededError.isInstance(error), String(error)).toBe(true);
    });

    it('stops a stream whose line never ends at maxEventSize, in both stream forms', async () => {
      const api = client(`${endless.origin}/v1`, { maxEventSize: MiB });
      const iterated = await rejectionOf(
        (async () => {
          for await (const _ of api.streamChatCompletion([{ role: 'user', content: 'hi' }]));
        })(),
      );
      expect(LimitExceededError.isInstance(iterated), String(iterated)).toBe(true);
      expect((iterated as LimitExceededError).limit).toBe('maxEventSize');
      // The callback form, with the limit given for the call.
      const called = await rejectionOf(
        api.chat([{ role: 'user', content: 'hi' }], { stream: true }, () => undefined, {
          maxEventSize: 4096,
        }),
      );
      expect(LimitExceededError.isInstance(called), String(called)).toBe(true);
      expect((called as LimitExceededError).max).toBe(4096);
    });

    it('lets replies within the default limits through', async () => {
      const result = await client(mock.baseURL).createChatCompletion([{ role: 'user', content: 'hi' }]);
      expect(result.ok).toBe(true);
    });

    it.each([0, -1, 1.5, Number.NaN, '10'])(
      'refuses maxBodyBytes: %s as a ValidationError',
      async (value) => {
        const error = await rejectionOf(client(mock.baseURL).models({ maxBodyBytes: value as number }));
        expect(String(error)).toContain('call.maxBodyBytes');
      },
    );
  });

  describe('secrets', () => {
    it('shows the key in no form of a connection error, at any depth', async () => {
      const port = await closedPort();
      const api = client(`http://127.0.0.1:${port}/v1`, { defaultQuery: { key: KEY } });
      const error = await rejectionOf(
        api.createChatCompletion([{ role: 'user', content: 'hi' }], {}, { headers: { 'x-custom': KEY } }),
      );
      expect(APIConnectionError.isInstance(error)).toBe(true);
      for (const shown of [
        inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
        String(error),
        JSON.stringify(error),
        (error as Error).stack ?? '',
      ])
        expect(shown).not.toContain(KEY);
    });
  });
});

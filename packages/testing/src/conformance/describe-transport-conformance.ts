import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import {
  LimitExceededError,
  type Sink,
  sinks,
  type Transport,
  TransportError,
  type TransportRequest,
} from '@wireai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from '../assertions/rejection-of.js';
import { recordTransport } from '../cassette/record-transport.js';
import { replayTransport } from '../cassette/replay-transport.js';
import type { MockHandler } from '../mock/mock-handler.js';
import { type HandlerServer, serveHandler } from '../mock/serve-handler.js';
import {
  clientGone,
  createConformanceRoutes,
  type EchoReply,
  endlessProgress,
} from './conformance-routes.js';
import { activeHandles, waitForHandlesAtMost } from './handles.js';
import { liveMemory } from './live-memory.js';
import { loopbackCertificate } from './loopback-certificate.js';
import { closedPort, startBlackhole, startRawServer } from './raw-server.js';

/**
 * Creates the transport under test, once for the suite. Network transports ignore `handler`; an
 * in-memory transport (run with `{ sockets: false }`) answers with it, the suite's server routes. With
 * `{ http2: true }`, `ca` is the certificate of the suite's servers, for the transport to trust.
 */
export type TransportFactory = (context: {
  handler: MockHandler;
  ca?: string | undefined;
}) => Transport | Promise<Transport>;

export interface ConformanceOptions {
  /**
   * `false` for a transport without sockets: the suite then gives it the routes as a handler and skips
   * the checks only a network can make (refused connections, malformed status lines, compression on the
   * wire, keep-alive). Default `true`: real servers on 127.0.0.1.
   */
  sockets?: boolean;
  /**
   * Run the suite against HTTP/2 servers over TLS (`https://127.0.0.1`, ALPN `h2` only, a self-signed
   * certificate made for the run and given to the factory as `ca`). Default `false`: HTTP/1.1.
   */
  http2?: boolean;
}

/** A request as the checks write it: headers optional, URL optional where a helper supplies one. */
type Request = Omit<TransportRequest, 'url' | 'headers'> & { url?: string; headers?: Record<string, string> };

const MiB = 1024 * 1024;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function expectTransportError(error: unknown, code: TransportError['code']): void {
  expect(TransportError.isInstance(error), `expected a TransportError, got ${String(error)}`).toBe(true);
  expect((error as TransportError).code).toBe(code);
}

/** A promise and the function that resolves it: a barrier a test awaits instead of a duration. */
function barrier<T = void>(): { reached: Promise<T>; reach: (value: T) => void } {
  let reach!: (value: T) => void;
  const reached = new Promise<T>((resolve) => {
    reach = resolve;
  });
  return { reached, reach };
}

/** Two origins with the conformance routes: real servers, or names the in-memory handler answers. */
async function startOrigins(sockets: boolean, http2: boolean) {
  const routes = createConformanceRoutes();
  if (!sockets) {
    return {
      routes,
      origin: 'http://conformance.test',
      otherOrigin: 'http://other-origin.test',
      connectionCount: () => 0,
      close: async () => undefined,
    };
  }
  // Unref'd, so the resource check sees only what the transport under test keeps alive.
  const certificate = http2 ? await loopbackCertificate() : undefined;
  const serve = { unref: true, ...(certificate ? { http2: certificate } : {}) };
  const servers: HandlerServer[] = await Promise.all([
    serveHandler(routes.handler, serve),
    serveHandler(routes.handler, serve),
  ]);
  const [main, other] = servers as [HandlerServer, HandlerServer];
  return {
    routes,
    origin: main.origin,
    otherOrigin: other.origin,
    ca: certificate?.cert,
    connectionCount: () => main.connectionCount,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/**
 * The transport contract v1, executable. Checks every rule of `@wireai/core`'s contract.ts against the
 * transport `createTransport()` returns, on its own servers on 127.0.0.1 (port 0). Call it at the top level of a
 * test file:
 *
 * ```ts
 * import { describeTransportConformance } from '@wireai/testing/conformance';
 * describeTransportConformance('my-transport', () => createMyTransport());
 * ```
 */
export function describeTransportConformance(
  name: string,
  createTransport: TransportFactory,
  options: ConformanceOptions = {},
): void {
  const sockets = options.sockets ?? true;
  const http2 = options.http2 ?? false;

  describe(`transport conformance: ${name}`, () => {
    let origins: Awaited<ReturnType<typeof startOrigins>>;
    let transport: Transport;
    let handlesBefore: Map<string, number>;
    const url = (path: string) => `${origins.origin}${path}`;

    beforeAll(async () => {
      handlesBefore = activeHandles();
      origins = await startOrigins(sockets, http2);
      transport = await createTransport({ handler: origins.routes.handler, ca: origins.ca });
    });
    afterAll(async () => {
      await origins?.close();
    });

    const send = (request: Request & { url: string }) => transport.request({ headers: {}, ...request });

    async function echo(request: Request) {
      const body = sinks.collect();
      const head = await send({ url: url('/echo'), ...request, sink: body.sink });
      expect(head.status).toBe(200);
      return body.json<EchoReply>();
    }

    it('has a name', () => {
      expect(typeof transport.name).toBe('string');
      expect(transport.name.length).toBeGreaterThan(0);
    });

    describe('methods and headers', () => {
      it.each(['GET', 'DELETE'])('sends %s without a body', async (method) => {
        const reply = await echo({ method });
        expect(reply.method).toBe(method);
        expect(reply.bodyLength).toBe(0);
      });

      it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('sends %s with a body', async (method) => {
        const reply = await echo({ method, source: `payload of ${method}` });
        expect(reply.method).toBe(method);
        expect(reply.body).toBe(`payload of ${method}`);
      });

      it('answers HEAD with the headers and an empty body', async () => {
        const chunks: Array<Uint8Array | null> = [];
        const head = await send({
          url: url('/echo'),
          method: 'HEAD',
          sink: (chunk) => void chunks.push(chunk),
        });
        expect(head.status).toBe(200);
        expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
        expect(chunks).toEqual([null]);
      });

      it('sends request headers as given', async () => {
        const reply = await echo({
          method: 'POST',
          headers: {
            Authorization: 'Bearer sk-test',
            'Content-Type': 'application/json',
            'X-Custom': 'Value With  Spaces',
            'openai-beta': 'assistants=v2',
          },
          source: '{}',
        });
        expect(reply.headers.authorization).toBe('Bearer sk-test');
        expect(reply.headers['content-type']).toBe('application/json');
        expect(reply.headers['x-custom']).toBe('Value With  Spaces');
        expect(reply.headers['openai-beta']).toBe('assistants=v2');
      });

      it('honours a content-length header given by the caller', async () => {
        const reply = await echo({ method: 'POST', headers: { 'content-length': '5' }, source: 'hello' });
        expect(reply.headers['content-length']).toBe('5');
        expect(reply.body).toBe('hello');
      });

      it('lower-cases response header names and joins repeated headers with ", "', async () => {
        const head = await send({ url: url('/headers'), method: 'GET' });
        expect(Object.keys(head.headers).filter((key) => key !== key.toLowerCase())).toEqual([]);
        expect(head.headers['x-mixed-case']).toBe('Value');
        expect(head.headers['x-repeated']).toBe('first, second');
        expect(head.headers['set-cookie']).toBe('a=1, b=2');
        expect(head.statusLine).toMatch(/^HTTP\/1\.[01] 200 OK$/);
      });
    });

    describe('request bodies (sources)', () => {
      it('sends a string as UTF-8', async () => {
        const value = 'héllo wörld 😀';
        const reply = await echo({ method: 'POST', source: value });
        expect(reply.body).toBe(value);
        expect(reply.bodyLength).toBe(Buffer.byteLength(value));
      });

      it('sends bytes unchanged', async () => {
        const bytes = randomBytes(200_000);
        const reply = await echo({ method: 'POST', source: new Uint8Array(bytes) });
        expect(reply.bodyLength).toBe(bytes.length);
        expect(reply.bodySha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      });

      it('sends an async iterable chunk by chunk', async () => {
        async function* parts() {
          for (const part of ['one,', 'two,', 'three']) {
            await new Promise((resolve) => setImmediate(resolve)); // each part a turn of the loop later
            yield new TextEncoder().encode(part);
          }
        }
        const reply = await echo({ method: 'POST', source: parts() });
        expect(reply.body).toBe('one,two,three');
      });

      if (sockets)
        it('asks for a compressed body (gzip at least), unless the request names its own accept-encoding', async () => {
          const asked = await echo({ method: 'GET' });
          expect(asked.headers['accept-encoding']).toMatch(/\bgzip\b/);
          const own = await echo({ method: 'GET', headers: { 'Accept-Encoding': 'identity' } });
          expect(own.headers['accept-encoding']).toBe('identity');
        });

      it('uploads 64 MiB from an async iterable intact', { timeout: 60_000 }, async () => {
        const hash = createHash('sha256');
        async function* upload() {
          for (let i = 0; i < 1024; i++) {
            const chunk = new Uint8Array(64 * 1024).fill(i % 251);
            chunk[0] = i & 0xff;
            hash.update(chunk);
            yield chunk;
          }
        }
        const reply = await echo({ method: 'POST', source: upload() });
        expect(reply.bodyLength).toBe(64 * MiB);
        expect(reply.bodySha256).toBe(hash.digest('hex'));
      });
    });

    describe('response bodies (sinks)', () => {
      it('delivers each chunk while the server is still sending', async () => {
        const seen: string[] = [];
        // The server sends the next chunk only once the sink has this one: a transport that held chunks
        // back until the end would never see the second, and the test would time out.
        let delivered: () => void = () => undefined;
        const path = origins.routes.route(() => ({
          headers: { 'content-type': 'text/plain' },
          body: (async function* () {
            for (const part of ['first', 'second', 'third']) {
              const reached = new Promise<void>((resolve) => {
                delivered = resolve;
              });
              yield part;
              await reached;
            }
          })(),
        }));
        await send({
          url: url(path),
          method: 'GET',
          sink: (chunk) => {
            if (chunk === null) return;
            seen.push(text(chunk));
            delivered();
          },
        });
        expect(seen).toEqual(['first', 'second', 'third']);
      });

      it('applies backpressure: a slow sink throttles the server and keeps memory bounded on 64 MiB', {
        timeout: 60_000,
      }, async () => {
        const total = 64 * MiB;
        let received = 0;
        let receivedWhenServerDone = -1;
        const path = origins.routes.route(() => ({
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(total) },
          body: (async function* () {
            const chunk = new Uint8Array(64 * 1024).fill(120);
            for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
            receivedWhenServerDone = received;
          })(),
        }));
        const memoryBefore = liveMemory();
        let memoryPeak = memoryBefore;
        let debt = 0;
        // About 1 ms per 256 KiB (256 MB/s): several times slower than loopback, so an unthrottled
        // transport would buffer most of the body before the sink had half of it.
        const slowSink: Sink = async (chunk) => {
          if (chunk === null) return;
          received += chunk.byteLength;
          debt += chunk.byteLength;
          // Sampled every 16 MiB (a full collection each time): what the process holds while the sink is behind.
          if (received % (16 * MiB) < chunk.byteLength) memoryPeak = Math.max(memoryPeak, liveMemory());
          if (debt >= 256 * 1024) {
            debt = 0;
            await sleep(1);
          } else await Promise.resolve();
        };
        await send({ url: url(path), method: 'GET', sink: slowSink });
        expect(received).toBe(total);
        // When the server produced its last byte, at most 32 MiB can have been between it and the sink.
        expect(receivedWhenServerDone).toBeGreaterThan(total - 32 * MiB);
        expect(memoryPeak - memoryBefore).toBeLessThan(32 * MiB);
      });

      it.each([
        [404, 'no such thing'],
        [429, 'slow down'],
        [500, 'server exploded'],
        [503, 'overloaded'],
      ])('resolves status %i with its body', async (status, message) => {
        const body = sinks.collect();
        const query = `?code=${status}&body=${encodeURIComponent(message)}`;
        const head = await send({
          url: url(`/status${query}`),
          method: 'POST',
          source: '{}',
          sink: body.sink,
        });
        expect(head.status).toBe(status);
        expect(body.text()).toBe(message);
      });

      it('delivers only the end for a 204', async () => {
        const chunks: Array<Uint8Array | null> = [];
        const head = await send({
          url: url('/status?code=204'),
          method: 'DELETE',
          sink: (c) => void chunks.push(c),
        });
        expect(head.status).toBe(204);
        expect(chunks).toEqual([null]);
      });

      if (sockets)
        it.each(['gzip', 'deflate', 'br'])('decodes a %s body before the sink', async (encoding) => {
          const body = sinks.collect();
          const head = await send({
            url: url(`/encoded?encoding=${encoding}`),
            method: 'GET',
            sink: body.sink,
          });
          expect(head.status).toBe(200);
          expect(body.text()).toBe('decoded body '.repeat(1000));
        });

      it('reads and drops the body when no sink is given', async () => {
        const head = await send({ url: url('/id?id=dropped'), method: 'GET' });
        expect(head.status).toBe(200);
      });

      it('calls onHeaders once, before the first chunk, with the head request() resolves', async () => {
        const log: string[] = [];
        let seenHead: unknown;
        const head = await send({
          url: url('/echo'),
          method: 'POST',
          source: 'x'.repeat(100_000),
          onHeaders: (value) => {
            seenHead = value;
            log.push('headers');
          },
          sink: (chunk) => void log.push(chunk === null ? 'end' : 'chunk'),
        });
        expect(log[0]).toBe('headers');
        expect(log.filter((entry) => entry === 'headers')).toHaveLength(1);
        expect(log.at(-1)).toBe('end');
        expect(log).toContain('chunk');
        expect(seenHead).toEqual(head);
      });

      it('rejects with the error onHeaders throws', async () => {
        const failure = new Error('refused by onHeaders');
        const error = await rejectionOf(
          send({
            url: url('/echo'),
            method: 'GET',
            onHeaders: () => {
              throw failure;
            },
          }),
        );
        expect(error).toBe(failure);
      });

      it.each(['throws', 'rejects'])(
        'aborts the request when the sink %s, rejecting with its error',
        async (how) => {
          // The body never ends on its own: only the transport closing the request stops it.
          const stopped = barrier();
          const path = origins.routes.route((request) => ({
            headers: { 'content-type': 'text/plain' },
            body: (async function* () {
              try {
                yield 'chunk of a long body\n';
                await clientGone(request);
              } finally {
                stopped.reach();
              }
            })(),
          }));
          const failure = new Error(`sink ${how}`);
          const sink: Sink =
            how === 'throws'
              ? () => {
                  throw failure;
                }
              : async () => {
                  throw failure;
                };
          const error = await rejectionOf(send({ url: url(path), method: 'GET', sink }));
          expect(error).toBe(failure);
          // The server notices: its response stops (the connection closed); else the test times out.
          await stopped.reached;
        },
      );
    });

    describe('cancellation', () => {
      it('rejects with ABORTED when the signal fired before the request, sending nothing', async () => {
        const before = origins.routes.requestCount;
        const error = await rejectionOf(
          send({ url: url('/echo'), method: 'GET', signal: AbortSignal.abort() }),
        );
        expectTransportError(error, 'ABORTED');
        // A request sent after it arrives after it: only this one reached the server.
        await send({ url: url('/echo'), method: 'GET' });
        expect(origins.routes.requestCount).toBe(before + 1);
      });

      it('rejects with ABORTED promptly when aborted while waiting for headers', async () => {
        // The server never answers: only the abort, fired once the request has arrived, settles the call.
        const controller = new AbortController();
        const serverSawAbort = barrier();
        const path = origins.routes.route(async (request) => {
          controller.abort();
          await clientGone(request);
          serverSawAbort.reach();
          return { status: 499 };
        });
        const error = await rejectionOf(send({ url: url(path), method: 'GET', signal: controller.signal }));
        expectTransportError(error, 'ABORTED');
        await serverSawAbort.reached;
      });

      it('rejects with ABORTED promptly when aborted mid-body', async () => {
        const controller = new AbortController();
        let chunks = 0;
        // The body hangs after its first chunk: only the abort, fired from the sink, settles the call.
        const error = await rejectionOf(
          send({
            url: url('/hang-body'),
            method: 'GET',
            signal: controller.signal,
            sink: (chunk) => {
              if (chunk === null) return;
              chunks++;
              controller.abort();
            },
          }),
        );
        expectTransportError(error, 'ABORTED');
        expect(chunks).toBeGreaterThan(0);
      });

      if (sockets)
        it('rejects with ABORTED at once when aborted during a TCP connect that never completes', async () => {
          const blackhole = await startBlackhole();
          try {
            const controller = new AbortController();
            const pending = send({
              url: blackhole.url('/v1/models'),
              method: 'GET',
              signal: controller.signal,
            });
            await new Promise((resolve) => setImmediate(resolve)); // the connect is under way
            // The connect never completes: only the abort can settle the call.
            controller.abort();
            const error = await rejectionOf(pending);
            expectTransportError(error, 'ABORTED');
          } finally {
            await blackhole.close();
          }
        });

      if (sockets)
        it('settles when a deadline signal fires during a TCP connect that never completes', async () => {
          const blackhole = await startBlackhole();
          try {
            // The connect never completes: only the deadline can settle the call.
            const error = await rejectionOf(
              send({ url: blackhole.url('/v1/models'), method: 'GET', signal: AbortSignal.timeout(10) }),
            );
            expectTransportError(error, 'ABORTED');
          } finally {
            await blackhole.close();
          }
        });
    });

    // Tiny limits against servers that never finish: only the timeout can end these checks.
    describe('timeouts', () => {
      /** A route that never answers past `stage`, and tells when its client went away. */
      function stallingRoute(stage: 'headers' | 'body') {
        const state = { arrived: false, gone: barrier() };
        const path = origins.routes.route(async (request) => {
          state.arrived = true;
          if (stage === 'headers') {
            await clientGone(request);
            state.gone.reach();
            return { status: 499 };
          }
          return {
            headers: { 'content-type': 'text/plain' },
            body: (async function* () {
              yield 'first chunk';
              await clientGone(request);
              state.gone.reach();
            })(),
          };
        });
        return { path, state };
      }

      it('rejects with TIMEOUT when the server never answers the headers, and closes the request', async () => {
        const { path, state } = stallingRoute('headers');
        const error = await rejectionOf(send({ url: url(path), method: 'GET', timeout: 20 }));
        expectTransportError(error, 'TIMEOUT');
        // A request that reached the server is torn down: the server sees its client go.
        if (state.arrived) await state.gone.reached;
      });

      it('rejects with TIMEOUT when the body stalls midway, and closes the request', async () => {
        const { path, state } = stallingRoute('body');
        const chunks: Uint8Array[] = [];
        const error = await rejectionOf(
          send({
            url: url(path),
            method: 'GET',
            timeout: 50,
            sink: (chunk) => {
              if (chunk) chunks.push(chunk);
            },
          }),
        );
        expectTransportError(error, 'TIMEOUT');
        if (state.arrived) await state.gone.reached;
        // What came before the deadline was delivered, and nothing else (the route sends one chunk).
        expect(['', 'first chunk']).toContain(chunks.map(text).join(''));
      });

      it('counts the time a sink holds the body: TIMEOUT while it waits', async () => {
        const error = await rejectionOf(
          send({ url: url('/echo'), method: 'GET', timeout: 20, sink: () => new Promise<void>(() => {}) }),
        );
        expectTransportError(error, 'TIMEOUT');
      });

      if (sockets)
        it('rejects with TIMEOUT during a TCP connect that never completes', async () => {
          const blackhole = await startBlackhole();
          try {
            const error = await rejectionOf(
              send({ url: blackhole.url('/v1/models'), method: 'GET', timeout: 10 }),
            );
            expectTransportError(error, 'TIMEOUT');
          } finally {
            await blackhole.close();
          }
        });

      it('rejects with ABORTED when aborted before the deadline', async () => {
        const controller = new AbortController();
        const path = origins.routes.route(async (request) => {
          controller.abort();
          await clientGone(request);
          return { status: 499 };
        });
        const error = await rejectionOf(
          send({ url: url(path), method: 'GET', timeout: 600_000, signal: controller.signal }),
        );
        expectTransportError(error, 'ABORTED');
      });

      it('leaves no timer behind once a request with a timeout settled, answered or failed', async () => {
        const before = activeHandles();
        const reply = await echo({ method: 'POST', source: 'within the limit', timeout: 600_000 });
        expect(reply.body).toBe('within the limit');
        const error = await rejectionOf(
          send({ url: url('/reset-before-headers'), method: 'GET', timeout: 600_000 }),
        );
        expectTransportError(error, 'CONNECTION_RESET');
        // A 10-minute timer still armed would keep the process alive: only clearing it lets this pass.
        await waitForHandlesAtMost(before, 2_000);
      });
    });

    describe('failures', () => {
      if (sockets)
        it('rejects with CONNECTION_REFUSED when nothing listens', async () => {
          const port = await closedPort();
          const error = await rejectionOf(send({ url: `http://127.0.0.1:${port}/v1/models`, method: 'GET' }));
          expectTransportError(error, 'CONNECTION_REFUSED');
        });

      it('rejects with CONNECTION_RESET when the server resets before the headers', async () => {
        const error = await rejectionOf(send({ url: url('/reset-before-headers'), method: 'GET' }));
        expectTransportError(error, 'CONNECTION_RESET');
      });

      it('rejects with CONNECTION_RESET when the server resets mid-body, after delivering what came', async () => {
        let received = 0;
        const error = await rejectionOf(
          send({
            url: url('/reset-mid-body'),
            method: 'GET',
            sink: (chunk) => {
              received += chunk?.byteLength ?? 0;
            },
          }),
        );
        expectTransportError(error, 'CONNECTION_RESET');
        expect(received).toBeGreaterThan(0);
      });

      if (sockets)
        it('rejects with PROTOCOL on a malformed status line', async () => {
          const raw = await startRawServer((socket) => {
            socket.once('data', () => socket.end('HTTP/1.1 abc nonsense\r\n\r\n'));
          });
          try {
            const error = await rejectionOf(send({ url: raw.url('/v1/models'), method: 'GET' }));
            expectTransportError(error, 'PROTOCOL');
          } finally {
            await raw.close();
          }
        });

      if (sockets)
        it('never puts a query string or an Authorization value in the error message', async () => {
          const port = await closedPort();
          const error = await rejectionOf(
            send({
              url: `http://127.0.0.1:${port}/v1/models?key=secret-query-key`,
              method: 'GET',
              headers: { authorization: 'Bearer secret-header-key' },
            }),
          );
          expect(String((error as Error).message)).not.toContain('secret');
        });
    });

    describe('limits', () => {
      const MAX = 1024 * 1024;

      it('stops an endless body at maxBodyBytes with a LimitExceededError, holding no more', async () => {
        let delivered = 0;
        const before = endlessProgress.written;
        const stopped = barrier<number>();
        endlessProgress.onStop = stopped.reach;
        const error = await rejectionOf(
          send({
            url: url('/endless'),
            method: 'GET',
            maxBodyBytes: MAX,
            sink: (chunk) => {
              delivered += chunk?.byteLength ?? 0;
            },
          }),
        );
        expect(LimitExceededError.isInstance(error), String(error)).toBe(true);
        expect((error as LimitExceededError).limit).toBe('maxBodyBytes');
        expect(delivered).toBeLessThanOrEqual(MAX);
        // Stopped promptly: the server wrote little past the limit (socket buffers), not without end; a
        // transport that kept reading would never let the body stop, and the test would time out.
        expect((await stopped.reached) - before).toBeLessThan(64 * MAX);
      });

      it('refuses a content-length past maxBodyBytes before delivering the body', async () => {
        let delivered = 0;
        const error = await rejectionOf(
          send({
            url: url('/big-length'),
            method: 'GET',
            maxBodyBytes: MAX,
            sink: (chunk) => {
              if (chunk) delivered += chunk.byteLength;
            },
          }),
        );
        expect(LimitExceededError.isInstance(error), String(error)).toBe(true);
        expect(delivered).toBe(0);
      });

      if (sockets)
        it('stops a gzip bomb at maxBodyBytes, counting decoded bytes', async () => {
          let delivered = 0;
          const error = await rejectionOf(
            send({
              url: url('/gzip-bomb'),
              method: 'GET',
              maxBodyBytes: MAX,
              sink: (chunk) => {
                delivered += chunk?.byteLength ?? 0;
              },
            }),
          );
          expect(LimitExceededError.isInstance(error), String(error)).toBe(true);
          expect(delivered).toBeLessThanOrEqual(MAX);
        });

      it('lets a body within maxBodyBytes through unchanged', async () => {
        const reply = await echo({ method: 'POST', source: 'x'.repeat(1000), maxBodyBytes: MAX });
        expect(reply.bodyLength).toBe(1000);
      });
    });

    describe('invalid requests', () => {
      it.each([
        ['a header value with CR/LF (header injection)', { headers: { 'x-note': 'a\r\nx-injected: yes' } }],
        ['a header value with NUL', { headers: { 'x-note': 'a\u0000b' } }],
        ['a header name that is not a token', { headers: { 'bad name': 'v' } }],
        ['a timeout of 0', { timeout: 0 }],
        ['a timeout that is not a number', { timeout: Number.NaN }],
      ])('refuses %s with INVALID_REQUEST, sending nothing', async (_, extra) => {
        const before = origins.routes.requestCount;
        const error = await rejectionOf(send({ url: url('/echo'), method: 'GET', ...extra }));
        expectTransportError(error, 'INVALID_REQUEST');
        expect(origins.routes.requestCount).toBe(before);
      });
    });

    describe('secrets in errors', () => {
      const KEY = 'sk-conformance-secret-key-0123456789';
      const withKey = (target: string): Request & { url: string } => ({
        url: `${target}${target.includes('?') ? '&' : '?'}key=${KEY}`,
        method: 'GET',
        headers: {
          authorization: `Bearer ${KEY}`,
          'api-key': KEY,
          'x-custom-header': KEY,
        },
      });
      function expectNoKey(error: unknown): void {
        expect(error).toBeDefined();
        for (const shown of [
          inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
          String(error),
          JSON.stringify(error),
          (error as Error).stack ?? '',
        ])
          expect(shown).not.toContain(KEY);
      }

      const kinds: Array<[string, () => Promise<unknown>, boolean]> = [
        ['refused', async () => send(withKey(`http://127.0.0.1:${await closedPort()}/v1/models`)), true],
        ['reset before headers', async () => send(withKey(url('/reset-before-headers'))), false],
        [
          'reset mid-body',
          async () => send({ ...withKey(url('/reset-mid-body')), sink: () => undefined }),
          false,
        ],
        [
          'aborted',
          async () =>
            send({ ...withKey(url('/hang-body')), sink: () => undefined, signal: AbortSignal.timeout(50) }),
          false,
        ],
        [
          'a redirect refused',
          async () => send({ ...withKey(url('/redirect?to=data:text/plain,x')), redirect: true }),
          false,
        ],
        ['a limit passed', async () => send({ ...withKey(url('/endless')), maxBodyBytes: 1024 }), false],
        [
          'a header value with CR/LF',
          async () =>
            send({ ...withKey(url('/echo')), headers: { 'x-custom-header': `${KEY}\r\nx-injected: yes` } }),
          false,
        ],
      ];
      for (const [kind, fail, needsSockets] of kinds) {
        if (needsSockets && !sockets) continue;
        it(`shows no key in any form of the error (${kind}), at any depth`, async () => {
          let error: unknown;
          try {
            await fail();
          } catch (caught) {
            error = caught;
          }
          expectNoKey(error);
        });
      }

      if (sockets)
        it('shows no key when a malformed response fails the request', async () => {
          const raw = await startRawServer((socket) => {
            socket.once('data', () => socket.end('HTTP/1.1 abc nonsense\r\n\r\n'));
          });
          try {
            expectNoKey(await rejectionOf(send(withKey(raw.url('/v1/models')))));
          } finally {
            await raw.close();
          }
        });
    });

    describe('redirects', () => {
      it('does not follow a redirect by default', async () => {
        const body = sinks.collect();
        const head = await send({ url: url('/redirect?to=/echo'), method: 'GET', sink: body.sink });
        expect(head.status).toBe(302);
        expect(head.headers.location).toBe('/echo');
        expect(body.text()).toBe('redirecting');
      });

      it('follows a redirect with redirect: true, keeping Authorization on the same origin', async () => {
        const reply = await echo({
          url: url('/redirect?to=/echo'),
          method: 'GET',
          redirect: true,
          headers: { authorization: 'Bearer sk-same-origin' },
        });
        expect(reply.path).toBe('/echo');
        expect(reply.headers.authorization).toBe('Bearer sk-same-origin');
      });

      it('drops Authorization on a redirect to another origin', async () => {
        const target = encodeURIComponent(`${origins.otherOrigin}/echo`);
        const reply = await echo({
          url: url(`/redirect?to=${target}`),
          method: 'GET',
          redirect: true,
          headers: { authorization: 'Bearer sk-must-not-leak', 'x-other': 'kept' },
        });
        expect(reply.headers.authorization).toBeUndefined();
        expect(reply.headers['x-other']).toBe('kept');
      });

      it('drops every credential header, and those marked secret, on a redirect to another origin', async () => {
        const target = encodeURIComponent(`${origins.otherOrigin}/echo`);
        const reply = await echo({
          url: url(`/redirect?to=${target}`),
          method: 'GET',
          redirect: true,
          secretHeaders: ['x-provider-key'],
          headers: {
            'api-key': 'azure-key',
            'x-api-key': 'other-key',
            'x-goog-api-key': 'gemini-key',
            'proxy-authorization': 'Basic cHJveHk=',
            cookie: 'session=1',
            'x-provider-key': 'provider-key',
            'x-other': 'kept',
          },
        });
        for (const name of [
          'api-key',
          'x-api-key',
          'x-goog-api-key',
          'proxy-authorization',
          'cookie',
          'x-provider-key',
        ])
          expect(reply.headers[name], name).toBeUndefined();
        expect(reply.headers['x-other']).toBe('kept');
      });

      it.each(['data:text/plain,hello', 'file:///etc/hostname', 'ftp://127.0.0.1/x'])(
        'refuses to follow a redirect to %s',
        async (location) => {
          const error = await rejectionOf(
            send({ url: url(`/redirect?to=${encodeURIComponent(location)}`), method: 'GET', redirect: true }),
          );
          expectTransportError(error, 'REDIRECT');
        },
      );

      it('refuses a redirect loop after a bounded number of hops', async () => {
        const error = await rejectionOf(send({ url: url('/loop'), method: 'GET', redirect: true }));
        expectTransportError(error, 'REDIRECT');
      });
    });

    describe('concurrency and connections', () => {
      it('completes 64 requests in parallel, each with its own body', async () => {
        const results = await Promise.all(
          Array.from({ length: 64 }, async (_, id) => {
            const body = sinks.collect();
            const head = await send({ url: url(`/id?id=${id}`), method: 'GET', sink: body.sink });
            return `${head.status} ${body.text()}`;
          }),
        );
        expect(results).toEqual(Array.from({ length: 64 }, (_, id) => `200 id=${id}`));
      });

      if (sockets)
        it('reuses connections (keep-alive) for sequential requests', async () => {
          await send({ url: url('/id?id=warm'), method: 'GET' });
          const before = origins.connectionCount();
          for (let i = 0; i < 10; i++) await send({ url: url(`/id?id=${i}`), method: 'GET' });
          expect(origins.connectionCount() - before).toBeLessThanOrEqual(1);
        });
    });

    describe('record and replay', () => {
      it('replays what it recorded through this transport exactly: heads, chunks and failures', async () => {
        // Separate chunks on the wire: the server sends the next event once the sink has this one.
        let delivered: () => void = () => undefined;
        const path = origins.routes.route(() => ({
          headers: { 'content-type': 'text/event-stream' },
          body: (async function* () {
            for (const part of ['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n']) {
              const reached = new Promise<void>((resolve) => {
                delivered = resolve;
              });
              yield part;
              await reached;
            }
          })(),
        }));
        const requests: Array<Request & { url: string }> = [
          {
            url: url('/echo'),
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer sk-rec' },
            source: '{"a":1}',
          },
          { url: url(path), method: 'GET' },
          { url: url('/status?code=404&body=missing'), method: 'GET' },
          { url: url('/reset-before-headers'), method: 'GET' },
          ...(sockets ? [{ url: url('/encoded?encoding=gzip'), method: 'GET' }] : []),
        ];
        const observe = async (via: Transport, request: Request & { url: string }) => {
          const chunks: string[] = [];
          try {
            const head = await via.request({
              headers: {},
              ...request,
              sink: (chunk) => {
                if (chunk === null) return;
                chunks.push(text(chunk));
                delivered();
              },
            });
            return {
              status: head.status,
              headers: head.headers,
              statusLine: head.statusLine,
              body: chunks.join(''),
            };
          } catch (error) {
            return { failure: TransportError.isInstance(error) ? error.code : String(error) };
          }
        };
        const file = join(mkdtempSync(join(tmpdir(), 'wireai-conformance-')), 'cassette.json');
        const recorder = recordTransport(transport, file);
        const live = [];
        for (const request of requests) live.push(await observe(recorder, request));
        const replayer = replayTransport(file);
        const replayed = [];
        for (const request of requests) replayed.push(await observe(replayer, request));
        expect(replayed).toEqual(live);
        expect(live[3]).toEqual({ failure: 'CONNECTION_RESET' });
        // (The echo route's body repeats the header, so only the recorded request is checked here.)
        expect(recorder.cassette.interactions[0]?.request.headers.authorization).toBe('[redacted]');
      });
    });

    describe('resources', () => {
      // Pooled idle sockets may stay open, but must not keep the process alive (unref'd), and no timer may.
      it('leaves no socket or timer keeping the process alive after its requests settled', async () => {
        await waitForHandlesAtMost(handlesBefore, 2_000);
      });
    });
  });
}

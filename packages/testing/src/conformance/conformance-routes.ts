import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { resetConnection } from '../mock/faults.js';
import type { MockHandler, MockRequest, MockResponseInit } from '../mock/mock-handler.js';

/** What `/echo` answers: what the server received. */
export interface EchoReply {
  method: string;
  path: string;
  headers: Record<string, string>;
  bodyLength: number;
  bodySha256: string;
  /** The body as text when it is at most 64 KiB. */
  body: string | undefined;
}

const encoders: Record<string, (body: Buffer) => Buffer> = {
  gzip: (body) => gzipSync(body),
  deflate: (body) => deflateSync(body),
  br: (body) => brotliCompressSync(body),
};

/** Resolves when the client went away (aborted, or closed its connection). */
export const clientGone = (request: MockRequest): Promise<void> =>
  new Promise((resolve) => {
    if (request.signal.aborted) resolve();
    else request.signal.addEventListener('abort', () => resolve(), { once: true });
  });

// 64 MiB of zeros, gzipped to about 64 KiB: a decompression bomb, made once when first asked for.
let bomb: Buffer | undefined;
const gzipBomb = (): Buffer => {
  bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024));
  return bomb;
};

/** Bytes the `/endless` route has written, for checks that a limit stopped the download early. */
export const endlessProgress = {
  written: 0,
  /** Called with `written` when an `/endless` body stops (its client went away). */
  onStop: undefined as ((written: number) => void) | undefined,
};

const fixed: Record<string, MockHandler> = {
  '/echo': (request) => {
    const reply: EchoReply = {
      method: request.method,
      path: `${request.path}${request.query.size > 0 ? `?${request.query}` : ''}`,
      headers: { ...request.headers },
      bodyLength: request.body.byteLength,
      bodySha256: createHash('sha256').update(request.body).digest('hex'),
      body: request.body.byteLength <= 65_536 ? request.text() : undefined,
    };
    return { body: reply };
  },
  '/status': ({ query }) => ({
    status: Number(query.get('code') ?? '200'),
    headers: { 'content-type': 'text/plain' },
    body: query.get('body') ?? '',
  }),
  '/headers': () => ({
    // Mixed-case names and repeated headers, as separate lines on the wire.
    headers: [
      ['X-Mixed-Case', 'Value'],
      ['X-Repeated', 'first'],
      ['X-Repeated', 'second'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ],
    body: 'ok',
  }),
  '/encoded': ({ query }) => {
    const encoding = query.get('encoding') ?? 'gzip';
    const encode = encoders[encoding];
    if (!encode) return { status: 400, body: `unknown encoding ${encoding}` };
    return {
      headers: { 'content-encoding': encoding },
      body: encode(Buffer.from('decoded body '.repeat(1000))),
    };
  },
  '/redirect': ({ query }) => ({
    status: Number(query.get('status') ?? '302'),
    headers: { location: query.get('to') ?? '/echo', 'content-type': 'text/plain' },
    body: 'redirecting',
  }),
  '/loop': () => ({ status: 302, headers: { location: '/loop' }, body: 'again' }),
  // A small random delay shuffles completion order among parallel requests.
  '/id': async ({ query }) => {
    await sleep(Math.floor(Math.random() * 5));
    return { body: `id=${query.get('id') ?? ''}` };
  },
  '/hang-body': (request) => ({
    headers: { 'content-type': 'text/plain' },
    body: (async function* () {
      yield 'first chunk';
      await clientGone(request);
    })(),
  }),
  // A body with no end, 64 KiB a chunk, until the client goes away.
  '/endless': (request) => ({
    headers: { 'content-type': 'application/octet-stream' },
    body: (async function* () {
      const chunk = Buffer.alloc(64 * 1024, 120);
      try {
        while (!request.signal.aborted) {
          endlessProgress.written += chunk.byteLength;
          yield chunk;
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        endlessProgress.onStop?.(endlessProgress.written);
      }
    })(),
  }),
  // A content-length of `length` (default 1 GiB), and a body that never comes.
  '/big-length': (request) => ({
    headers: { 'content-length': request.query.get('length') ?? String(1024 ** 3) },
    body: (async function* () {
      yield 'x';
      await clientGone(request);
    })(),
  }),
  '/gzip-bomb': () => ({
    headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
    body: gzipBomb(),
  }),
  '/reset-before-headers': () => {
    throw resetConnection();
  },
  '/reset-mid-body': () => ({
    headers: { 'content-type': 'text/plain', 'content-length': '100000' },
    body: (async function* () {
      yield 'x'.repeat(1000);
      await sleep(20);
      throw resetConnection();
    })(),
  }),
};

/** The routes of the conformance suite, plus one-off routes a check adds, counting requests. */
export function createConformanceRoutes() {
  const oneOff = new Map<string, MockHandler>();
  let requestCount = 0;
  let next = 0;
  const handler: MockHandler = (request): MockResponseInit | Promise<MockResponseInit> => {
    requestCount++;
    const route = fixed[request.path] ?? oneOff.get(request.path);
    return route ? route(request) : { status: 404, body: 'no such route' };
  };
  return {
    handler,
    get requestCount() {
      return requestCount;
    },
    /** Registers a one-off route; returns its path. */
    route(route: MockHandler): string {
      const path = `/route-${next++}`;
      oneOff.set(path, route);
      return path;
    },
  };
}

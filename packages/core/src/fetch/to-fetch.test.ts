import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TransportError } from '../errors/transport-error.js';
import { rejectionOf } from '../test-support/rejection-of.js';
import type { Source, Transport, TransportRequest } from '../transport/contract.js';
import { type HopRequest, type OpenedResponse, runExchange } from '../transport/exchange.js';
import { toFetch } from './to-fetch.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const KEY = 'sk-tofetch-secret-0123456789';

/** A manually opened gate: the test decides when a body goes on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/**
 * A fake transport on the real exchange skeleton (`runExchange`), so abort, redirects and error mapping
 * behave as in every wireai transport; `answer` plays the HTTP library for one hop.
 */
function fakeTransport(
  answer: (hop: HopRequest) => Promise<Partial<OpenedResponse>> | Partial<OpenedResponse>,
) {
  const requests: TransportRequest[] = [];
  const hops: HopRequest[] = [];
  const sent: string[] = [];
  const settled: Array<Promise<unknown>> = [];
  const transport: Transport = {
    name: 'fake',
    request(request) {
      requests.push(request);
      const exchange = runExchange(request, async (hop) => {
        hops.push(hop);
        if (hop.source !== undefined) sent.push(await readSource(hop.source));
        return { status: 200, statusLine: 'HTTP/1.1 200 OK', headers: {}, ...(await answer(hop)) };
      });
      settled.push(exchange.catch(() => undefined));
      return exchange;
    },
  };
  return { transport, requests, hops, sent, settled };
}

async function readSource(source: Source): Promise<string> {
  if (typeof source === 'string') return source;
  if (source instanceof Uint8Array) return decoder.decode(source);
  let text = '';
  for await (const chunk of source) text += decoder.decode(chunk, { stream: true });
  return text;
}

async function* chunks(...parts: string[]) {
  for (const part of parts) yield encoder.encode(part);
}

describe('toFetch(transport)', () => {
  describe('headers', () => {
    it('sends request headers of every init form lower-cased, repeats joined', async () => {
      const fake = fakeTransport(() => ({}));
      const fetch = toFetch(fake.transport);
      const multi = new Headers([
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
        ['Authorization', `Bearer ${KEY}`],
      ]);
      await fetch('http://a.test/v1', { headers: multi });
      await fetch('http://a.test/v1', { headers: [['Accept', 'text/event-stream']] });
      await fetch('http://a.test/v1', { headers: { 'OpenAI-Beta': 'assistants=v2' } });
      expect(fake.requests.map((r) => r.headers)).toEqual([
        { 'x-tag': 'a, b', authorization: `Bearer ${KEY}` },
        { accept: 'text/event-stream' },
        { 'openai-beta': 'assistants=v2' },
      ]);
    });

    it('answers status, reason phrase, every response header and the URL', async () => {
      const fake = fakeTransport(() => ({
        status: 404,
        statusLine: 'HTTP/1.1 404 Not Found',
        headers: { 'content-type': 'application/json', 'x-request-id': 'r1', 'set-cookie': 'a=1, b=2' },
        body: chunks('{"error":{}}'),
      }));
      const response = await toFetch(fake.transport)(new URL('http://a.test/v1/x?q=1'));
      expect(response.status).toBe(404);
      expect(response.ok).toBe(false);
      expect(response.statusText).toBe('Not Found');
      expect(response.url).toBe('http://a.test/v1/x?q=1');
      expect(response.headers.get('x-request-id')).toBe('r1');
      expect(response.headers.get('content-type')).toBe('application/json');
      // The contract joins repeats, set-cookie too: one value, as documented.
      expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
      expect(await response.json()).toEqual({ error: {} });
    });

    it('answers an empty statusText for HTTP/2 or a reason phrase Response would refuse', async () => {
      const lines = ['HTTP/2 200', 'HTTP/1.1 200 All good \u2713'];
      const fake = fakeTransport(() => ({ statusLine: lines.shift()! }));
      const fetch = toFetch(fake.transport);
      expect((await fetch('http://a.test/')).statusText).toBe('');
      expect((await fetch('http://a.test/')).statusText).toBe('');
    });

    it('normalises the method like fetch and sends GET when none is given', async () => {
      const fake = fakeTransport(() => ({}));
      const fetch = toFetch(fake.transport);
      await fetch('http://a.test/');
      await fetch('http://a.test/', { method: 'post', body: 'x' });
      await fetch('http://a.test/', { method: 'patch', body: 'x' });
      expect(fake.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'patch']);
    });
  });

  describe('response body', () => {
    it('resolves at the headers and hands over each chunk while the transport is still sending', async () => {
      const second = gate();
      const fake = fakeTransport(() => ({
        body: (async function* () {
          yield encoder.encode('data: one\n\n');
          await second.opened;
          yield encoder.encode('data: two\n\n');
        })(),
      }));
      // Would never resolve if toFetch waited for the whole body: the second chunk waits for this test.
      const response = await toFetch(fake.transport)('http://a.test/stream');
      const reader = response.body!.getReader();
      expect(decoder.decode((await reader.read()).value)).toBe('data: one\n\n');
      second.open();
      expect(decoder.decode((await reader.read()).value)).toBe('data: two\n\n');
      expect((await reader.read()).done).toBe(true);
    });

    it('holds the transport until the consumer reads (pull-based backpressure)', async () => {
      const state = { produced: 0, finished: false };
      const fake = fakeTransport(() => ({
        body: (async function* () {
          try {
            for (let i = 0; i < 100; i++) {
              state.produced++;
              yield encoder.encode(`chunk ${i};`);
            }
          } finally {
            state.finished = true;
          }
        })(),
      }));
      const response = await toFetch(fake.transport)('http://a.test/big');
      const reader = response.body!.getReader();
      await reader.read();
      for (let i = 0; i < 20; i++) await nextTurn();
      // One chunk read, at most one waiting in the stream, one in the transport's hands: never the 100.
      expect(state.produced).toBeLessThanOrEqual(3);
      let text = 'chunk 0;';
      for (let next = await reader.read(); !next.done; next = await reader.read())
        text += decoder.decode(next.value);
      expect(state.produced).toBe(100);
      expect(text).toBe(Array.from({ length: 100 }, (_, i) => `chunk ${i};`).join(''));
    });

    it('stops the transport when the consumer cancels the body', async () => {
      const state = { produced: 0, closed: false };
      const fake = fakeTransport(() => ({
        body: (async function* () {
          for (;;) {
            state.produced++;
            yield encoder.encode('x');
          }
        })(),
        close: () => {
          state.closed = true;
        },
      }));
      const response = await toFetch(fake.transport)('http://a.test/endless');
      const reader = response.body!.getReader();
      await reader.read();
      await reader.cancel();
      for (let i = 0; i < 5; i++) await nextTurn();
      const produced = state.produced;
      for (let i = 0; i < 5; i++) await nextTurn();
      expect(state.closed).toBe(true);
      expect(state.produced).toBe(produced);
    });

    it('drops a stray body of a 304 rather than holding the transport on it', async () => {
      const fake = fakeTransport(() => ({
        status: 304,
        statusLine: 'HTTP/1.1 304 Not Modified',
        body: chunks('stray', 'bytes'),
      }));
      const response = await toFetch(fake.transport)('http://a.test/');
      expect(response.status).toBe(304);
      expect(response.body).toBeNull();
      // Finishes only if the transport was never left waiting for a reader that cannot exist.
      await fake.settled[0];
    });

    it('gives no body for a 204 or a HEAD request', async () => {
      const fake = fakeTransport((hop) =>
        hop.method === 'HEAD'
          ? { headers: { 'content-length': '5' } }
          : { status: 204, statusLine: 'HTTP/1.1 204 No Content' },
      );
      const fetch = toFetch(fake.transport);
      expect((await fetch('http://a.test/', { method: 'DELETE' })).body).toBeNull();
      const head = await fetch('http://a.test/', { method: 'HEAD' });
      expect(head.body).toBeNull();
      expect(head.headers.get('content-length')).toBe('5');
    });
  });

  describe('abort', () => {
    it('rejects with the signal reason at once when already aborted, sending nothing', async () => {
      const fake = fakeTransport(() => ({}));
      const controller = new AbortController();
      controller.abort();
      const error = await rejectionOf(
        toFetch(fake.transport)('http://a.test/', { signal: controller.signal }),
      );
      expect(error).toBeInstanceOf(DOMException);
      expect((error as DOMException).name).toBe('AbortError');
      expect(fake.hops).toHaveLength(0);
    });

    it('rejects with an AbortError while waiting for headers', async () => {
      const opened = gate();
      const fake = fakeTransport(() => {
        opened.open();
        return new Promise<never>(() => undefined); // a server that never answers
      });
      const controller = new AbortController();
      const pending = toFetch(fake.transport)('http://a.test/', { signal: controller.signal });
      await opened.opened;
      controller.abort();
      expect((await rejectionOf(pending)) as DOMException).toMatchObject({ name: 'AbortError' });
    });

    it('errors the body stream with the abort reason mid-body', async () => {
      const fake = fakeTransport(() => ({
        body: (async function* () {
          yield encoder.encode('first');
          await new Promise<never>(() => undefined); // the rest never comes
        })(),
      }));
      const controller = new AbortController();
      const response = await toFetch(fake.transport)('http://a.test/', { signal: controller.signal });
      const reader = response.body!.getReader();
      expect(decoder.decode((await reader.read()).value)).toBe('first');
      const next = reader.read();
      controller.abort();
      expect((await rejectionOf(next)) as DOMException).toMatchObject({ name: 'AbortError' });
    });

    it("obeys a Request's own signal", async () => {
      const fake = fakeTransport(() => ({}));
      const controller = new AbortController();
      controller.abort(new Error('gone'));
      const request = new Request('http://a.test/', { signal: controller.signal });
      expect(await rejectionOf(toFetch(fake.transport)(request))).toMatchObject({ message: 'gone' });
      expect(fake.hops).toHaveLength(0);
    });
  });

  describe('errors', () => {
    it("rejects a network failure with TypeError('fetch failed') whose cause is the TransportError", async () => {
      const fake = fakeTransport(() => {
        throw Object.assign(new Error(`connect ECONNREFUSED (Bearer ${KEY})`), { code: 'ECONNREFUSED' });
      });
      const error = await rejectionOf(
        toFetch(fake.transport)('http://a.test/', { headers: { authorization: `Bearer ${KEY}` } }),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toBe('fetch failed');
      const cause = (error as TypeError).cause;
      expect(TransportError.isInstance(cause)).toBe(true);
      expect((cause as TransportError).code).toBe('CONNECTION_REFUSED');
      expect(JSON.stringify(String((cause as Error).cause))).not.toContain(KEY);
    });

    it("errors the body with TypeError('terminated') when the connection fails mid-body", async () => {
      const fake = fakeTransport(() => ({
        body: (async function* () {
          yield encoder.encode('part');
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        })(),
      }));
      const response = await toFetch(fake.transport)('http://a.test/');
      const error = await rejectionOf(response.text());
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toBe('terminated');
      expect(((error as TypeError).cause as TransportError).code).toBe('CONNECTION_RESET');
    });

    it('rejects with a TypeError, not a throw, for bad input; the URL stays out of the message', async () => {
      const fake = fakeTransport(() => ({}));
      const fetch = toFetch(fake.transport);
      const badUrl = fetch(`not a url?key=${KEY}`);
      const error = await rejectionOf(badUrl);
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).not.toContain(KEY);
      expect(await rejectionOf(fetch('http://a.test/', { body: 'x' }))).toBeInstanceOf(TypeError);
      const ftp = await rejectionOf(fetch('ftp://a.test/'));
      expect(ftp).toBeInstanceOf(TypeError);
      expect(((ftp as TypeError).cause as TransportError).code).toBe('INVALID_REQUEST');
      expect(fake.hops).toHaveLength(0);
    });
  });

  describe('redirects', () => {
    const redirecting = () =>
      fakeTransport((hop) =>
        hop.url.endsWith('/old')
          ? { status: 307, statusLine: 'HTTP/1.1 307 Temporary Redirect', headers: { location: '/new' } }
          : { body: chunks(`at ${new URL(hop.url).pathname}`) },
      );

    it("follows by the contract's policy by default, resending a replayable body", async () => {
      const fake = redirecting();
      const response = await toFetch(fake.transport)('http://a.test/old', {
        method: 'POST',
        body: 'payload',
      });
      expect(await response.text()).toBe('at /new');
      expect(fake.requests[0]?.redirect).toBe(true);
      expect(fake.sent).toEqual(['payload', 'payload']);
    });

    it("answers the 3xx itself with redirect: 'manual' and rejects with 'error'", async () => {
      const fake = redirecting();
      const fetch = toFetch(fake.transport);
      const manual = await fetch('http://a.test/old', { redirect: 'manual' });
      expect(manual.status).toBe(307);
      expect(manual.headers.get('location')).toBe('/new');
      const error = await rejectionOf(fetch('http://a.test/old', { redirect: 'error' }));
      expect(error).toBeInstanceOf(TypeError);
      expect(fake.hops.map((h) => new URL(h.url).pathname)).toEqual(['/old', '/old']);
    });
  });

  describe('request bodies', () => {
    const cases: Array<
      [
        kind: string,
        body: () => NonNullable<RequestInit['body']>,
        sent: string,
        contentType: string | undefined,
      ]
    > = [
      ['string', () => '{"a":1}', '{"a":1}', 'text/plain;charset=UTF-8'],
      ['Uint8Array', () => encoder.encode('bytes'), 'bytes', undefined],
      ['ArrayBuffer', () => encoder.encode('buffer').buffer as ArrayBuffer, 'buffer', undefined],
      ['DataView', () => new DataView(encoder.encode('xxview').buffer, 2), 'view', undefined],
      [
        'URLSearchParams',
        () => new URLSearchParams({ a: '1', b: 'two words' }),
        'a=1&b=two+words',
        'application/x-www-form-urlencoded;charset=UTF-8',
      ],
      ['Blob', () => new Blob(['blob body'], { type: 'text/markdown' }), 'blob body', 'text/markdown'],
      ['ReadableStream', () => new Blob(['streamed ', 'body']).stream(), 'streamed body', undefined],
    ];

    it.each(cases)(
      'sends a %s body with the content-type fetch infers',
      async (_kind, body, sent, contentType) => {
        const fake = fakeTransport(() => ({}));
        await toFetch(fake.transport)('http://a.test/', {
          method: 'POST',
          body: body(),
          duplex: 'half',
        } as RequestInit);
        expect(fake.sent).toEqual([sent]);
        expect(fake.requests[0]?.headers['content-type']).toBe(contentType);
      },
    );

    it("keeps the caller's content-type", async () => {
      const fake = fakeTransport(() => ({}));
      await toFetch(fake.transport)('http://a.test/', {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json' },
      });
      expect(fake.requests[0]?.headers['content-type']).toBe('application/json');
    });

    it('sends FormData as multipart with its boundary', async () => {
      const fake = fakeTransport(() => ({}));
      const form = new FormData();
      form.append('purpose', 'fine-tune');
      form.append('file', new Blob(['{"x":1}\n'], { type: 'application/jsonl' }), 'data.jsonl');
      await toFetch(fake.transport)('http://a.test/files', { method: 'POST', body: form });
      const type = fake.requests[0]?.headers['content-type'] ?? '';
      expect(type).toMatch(/^multipart\/form-data; boundary=/);
      const boundary = type.split('boundary=')[1]!;
      expect(fake.sent[0]).toContain(`--${boundary}`);
      expect(fake.sent[0]).toContain('name="file"; filename="data.jsonl"');
      expect(fake.sent[0]).toContain('{"x":1}\n');
    });

    it('streams a ReadableStream body, reading it only as the transport writes', async () => {
      const state = { pulled: 0 };
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            state.pulled++;
            if (state.pulled > 3) controller.close();
            else controller.enqueue(encoder.encode(`part${state.pulled} `));
          },
        },
        { highWaterMark: 0 },
      );
      let pulledWhenOpened = -1;
      const transport: Transport = {
        name: 'lazy',
        request: (request) =>
          runExchange(request, async (hop) => {
            pulledWhenOpened = state.pulled;
            const text = await readSource(hop.source!);
            return { status: 200, statusLine: 'HTTP/1.1 200 OK', headers: {}, body: chunks(text) };
          }),
      };
      const response = await toFetch(transport)('http://a.test/', {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(pulledWhenOpened).toBe(0);
      expect(await response.text()).toBe('part1 part2 part3 ');
    });

    it('takes a Request as input: its URL, method, headers, body; init overrides', async () => {
      const fake = fakeTransport(() => ({}));
      const fetch = toFetch(fake.transport);
      const request = new Request('http://a.test/v1/chat', {
        method: 'POST',
        headers: { 'X-One': '1' },
        body: 'from request',
      });
      await fetch(request);
      await fetch(new Request('http://a.test/v1/chat', { method: 'POST', body: 'ignored' }), {
        method: 'PUT',
        body: 'from init',
        headers: { 'X-Two': '2' },
      });
      expect(fake.requests.map((r) => [r.method, r.url, r.headers['x-one'] ?? r.headers['x-two']])).toEqual([
        ['POST', 'http://a.test/v1/chat', '1'],
        ['PUT', 'http://a.test/v1/chat', '2'],
      ]);
      expect(fake.sent).toEqual(['from request', 'from init']);
    });
  });
});

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { TransportError } from '../errors/transport-error.js';
import { rejectionOf } from '../test-support/rejection-of.js';
import { CallerFailure } from './caller-failure.js';
import type { TransportRequest } from './contract.js';
import { type HopRequest, type OpenedResponse, runExchange } from './exchange.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const KEY = 'sk-exchange-secret-0123456789';

/** A scripted "library": answers each hop with the next response, and records what it was asked. */
function library(
  ...answers: Array<Partial<OpenedResponse> | ((hop: HopRequest) => Promise<OpenedResponse>)>
) {
  const hops: HopRequest[] = [];
  const state = { closed: 0, pulled: 0, finished: false };
  const open = async (hop: HopRequest): Promise<OpenedResponse> => {
    hops.push(hop);
    const answer = answers.shift();
    if (typeof answer === 'function') return answer(hop);
    return {
      status: 200,
      statusLine: 'HTTP/1.1 200 OK',
      headers: {},
      ...answer,
      close: () => void state.closed++,
    };
  };
  return { open, hops, state };
}

function body(chunks: string[], state: { pulled: number; finished: boolean }) {
  return (async function* () {
    try {
      for (const chunk of chunks) {
        state.pulled++;
        yield bytes(chunk);
      }
    } finally {
      state.finished = true;
    }
  })();
}

const request = (extra: Partial<TransportRequest> = {}): TransportRequest => ({
  url: 'http://a.test/v1/x',
  method: 'GET',
  headers: {},
  ...extra,
});

describe('runExchange()', () => {
  it('calls onHeaders, then the sink per non-empty chunk, then the sink with null', async () => {
    const log: string[] = [];
    const state = { pulled: 0, finished: false };
    const answered = library({ body: body(['a', '', 'b'], state) });
    const head = await runExchange(
      request({
        onHeaders: () => void log.push('head'),
        sink: (chunk) => void log.push(chunk === null ? 'end' : new TextDecoder().decode(chunk)),
      }),
      answered.open,
    );
    expect(head.status).toBe(200);
    expect(log).toEqual(['head', 'a', 'b', 'end']);
    expect(state.finished).toBe(true);
  });

  it('waits for a sink promise before pulling the next chunk (backpressure)', async () => {
    const state = { pulled: 0, finished: false };
    const lib = library({ body: body(['a', 'b', 'c'], state) });
    const pulledWhenWritten: number[] = [];
    await runExchange(
      request({
        sink: async (chunk) => {
          if (chunk) pulledWhenWritten.push(state.pulled);
          await Promise.resolve();
        },
      }),
      lib.open,
    );
    expect(pulledWhenWritten).toEqual([1, 2, 3]);
  });

  it('rejects an already aborted request at once, without opening anything', async () => {
    const lib = library({});
    const error = await rejectionOf(runExchange(request({ signal: AbortSignal.abort() }), lib.open));
    expect(TransportError.isInstance(error) && error.code).toBe('ABORTED');
    expect(lib.hops).toHaveLength(0);
  });

  it('settles with ABORTED at once while the library hangs (a connect that never completes)', async () => {
    let torn = false;
    const lib = library(
      (hop) =>
        new Promise<OpenedResponse>(() => {
          hop.signal?.addEventListener('abort', () => {
            torn = true; // the library is told, but never settles: the exchange must not wait for it
          });
        }),
    );
    const controller = new AbortController();
    const pending = runExchange(request({ signal: controller.signal }), lib.open);
    await Promise.resolve();
    controller.abort();
    const error = await rejectionOf(pending);
    expect(TransportError.isInstance(error) && error.code).toBe('ABORTED');
    expect(torn).toBe(true);
  });

  it('closes a response that arrives after the caller gave up on it', async () => {
    let resolveLate: (value: OpenedResponse) => void = () => undefined;
    let closedLate = false;
    const lib = library(
      () =>
        new Promise<OpenedResponse>((resolve) => {
          resolveLate = resolve;
        }),
    );
    const controller = new AbortController();
    const pending = runExchange(request({ signal: controller.signal }), lib.open);
    await Promise.resolve();
    controller.abort();
    await rejectionOf(pending);
    resolveLate({
      status: 200,
      headers: {},
      statusLine: '',
      close: () => {
        closedLate = true;
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closedLate).toBe(true);
  });

  it('settles with ABORTED while a sink waits, and closes the body', async () => {
    const state = { pulled: 0, finished: false };
    const lib = library({ body: body(['a', 'b'], state) });
    const controller = new AbortController();
    const error = await rejectionOf(
      runExchange(
        request({
          signal: controller.signal,
          sink: (chunk) => {
            if (chunk === null) return;
            controller.abort();
            return new Promise(() => undefined); // a consumer that never reads again
          },
        }),
        lib.open,
      ),
    );
    expect(TransportError.isInstance(error) && error.code).toBe('ABORTED');
    expect(lib.state.closed).toBe(1);
  });

  it('passes the caller’s own errors unchanged and closes the body', async () => {
    const state = { pulled: 0, finished: false };
    const lib = library({ body: body(['a', 'b'], state) });
    const mine = new Error('my sink');
    const error = await rejectionOf(
      runExchange(
        request({
          sink: () => {
            throw mine;
          },
        }),
        lib.open,
      ),
    );
    expect(error).toBe(mine);
    expect(lib.state.closed).toBe(1);
    const passed = await rejectionOf(
      runExchange(request(), async () => {
        throw new CallerFailure(mine);
      }),
    );
    expect(passed).toBe(mine);
  });

  it('turns a library error into a TransportError whose cause holds no secret', async () => {
    const raw = Object.assign(new Error(`connect ECONNREFUSED for https://a.test/v1?key=${KEY}`), {
      code: 'ECONNREFUSED',
      config: { headers: { 'x-custom-key': KEY } },
    });
    const error = await rejectionOf(
      runExchange(
        request({ headers: { 'x-custom-key': KEY }, url: `http://a.test/v1?key=${KEY}` }),
        async () => {
          throw raw;
        },
      ),
    );
    expect(TransportError.isInstance(error) && error.code).toBe('CONNECTION_REFUSED');
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY })).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it.each([
    ['a header value with CR/LF', { headers: { 'x-key': `${KEY}\r\nx-injected: 1` } }],
    ['a header value with NUL', { headers: { 'x-key': `${KEY}\0` } }],
    ['a header name that is not a token', { headers: { 'bad name': 'v' } }],
    ['a URL that is not http(s)', { url: `file:///etc/${KEY}` }],
    ['a method that is not a token', { method: 'GET /x' }],
  ])('refuses %s before opening anything, without quoting it', async (_, extra) => {
    const lib = library({});
    const error = await rejectionOf(runExchange(request(extra), lib.open));
    expect(TransportError.isInstance(error) && error.code).toBe('INVALID_REQUEST');
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY })).not.toContain(KEY);
    expect(lib.hops).toHaveLength(0);
  });

  describe('maxBodyBytes', () => {
    it('stops at the limit with a LimitExceededError naming it, pulling no further', async () => {
      const state = { pulled: 0, finished: false };
      const lib = library({ body: body(['aaaa', 'bbbb', 'cccc', 'dddd'], state) });
      let delivered = 0;
      const error = await rejectionOf(
        runExchange(
          request({
            maxBodyBytes: 6,
            sink: (chunk) => {
              delivered += chunk?.byteLength ?? 0;
            },
          }),
          lib.open,
        ),
      );
      expect(LimitExceededError.isInstance(error) && error.limit).toBe('maxBodyBytes');
      expect(String(error)).toContain('maxBodyBytes (6)');
      expect(delivered).toBe(4);
      expect(state.pulled).toBe(2);
      expect(lib.state.closed).toBe(1);
    });

    it('refuses a content-length past the limit before reading the body', async () => {
      const state = { pulled: 0, finished: false };
      const lib = library({ headers: { 'content-length': '100' }, body: body(['x'], state) });
      const error = await rejectionOf(runExchange(request({ maxBodyBytes: 10 }), lib.open));
      expect(LimitExceededError.isInstance(error)).toBe(true);
      expect(state.pulled).toBe(0);
    });

    it('lets a body of exactly the limit through', async () => {
      const state = { pulled: 0, finished: false };
      const lib = library({ headers: { 'content-length': '8' }, body: body(['aaaa', 'bbbb'], state) });
      await expect(runExchange(request({ maxBodyBytes: 8 }), lib.open)).resolves.toMatchObject({
        status: 200,
      });
    });
  });

  describe('redirects', () => {
    const redirect = (location: string, status = 302) => ({ status, headers: { location } });
    const secrets = {
      authorization: 'Bearer k',
      'api-key': 'k',
      'x-api-key': 'k',
      'x-goog-api-key': 'k',
      'proxy-authorization': 'k',
      cookie: 'k',
      'x-provider-key': 'k',
      'x-plain': 'kept',
    };

    it('resolves the redirect itself unless asked to follow', async () => {
      const lib = library(redirect('/next'));
      expect((await runExchange(request(), lib.open)).status).toBe(302);
      expect(lib.hops).toHaveLength(1);
    });

    it('keeps every header on the same origin', async () => {
      const lib = library(redirect('/next'), {});
      await runExchange(request({ redirect: true, headers: secrets }), lib.open);
      expect(lib.hops[1]?.url).toBe('http://a.test/next');
      expect(lib.hops[1]?.headers).toEqual(secrets);
      expect(lib.state.closed).toBe(1); // the redirect's own body was released
    });

    it('drops every credential header, and those the request marks secret, on another origin', async () => {
      const lib = library(redirect('https://b.test/next'), {});
      await runExchange(
        request({ redirect: true, headers: secrets, secretHeaders: ['X-Provider-Key'] }),
        lib.open,
      );
      expect(lib.hops[1]?.headers).toEqual({ 'x-plain': 'kept' });
    });

    it.each(['data:text/plain,hi', 'file:///etc/passwd', 'ftp://a.test/x', 'javascript:alert(1)'])(
      'refuses a redirect to %s',
      async (location) => {
        const lib = library(redirect(location));
        const error = await rejectionOf(runExchange(request({ redirect: true }), lib.open));
        expect(TransportError.isInstance(error) && error.code).toBe('REDIRECT');
        expect(lib.hops).toHaveLength(1);
      },
    );

    it('stops after maxRedirects hops', async () => {
      const lib = library(...Array.from({ length: 5 }, () => redirect('/again')));
      const error = await rejectionOf(
        runExchange(request({ redirect: true }), lib.open, { maxRedirects: 3 }),
      );
      expect(TransportError.isInstance(error) && error.code).toBe('REDIRECT');
      expect(lib.hops).toHaveLength(4);
    });

    it('turns a 303 (and a 302 after POST) into a GET without body; a 307 resends the body', async () => {
      const post = { method: 'POST', source: 'body', headers: { 'content-type': 'text/plain' } };
      const lib = library(redirect('/a', 303), {}, redirect('/b', 307), {});
      await runExchange(request({ ...post, redirect: true }), lib.open);
      expect(lib.hops[1]).toMatchObject({ method: 'GET', headers: {} });
      expect(lib.hops[1]?.source).toBeUndefined();
      await runExchange(request({ ...post, redirect: true }), lib.open);
      expect(lib.hops[3]).toMatchObject({ method: 'POST', source: 'body' });
    });

    it('refuses a 307 that would need a streamed body sent again', async () => {
      const lib = library(redirect('/a', 307));
      const source = (async function* () {
        yield bytes('once');
      })();
      const error = await rejectionOf(
        runExchange(request({ method: 'POST', source, redirect: true }), lib.open),
      );
      expect(TransportError.isInstance(error) && error.code).toBe('REDIRECT');
    });
  });
});

describe('runExchange() with a timeout', () => {
  it('settles with TIMEOUT while the library hangs, and tells it to stop through the hop cancel', async () => {
    const told: unknown[] = [];
    let closedLate = false;
    let resolveLate: (value: OpenedResponse) => void = () => undefined;
    const lib = library(
      (hop) =>
        new Promise<OpenedResponse>((resolve) => {
          resolveLate = resolve;
          // The library is told, but never settles: only the deadline can end the exchange.
          hop.cancel?.addEventListener('abort', () => told.push(hop.cancel?.reason));
        }),
    );
    const error = await rejectionOf(runExchange(request({ timeout: 5 }), lib.open));
    expect(TransportError.isInstance(error) && error.code).toBe('TIMEOUT');
    expect(String(error)).toContain('Request timed out after 5 ms');
    expect(told).toEqual([error]);
    expect(lib.hops[0]?.timeout).toBeGreaterThan(0);
    expect(lib.hops[0]?.timeout).toBeLessThanOrEqual(5);
    // A response the library opens after the deadline is released.
    resolveLate({
      status: 200,
      headers: {},
      statusLine: '',
      close: () => {
        closedLate = true;
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closedLate).toBe(true);
  });

  it('gives each hop neither cancel nor timeout when the request has no signal and no timeout', async () => {
    const lib = library({});
    await runExchange(request(), lib.open);
    expect(lib.hops[0]?.cancel).toBeUndefined();
    expect(lib.hops[0]?.timeout).toBeUndefined();
  });

  it('treats Infinity as no limit', async () => {
    const lib = library({});
    await runExchange(request({ timeout: Number.POSITIVE_INFINITY }), lib.open);
    expect(lib.hops[0]?.timeout).toBeUndefined();
  });

  it.each([0, -1, Number.NaN])(
    'refuses a timeout of %s with INVALID_REQUEST, opening nothing',
    async (timeout) => {
      const lib = library({});
      const error = await rejectionOf(runExchange(request({ timeout }), lib.open));
      expect(TransportError.isInstance(error) && error.code).toBe('INVALID_REQUEST');
      expect(lib.hops).toHaveLength(0);
    },
  );
});

import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from './json-body.js';
import { DEFAULT_MAX_BODY_BYTES, type MockOpenAIServer, startMockOpenAI } from './mock-openai.js';

/** What came back on a raw connection, read until the server closed it. */
interface RawAnswer {
  status: number;
  head: string;
  body: string;
  /** The request bytes the client had written when the answer was complete. */
  sent: number;
}

/**
 * Writes `parts` on a fresh connection, as they are (no client to refuse a bad Host or a bad escape),
 * and reads until the server closes it. The client never half-closes: when the parts are not a whole
 * request, any answer came from the server deciding on what it had read.
 */
function exchange(port: number, parts: Array<string | Buffer>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let sent = 0;
    socket.on('data', (data: Buffer) => received.push(data));
    const done = () => {
      const text = Buffer.concat(received).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no HTTP answer: ${JSON.stringify(text)}`));
      const head = text.slice(0, split);
      resolve({ status: Number(head.split(' ')[1]), head, body: text.slice(split + 4), sent });
    };
    socket.on('close', done);
    socket.on('error', () => undefined); // a reset after the answer still shows in `close`
    for (const part of parts) {
      socket.write(part);
      sent += Buffer.byteLength(part);
    }
  });
}

const request = (method: string, target: string, headers: string[] = ['Host: 127.0.0.1'], body = '') =>
  `${method} ${target} HTTP/1.1\r\n${[...headers, 'Connection: close'].join('\r\n')}\r\n\r\n${body}`;

const post = (target: string, body: string, type = 'application/json') =>
  request(
    'POST',
    target,
    ['Host: 127.0.0.1', `Content-Type: ${type}`, `Content-Length: ${Buffer.byteLength(body)}`],
    body,
  );

/** The body parses as OpenAI's error shape, with exactly its four fields. */
function openaiErrorOf(body: string): { message: string; type: string; param: unknown; code: unknown } {
  const parsed = JSON.parse(body);
  expect(parsed).toEqual({
    error: {
      message: expect.any(String),
      type: expect.any(String),
      param: parsed.error?.param === null ? null : expect.any(String),
      code: parsed.error?.code === null ? null : expect.any(String),
    },
  });
  return parsed.error;
}

const chat = JSON.stringify({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }] });
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

let mock: MockOpenAIServer;
let port: number;
beforeAll(async () => {
  mock = await startMockOpenAI({ maxBodyBytes: 1024 * 1024 });
  port = Number(new URL(mock.origin).port);
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

describe('the mock server answers malformed requests with a 4xx in OpenAI error shape', () => {
  const rows: Array<[name: string, raw: () => string, status: number, code: string | null]> = [
    ['bad percent-encoding in the path', () => request('GET', '/v1/files/%E0%A4%A'), 400, 'invalid_url'],
    ['a %zz escape in a path parameter', () => request('GET', '/v1/models/%zz'), 400, 'invalid_url'],
    ['a Host with a space', () => request('GET', '/v1/models', ['Host: a b']), 400, 'invalid_host'],
    ['a Host with a path', () => request('GET', '/v1/models', ['Host: evil/x']), 400, 'invalid_host'],
    ['a Host with credentials', () => request('GET', '/v1/models', ['Host: u@x']), 400, 'invalid_host'],
    ['a Host with a bad port', () => request('GET', '/v1/models', ['Host: x:99999']), 400, 'invalid_host'],
    ['no Host at all (HTTP/1.1)', () => request('GET', '/v1/models', []), 400, 'invalid_host'],
    ['the asterisk target', () => request('OPTIONS', '*'), 400, 'invalid_url'],
    ['an unparsable absolute URL', () => request('GET', 'http://a%zz/v1/models'), 400, 'invalid_url'],
    ['a method HTTP does not know', () => request('FOO', '/v1/models'), 400, 'invalid_http_request'],
    [
      'a broken chunk size',
      () =>
        request('POST', '/v1/chat/completions', ['Host: x', 'Transfer-Encoding: chunked'], 'zz\r\nabc\r\n'),
      400,
      'invalid_http_request',
    ],
    [
      'headers past the size limit',
      () => request('GET', '/v1/models', ['Host: x', `X-Big: ${'a'.repeat(20_000)}`]),
      431,
      'request_header_fields_too_large',
    ],
    ['invalid JSON', () => post('/v1/chat/completions', '{"model":'), 400, null],
    [
      `JSON nested ${MAX_JSON_DEPTH + 1} deep`,
      () => post('/v1/chat/completions', nested(MAX_JSON_DEPTH + 1)),
      400,
      'json_too_deep',
    ],
    ['JSON nested 200,000 deep', () => post('/v1/chat/completions', nested(200_000)), 400, 'json_too_deep'],
    [
      'objects nested 100,000 deep',
      () => post('/v1/chat/completions', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
      400,
      'json_too_deep',
    ],
    ['a JSON array body', () => post('/v1/chat/completions', '[1,2]'), 400, null],
    ['a JSON string body', () => post('/v1/embeddings', '"text"'), 400, null],
    ['a JSON null body', () => post('/v1/moderations', 'null'), 400, null],
    [
      'a text/plain body',
      () => post('/v1/chat/completions', chat, 'text/plain'),
      400,
      'unsupported_content_type',
    ],
    [
      'a form body to a JSON endpoint',
      () => post('/v1/chat/completions', 'a=1', 'application/x-www-form-urlencoded'),
      400,
      'unsupported_content_type',
    ],
    [
      'a multipart body to a JSON endpoint',
      () => post('/v1/embeddings', '--x--\r\n', 'multipart/form-data; boundary=x'),
      400,
      'unsupported_content_type',
    ],
    ['a JSON body to the upload endpoint', () => post('/v1/files', '{}'), 400, 'invalid_content_type'],
    [
      'tools that are not objects',
      () => post('/v1/responses', JSON.stringify({ model: 'm', input: 'hi', tools: [null] })),
      400,
      'invalid_type',
    ],
    [
      'functions that are not an array',
      () => post('/v1/chat/completions', JSON.stringify({ ...JSON.parse(chat), functions: { name: 'x' } })),
      400,
      'invalid_type',
    ],
    ['PUT on a POST path', () => request('PUT', '/v1/chat/completions'), 405, 'method_not_allowed'],
    ['POST on a GET path', () => post('/v1/models/gpt-4.1', '{}'), 405, 'method_not_allowed'],
    ['an unknown path', () => request('GET', '/v1/nothing/here'), 404, null],
    ['a path outside /v1', () => request('GET', '/models'), 404, null],
    [
      'an Expect the server does not know',
      () => request('GET', '/v1/models', ['Host: x', 'Expect: 200-ok']),
      417,
      'expectation_failed',
    ],
  ];

  it.each(rows)('%s', async (_name, raw, status, code) => {
    const answer = await exchange(port, [raw()]);
    expect(answer.status, answer.head).toBe(status);
    expect(answer.head).toMatch(/^content-type: application\/json$/im);
    const error = openaiErrorOf(answer.body);
    expect(error.type).toBe('invalid_request_error');
    expect(error.code).toBe(code);
  });

  it('names the methods a path takes in a 405', async () => {
    const answer = await exchange(port, [request('DELETE', '/v1/files')]);
    expect(answer.status).toBe(405);
    expect(answer.head).toMatch(/^allow: GET, POST$/im);
    expect(openaiErrorOf(answer.body).message).toContain('DELETE /v1/files');
  });

  it(`accepts JSON nested exactly ${MAX_JSON_DEPTH} deep, brackets inside strings not counted`, async () => {
    // The body object is one level, metadata the other MAX_JSON_DEPTH - 1.
    const body = `{"model":"m","input":"${'['.repeat(500)}","metadata":${nested(MAX_JSON_DEPTH - 1)}}`;
    const answer = await exchange(port, [post('/v1/responses', body)]);
    expect(answer.status, answer.body).toBe(200);
    expect(mock.requests[0]?.body).toMatchObject({ model: 'm' });
  });

  it('takes a request in absolute form, by its own authority', async () => {
    const answer = await exchange(port, [request('GET', 'http://elsewhere.test/v1/models')]);
    expect(answer.status).toBe(200);
    expect(mock.requests[0]?.path).toBe('/v1/models');
  });

  it('answers a bug in a handler with a 500 in the same shape', async () => {
    mock.handle('GET /models', () => {
      throw new Error('handler bug');
    });
    const answer = await exchange(port, [request('GET', '/v1/models')]);
    expect(answer.status).toBe(500);
    const error = openaiErrorOf(answer.body);
    expect(error).toMatchObject({ type: 'server_error', code: null });
    expect(error.message).toContain('handler bug');
  });
});

describe('the request body limit', () => {
  const limit = 1024 * 1024;
  const head = (headers: string[]) =>
    `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n${headers.join('\r\n')}\r\n\r\n`;

  function expect413(answer: RawAnswer) {
    expect(answer.status, answer.head).toBe(413);
    expect(answer.head).toMatch(/^connection: close$/im);
    const error = openaiErrorOf(answer.body);
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'request_body_too_large' });
    expect(error.message).toContain(String(limit));
    // The handler never saw it: nothing was logged.
    expect(mock.requestCount).toBe(0);
  }

  it('answers 413 to a Content-Length over the limit before the body arrives, and closes', async () => {
    // 300 MiB announced, 16 bytes sent: the answer (and the close) can only come from the header.
    const answer = await exchange(port, [head([`Content-Length: ${300 * 1024 * 1024}`]), '{"model":"gpt-4.']);
    expect413(answer);
    expect(answer.sent).toBeLessThan(1024);
  });

  it('counts a chunked body, answering 413 once it passes the limit, without waiting for its end', async () => {
    const piece = 'x'.repeat(256 * 1024);
    const chunk = `${piece.length.toString(16)}\r\n${piece}\r\n`;
    // Five chunks: past the limit, and never the terminating `0` chunk.
    const answer = await exchange(port, [head(['Transfer-Encoding: chunked']), ...Array(5).fill(chunk)]);
    expect413(answer);
  });

  it('refuses an over-limit body announced with Expect: 100-continue without asking for it', async () => {
    const answer = await exchange(port, [head([`Content-Length: ${limit + 1}`, 'Expect: 100-continue'])]);
    expect(answer.head).not.toContain('100 Continue');
    expect413(answer);
  });

  it('takes a body of exactly the limit', async () => {
    const padded = JSON.stringify({ ...JSON.parse(chat), user: '' });
    const body = padded.replace('"user":""', `"user":"${'u'.repeat(limit - padded.length)}"`);
    expect(Buffer.byteLength(body)).toBe(limit);
    const answer = await exchange(port, [head([`Content-Length: ${limit}`]), body]);
    expect(answer.status, answer.body).toBe(200);
    expect(mock.requestCount).toBe(1);
  });

  it('is 32 MiB unless set', async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(32 * 1024 * 1024);
    const plain = await startMockOpenAI();
    try {
      const plainPort = Number(new URL(plain.origin).port);
      const over = await exchange(plainPort, [head([`Content-Length: ${DEFAULT_MAX_BODY_BYTES + 1}`])]);
      expect(over.status).toBe(413);
      expect(openaiErrorOf(over.body).message).toContain(String(DEFAULT_MAX_BODY_BYTES));
    } finally {
      await plain.close();
    }
  });

  it('refuses a limit that is not a whole number of bytes', async () => {
    await expect(startMockOpenAI({ maxBodyBytes: -1 })).rejects.toThrow(RangeError);
    await expect(startMockOpenAI({ maxBodyBytes: 1.5 })).rejects.toThrow('maxBodyBytes');
  });
});

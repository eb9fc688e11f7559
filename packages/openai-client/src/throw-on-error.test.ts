import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { OpenAI } from './client.js';
import {
  APIError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  StreamEventError,
  ValidationError,
} from './errors.js';
import type { Page } from './pagination/cursor-page.js';
import { type OkResult, unwrap } from './result/unwrap.js';
import { TRANSPORTS } from './test-support/transports.js';
import type { ChatCompletion, FileObject, Model, ModelList, Result } from './types.js';

const hello = [{ role: 'user' as const, content: 'Hello' }];

describe.each(TRANSPORTS)('throwOnError and unwrap over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  let throwing: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI({ apiKey: 'sk-test' });
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport(), maxRetries: 0 });
    throwing = new OpenAI('sk-test', {
      baseURL: mock.baseURL,
      transport: createTransport(),
      maxRetries: 0,
      throwOnError: true,
    });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('by default every status still resolves a Result', async () => {
    mock.script('POST /chat/completions', { error: { status: 429, message: 'slow down' } });
    const result = await client.createChatCompletion(hello);
    expect(result).toMatchObject({ ok: false, status: 429 });
  });

  it('the client option rejects a non-2xx answer with its APIError subclass, body and request id kept', async () => {
    mock.script('POST /chat/completions', { error: { status: 429, message: 'slow down', code: 'rate' } });
    const error = await throwing.createChatCompletion(hello).catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, code: 'rate', requestId: expect.stringMatching(/^req_/) });
    expect((error as APIError).error?.message).toBe('slow down');
    expect((error as APIError).headers['x-request-id']).toBe((error as APIError).requestId);
  });

  it('a 2xx answer resolves as before with the client option', async () => {
    const result = await throwing.createChatCompletion(hello);
    expect(result.ok && result.body.choices[0]?.message.content).toBe('Echo: Hello');
  });

  it('the call option wins over the client option, both ways', async () => {
    mock.script('GET /models/:model', { error: { status: 404, message: 'no model' } });
    const error = await client.model('gpt-4.1', { throwOnError: true }).catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);

    mock.script('GET /models/:model', { error: { status: 500, message: 'boom' } });
    const result = await throwing.model('gpt-4.1', { throwOnError: false });
    expect(result).toMatchObject({ ok: false, status: 500 });
  });

  it('request() honours the option, and a non-JSON error body stays the error body', async () => {
    mock.script('GET /models', { fault: { html: true, status: 502 } });
    const error = await client
      .request({ method: 'GET', path: '/models', throwOnError: true })
      .catch((e: unknown) => e);
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(typeof (error as APIError).body).toBe('string');
  });

  it('a streaming call (callback form) rejects instead of resolving ok: false', async () => {
    mock.script('POST /chat/completions', { error: { status: 400, message: 'bad' } });
    const chunks: unknown[] = [];
    const error = await throwing
      .createChatCompletion(hello, { stream: true }, (chunk) => void chunks.push(chunk))
      .catch((e: unknown) => e);
    expect(APIError.isInstance(error) && error.status).toBe(400);
    expect(StreamEventError.isInstance(error)).toBe(false);
    expect(chunks).toEqual([]);
  });

  it('is not retried differently: a retryable status is retried first, then thrown', async () => {
    const retrying = new OpenAI('sk-test', {
      baseURL: mock.baseURL,
      transport: createTransport(),
      maxRetries: 1,
      throwOnError: true,
    });
    mock.fault({ status: 503, retryAfterMs: 1 }, { status: 503, retryAfterMs: 1 });
    const error = await retrying.models().catch((e: unknown) => e);
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(mock.requestCount).toBe(2);
  });

  it('unwrap gives the body of an ok result and throws the subclass of any other', async () => {
    const completion = await client.createChatCompletion(hello).then(unwrap);
    expect(completion.choices[0]?.message.content).toBe('Echo: Hello');
    mock.script('POST /chat/completions', { error: { status: 404, message: 'gone' } });
    const error = await client
      .createChatCompletion(hello)
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as NotFoundError).requestId).toMatch(/^req_/);
  });

  it('a Result stays plain data: it survives JSON and structuredClone', async () => {
    const result = await client.models();
    expect(JSON.parse(JSON.stringify(result))).toEqual(structuredClone(result));
  });

  it('query is a typed call option, merged into the URL', async () => {
    await client.models({ query: { extra: 'yes', n: 2, flag: false, skipped: undefined } });
    expect(mock.requests[0]?.path).toBe('/v1/models?extra=yes&n=2&flag=false');
  });
});

describe('throwOnError and query validation (nothing sent)', () => {
  const client = new OpenAI('sk-test', { baseURL: 'http://127.0.0.1:9/v1', transport: 'fetch' });

  it('refuses a throwOnError that is not a boolean, on the call and on the client', async () => {
    const error = await client.models({ throwOnError: 'yes' as unknown as boolean }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues).toEqual([
      { path: 'call.throwOnError', message: "expected a boolean, got 'yes'" },
    ]);
    expect(() => new OpenAI('sk', { throwOnError: 1 as unknown as boolean })).toThrow(
      /config\.throwOnError: expected a boolean, got 1/,
    );
  });

  it('refuses a query value that is not a string, finite number or boolean, naming it', async () => {
    const error = await client.models({ query: { n: Number.NaN } }).catch((e: unknown) => e);
    expect((error as ValidationError).issues).toEqual([
      { path: 'call.query.n', message: 'expected a string, a finite number or a boolean, got NaN' },
    ]);
    const notObject = await client
      .models({ query: 'a=1' as unknown as Record<string, string> })
      .catch((e: unknown) => e);
    expect((notObject as ValidationError).issues[0]?.path).toBe('call.query');
  });
});

describe('types', () => {
  it('narrows the result to the ok branch only for a per-call throwOnError: true', () => {
    const client = new OpenAI('sk', { transport: 'fetch' });
    const run = false as boolean; // types only: nothing is sent
    if (run) {
      type Models = Page<Model, ModelList>;
      expectTypeOf(client.models({ throwOnError: true })).resolves.toEqualTypeOf<OkResult<Models>>();
      expectTypeOf(client.models()).resolves.toEqualTypeOf<Result<Models>>();
      expectTypeOf(client.models({ throwOnError: false })).resolves.toEqualTypeOf<Result<Models>>();
      expectTypeOf(client.file('f', { throwOnError: true })).resolves.toEqualTypeOf<OkResult<FileObject>>();
      expectTypeOf(client.createChatCompletion(hello, {}, { throwOnError: true })).resolves.toEqualTypeOf<
        OkResult<ChatCompletion>
      >();
      expectTypeOf(
        client.request<ModelList>({ method: 'GET', path: '/models', throwOnError: true }),
      ).resolves.toEqualTypeOf<OkResult<ModelList>>();
    }
    expectTypeOf(unwrap<ChatCompletion>).returns.toEqualTypeOf<ChatCompletion>();
    expectTypeOf(unwrap<ChatCompletion>)
      .parameter(0)
      .toEqualTypeOf<Result<ChatCompletion>>();
  });
});

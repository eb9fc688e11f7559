import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { NotFoundError, OpenAIError, RateLimitError, ValidationError } from './errors.js';
import { type CursorParams, cursorList } from './pagination/cursor-page.js';
import { TRANSPORTS } from './test-support/transports.js';
import type { Assistant, AssistantList, FileObject } from './types.js';

describe.each(TRANSPORTS)('pagination over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI({ apiKey: 'sk-test' });
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport(), maxRetries: 0 });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  /** Uploads `count` files, oldest first, and gives their ids in that order. */
  async function uploadFiles(count: number, purpose = 'assistants'): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const uploaded = await client.uploadFile({ purpose, filename: `f${i}.txt`, data: `file ${i}` });
      if (!uploaded.ok) throw new Error('upload failed');
      ids.push(uploaded.body.id);
    }
    return ids;
  }

  it('sends the list parameters and gives a page with data, has_more and the methods', async () => {
    const ids = await uploadFiles(5);
    const result = await client.files({ limit: 2, order: 'asc', purpose: 'assistants' });
    expect(mock.requests.at(-1)?.path).toBe('/v1/files?limit=2&order=asc&purpose=assistants');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const page = result.body;
    expect(page.data.map((file) => file.id)).toEqual(ids.slice(0, 2));
    expect(page.has_more).toBe(true);
    expect(page.hasNextPage()).toBe(true);
    // The page is the body: JSON shows the API's fields only.
    expect(Object.keys(JSON.parse(JSON.stringify(page))).sort()).toEqual([
      'data',
      'first_id',
      'has_more',
      'last_id',
      'object',
    ]);

    const second = await page.nextPage();
    expect(mock.requests.at(-1)?.path).toBe(`/v1/files?limit=2&order=asc&purpose=assistants&after=${ids[1]}`);
    expect(second.ok && second.body.data.map((file) => file.id)).toEqual(ids.slice(2, 4));
    if (!second.ok) return;
    const third = await second.body.nextPage();
    expect(third.ok && third.body.data.map((file) => file.id)).toEqual(ids.slice(4));
    expect(third.ok && third.body.hasNextPage()).toBe(false);
    if (third.ok)
      await expect(third.body.nextPage()).rejects.toSatisfy((error) => OpenAIError.isInstance(error));
  });

  it('for await over the list walks every item of every page, one request per page', async () => {
    const ids = await uploadFiles(5);
    const before = mock.requestCount;
    const seen: string[] = [];
    for await (const file of client.files({ limit: 2, order: 'asc' })) seen.push(file.id);
    expect(seen).toEqual(ids);
    expect(mock.requestCount - before).toBe(3);
  });

  it('for await over a page walks it and the pages after it; pages() gives each page', async () => {
    const ids = await uploadFiles(5);
    const first = await client.files({ limit: 2 }, { throwOnError: true });
    const seen: string[] = [];
    for await (const file of first.body) seen.push(file.id);
    expect(seen).toEqual([...ids].reverse()); // newest first, the API's default order
    const sizes: number[] = [];
    for await (const page of first.body.pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('walks back with before (the cursor is then the first id)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await client.request<{ id: string }>({
        method: 'POST',
        path: '/assistants',
        body: { model: 'gpt-4.1' },
        headers: { 'OpenAI-Beta': 'assistants=v2' },
        throwOnError: true,
      });
      ids.push(created.body.id);
    }
    const back = await client.assistants({ order: 'asc', limit: 1, before: ids[3] });
    expect(back.ok && back.body.data.map((assistant) => assistant.id)).toEqual([ids[2]]);
    if (!back.ok) return;
    const earlier = await back.body.nextPage();
    expect(mock.requests.at(-1)?.path).toBe(`/v1/assistants?order=asc&limit=1&before=${ids[2]}`);
    expect(earlier.ok && earlier.body.data.map((assistant) => assistant.id)).toEqual([ids[1]]);
  });

  it('a failing later page throws its APIError subclass from the loop; the first resolves ok: false', async () => {
    await uploadFiles(3);
    const seen: FileObject[] = [];
    const loop = (async () => {
      for await (const file of client.files({ limit: 2 })) {
        seen.push(file);
        if (seen.length === 2) mock.script('GET /files', { error: { status: 429, message: 'slow down' } });
      }
    })();
    await expect(loop).rejects.toSatisfy((error) => RateLimitError.isInstance(error));
    expect(seen).toHaveLength(2);

    mock.script('GET /files', { error: { status: 404, message: 'no' } });
    expect(await client.files()).toMatchObject({ ok: false, status: 404 });
    mock.script('GET /files', { error: { status: 404, message: 'no' } });
    await expect(
      (async () => {
        for await (const _ of client.files()) expect.unreachable();
      })(),
    ).rejects.toSatisfy((error) => NotFoundError.isInstance(error));
  });

  it('the next page keeps the call options (headers, throwOnError)', async () => {
    await uploadFiles(3);
    const first = await client.files({ limit: 2 }, { headers: { 'x-trace': 't1' }, throwOnError: true });
    mock.script('GET /files', { error: { status: 404, message: 'gone' } });
    await expect(first.body.nextPage()).rejects.toSatisfy((error) => NotFoundError.isInstance(error));
    expect(mock.requests.at(-1)?.headers['x-trace']).toBe('t1');
  });

  it('thread messages page with run_id and the beta header on every page', async () => {
    const thread = await client.request<{ id: string }>({
      method: 'POST',
      path: '/threads',
      body: { messages: Array.from({ length: 3 }, (_, i) => ({ role: 'user', content: `m${i}` })) },
      headers: { 'OpenAI-Beta': 'assistants=v2' },
      throwOnError: true,
    });
    const texts: string[] = [];
    for await (const message of client.threadMessages(thread.body.id, { limit: 1, order: 'asc' })) {
      const part = message.content[0];
      texts.push(part?.type === 'text' ? part.text.value : '');
    }
    expect(texts).toEqual(['m0', 'm1', 'm2']);
    expect(mock.requests.slice(-3).map((request) => request.headers['openai-beta'])).toEqual([
      'assistants=v2',
      'assistants=v2',
      'assistants=v2',
    ]);
    const filtered = await client.threadMessages(thread.body.id, { run_id: 'run_1' });
    expect(filtered.ok && filtered.body.data).toEqual([]);
    expect(mock.requests.at(-1)?.path).toContain('run_id=run_1');
  });

  it('models is one page, iterable like the others', async () => {
    const result = await client.models();
    expect(result.ok && result.body.hasNextPage()).toBe(false);
    const ids: string[] = [];
    for await (const model of client.models()) ids.push(model.id);
    expect(ids).toContain('gpt-4.1');
  });

  it('threads and assistants take the cursor parameters', async () => {
    for (let i = 0; i < 3; i++)
      await client.request({
        method: 'POST',
        path: '/threads',
        body: {},
        headers: { 'OpenAI-Beta': 'assistants=v2' },
      });
    const threads: string[] = [];
    for await (const thread of client.threads({ limit: 2 })) threads.push(thread.id);
    expect(threads).toHaveLength(3);
    await client.assistants({ limit: 5, order: 'desc', after: 'asst_x' });
    expect(mock.requests.at(-1)?.path).toBe('/v1/assistants?limit=5&order=desc&after=asst_x');
  });
});

describe('cursorList pages another endpoint family through request()', () => {
  let mock: MockOpenAIServer;
  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterAll(() => mock.close());

  it('walks /assistants with the generic module, the cursor moved by id', async () => {
    const client = new OpenAI('sk', { baseURL: mock.baseURL, transport: 'undici' });
    const headers = { 'OpenAI-Beta': 'assistants=v2' };
    for (let i = 0; i < 3; i++)
      await client.request({ method: 'POST', path: '/assistants', body: { model: `m${i}` }, headers });
    const list = cursorList<Assistant, AssistantList, CursorParams>(
      (query) => client.request<AssistantList>({ method: 'GET', path: '/assistants', query, headers }),
      () => ({ limit: 1, order: 'asc' }),
    );
    const models: string[] = [];
    for await (const assistant of list) models.push(assistant.model);
    expect(models).toEqual(['m0', 'm1', 'm2']);
    expect(mock.requests.slice(-3).map((request) => request.path)).toEqual([
      '/v1/assistants?limit=1&order=asc',
      expect.stringMatching(/^\/v1\/assistants\?limit=1&order=asc&after=asst_/),
      expect.stringMatching(/^\/v1\/assistants\?limit=1&order=asc&after=asst_/),
    ]);
  });
});

describe('list parameters are checked before anything is sent', () => {
  const client = new OpenAI('sk-test', { baseURL: 'http://127.0.0.1:9/v1', transport: 'fetch' });

  it.each([
    ['limit 0', () => client.files({ limit: 0 }), 'params.limit', /integer ≥ 1, got 0/],
    ['limit 1.5', () => client.assistants({ limit: 1.5 }), 'params.limit', /1\.5/],
    ['order', () => client.files({ order: 'up' as 'asc' }), 'params.order', /'asc' or 'desc'/],
    ['empty after', () => client.threads({ after: '' }), 'params.after', /non-empty string/],
    [
      'a call option in the params',
      () => client.files({ signal: AbortSignal.timeout(1) } as never),
      'params.signal',
      /call options go in the next argument/,
    ],
    ['params not an object', () => client.files('x' as never), 'params', /got 'x'/],
    ['a bad thread id', () => client.threadMessages('..'), 'thread_id', /./],
  ])('%s', async (_label, call, path, message) => {
    const promise = call();
    expect(promise).toBeInstanceOf(Promise);
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    const issue = (error as ValidationError).issues[0];
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });

  it('iterating a refused list throws the ValidationError from the loop', async () => {
    await expect(
      (async () => {
        for await (const _ of client.files({ limit: -1 })) expect.unreachable();
      })(),
    ).rejects.toSatisfy((error) => ValidationError.isInstance(error));
  });
});

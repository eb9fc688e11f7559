import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../test-support/http.js';
import { openapiErrors } from '../test-support/openapi.js';
import { type MockOpenAIServer, startMockOpenAI } from './mock-openai.js';

// The mock's list routes page as the API does: `after`/`before` cursors, `limit`, `order` (newest first by
// default), `has_more`; `GET /files` filters by `purpose`, messages by `run_id`.

let mock: MockOpenAIServer;
beforeAll(async () => {
  mock = await startMockOpenAI();
  // Loading and compiling the description takes seconds on a busy machine: once, here, not in a test.
  openapiErrors('ListFilesResponse', { object: 'list', data: [] });
}, 60_000);
afterEach(() => mock.reset());
afterAll(() => mock.close());

async function upload(name: string, purpose = 'assistants'): Promise<string> {
  const form = new FormData();
  form.set('purpose', purpose);
  form.set('file', new Blob(['x']), name);
  const response = await fetch(`${mock.baseURL}/files`, { method: 'POST', body: form });
  return String(((await response.json()) as { id: string }).id);
}

const ids = (json: Record<string, unknown>) => (json.data as Array<{ id: string }>).map((item) => item.id);

describe('GET /files pages', () => {
  it('lists newest first by default, all of them, with has_more false', async () => {
    const [a, b, c] = [await upload('a'), await upload('b'), await upload('c')];
    const { json } = await call(mock.baseURL, 'GET', '/files');
    expect(ids(json)).toEqual([c, b, a]);
    expect(json).toMatchObject({ first_id: c, last_id: a, has_more: false });
    expect(openapiErrors('ListFilesResponse', json)).toEqual([]);
  });

  it('walks forward with after and limit, has_more true until the last page', async () => {
    const all = [
      await upload('a'),
      await upload('b'),
      await upload('c'),
      await upload('d'),
      await upload('e'),
    ];
    const first = await call(mock.baseURL, 'GET', '/files?order=asc&limit=2');
    expect(ids(first.json)).toEqual(all.slice(0, 2));
    expect(first.json.has_more).toBe(true);
    const second = await call(mock.baseURL, 'GET', `/files?order=asc&limit=2&after=${all[1]}`);
    expect(ids(second.json)).toEqual(all.slice(2, 4));
    expect(second.json.has_more).toBe(true);
    const last = await call(mock.baseURL, 'GET', `/files?order=asc&limit=2&after=${all[3]}`);
    expect(ids(last.json)).toEqual(all.slice(4));
    expect(last.json.has_more).toBe(false);
  });

  it('walks back with before, and an unknown cursor gives an empty page', async () => {
    const all = [await upload('a'), await upload('b'), await upload('c')];
    const back = await call(mock.baseURL, 'GET', `/files?order=asc&limit=1&before=${all[2]}`);
    expect(ids(back.json)).toEqual([all[1]]);
    expect(back.json.has_more).toBe(true);
    const unknown = await call(mock.baseURL, 'GET', '/files?after=file-nope');
    expect(unknown.json).toMatchObject({ data: [], has_more: false, first_id: '', last_id: '' });
  });

  it('filters by purpose', async () => {
    await upload('a', 'assistants');
    const batch = await upload('b', 'batch');
    const { json } = await call(mock.baseURL, 'GET', '/files?purpose=batch');
    expect(ids(json)).toEqual([batch]);
  });

  it('refuses a bad limit or order with a 400 naming the parameter', async () => {
    for (const query of ['limit=0', 'limit=10001', 'limit=two', 'order=up']) {
      const { status, json } = await call(mock.baseURL, 'GET', `/files?${query}`);
      expect(status, query).toBe(400);
      expect(json.error?.param).toBe(query.split('=')[0]);
    }
  });
});

describe('Assistants lists page too', () => {
  const beta = { 'OpenAI-Beta': 'assistants=v2' };

  it('messages: 20 a page by default, at most 100, cursor by id, run_id filter', async () => {
    const messages = Array.from({ length: 25 }, (_, i) => ({ role: 'user', content: `m${i}` }));
    const thread = await call(mock.baseURL, 'POST', '/threads', { messages }, beta);
    const path = `/threads/${String(thread.json.id)}/messages`;
    const first = await call(mock.baseURL, 'GET', `${path}?order=asc`, undefined, beta);
    expect((first.json.data as unknown[]).length).toBe(20);
    expect(first.json.has_more).toBe(true);
    expect(openapiErrors('ListMessagesResponse', first.json)).toEqual([]);
    const rest = await call(
      mock.baseURL,
      'GET',
      `${path}?order=asc&after=${String(first.json.last_id)}`,
      undefined,
      beta,
    );
    expect((rest.json.data as unknown[]).length).toBe(5);
    expect(rest.json.has_more).toBe(false);
    expect((await call(mock.baseURL, 'GET', `${path}?limit=101`, undefined, beta)).status).toBe(400);
    const none = await call(mock.baseURL, 'GET', `${path}?run_id=run_x`, undefined, beta);
    expect(none.json.data).toEqual([]);
  });

  it('assistants: an empty list is still schema-valid', async () => {
    const { json } = await call(mock.baseURL, 'GET', '/assistants', undefined, beta);
    expect(openapiErrors('ListAssistantsResponse', json)).toEqual([]);
    expect(json).toMatchObject({ data: [], has_more: false });
  });
});

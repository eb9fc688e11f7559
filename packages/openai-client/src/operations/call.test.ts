import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from '../client.js';
import { multipartBody } from '../endpoints/multipart.js';
import { APIUserAbortError, ValidationError } from '../errors.js';
import type { components } from '../generated/openai-api.js';
import { type PeerRequest, type SpecPeer, startSpecPeer } from '../test-support/spec-peer.js';
import { TRANSPORTS } from '../test-support/transports.js';

type Schemas = components['schemas'];

// `client.call()` against a 127.0.0.1 peer that validates every request (path, query, body) against the
// official description's schemas and answers canned bodies validated against the response schemas: a
// request the description would refuse, or an answer it would not give, is a problem the test reports.

const NOW = 1_767_000_000;
const batch = (id: string, status: Schemas['Batch']['status'] = 'validating'): Schemas['Batch'] => ({
  id,
  object: 'batch',
  endpoint: '/v1/chat/completions',
  input_file_id: 'file_in',
  completion_window: '24h',
  status,
  created_at: NOW,
});
const vectorStore = (id: string): Schemas['VectorStoreObject'] => ({
  id,
  object: 'vector_store',
  created_at: NOW,
  name: 'docs',
  usage_bytes: 0,
  file_counts: { in_progress: 0, completed: 1, failed: 0, cancelled: 0, total: 1 },
  status: 'completed',
  last_active_at: NOW,
  metadata: {},
});
const upload = (id: string, status: Schemas['Upload']['status']): Schemas['Upload'] => ({
  id,
  object: 'upload',
  bytes: 5,
  created_at: NOW,
  expires_at: NOW + 3600,
  filename: 'notes.jsonl',
  purpose: 'batch',
  status,
});

const REPLIES = {
  'POST /batches': (request: PeerRequest) =>
    batch('batch_1', (request.body as { endpoint?: string }).endpoint ? 'validating' : 'failed'),
  'GET /batches': { object: 'list', data: [batch('batch_1'), batch('batch_2')], has_more: false },
  'GET /batches/{batch_id}': (request: PeerRequest) => batch(request.path.batch_id as string, 'in_progress'),
  'POST /batches/{batch_id}/cancel': (request: PeerRequest) =>
    batch(request.path.batch_id as string, 'cancelling'),
  'POST /vector_stores': vectorStore('vs_1'),
  'GET /vector_stores/{vector_store_id}': (request: PeerRequest) =>
    vectorStore(request.path.vector_store_id as string),
  'POST /vector_stores/{vector_store_id}/search': {
    object: 'vector_store.search_results.page',
    search_query: ['what is wireai'],
    data: [
      {
        file_id: 'file_1',
        filename: 'README.md',
        score: 0.9,
        attributes: {},
        content: [{ type: 'text', text: 'wireai is a port of lua-openai' }],
      },
    ],
    has_more: false,
    next_page: null,
  },
  'GET /vector_stores/{vector_store_id}/files': {
    object: 'list',
    data: [],
    first_id: '',
    last_id: '',
    has_more: false,
  },
  'DELETE /vector_stores/{vector_store_id}': (request: PeerRequest) => ({
    id: request.path.vector_store_id,
    object: 'vector_store.deleted',
    deleted: true,
  }),
  'POST /uploads': upload('upload_1', 'pending'),
  'POST /uploads/{upload_id}/parts': (request: PeerRequest) => ({
    id: 'part_1',
    object: 'upload.part',
    created_at: NOW,
    upload_id: request.path.upload_id,
  }),
  'POST /uploads/{upload_id}/complete': upload('upload_1', 'completed'),
};

let peer: SpecPeer;
beforeAll(async () => {
  peer = await startSpecPeer(REPLIES);
}, 120_000);
afterAll(() => peer.close());
afterEach(() => {
  // A request the description refuses, or a canned answer it would not give, fails the test that made it.
  expect(peer.problems.splice(0)).toEqual([]);
});

describe.each(TRANSPORTS)('client.call() against a spec-validated peer, over %s', (_name, create) => {
  const client = () => new OpenAI('sk-test', { baseURL: peer.baseURL, transport: create(), maxRetries: 0 });

  it('drives batches: create, list with a query, retrieve, cancel', async () => {
    const openai = client();
    const created = await openai.call('POST /batches', {
      body: {
        input_file_id: 'file_in',
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        metadata: { team: 'a' },
      },
    });
    expect(created.ok && created.body.status).toBe('validating');
    const listed = await openai.call('GET /batches', { query: { limit: 2, after: 'batch_0' } });
    expect(listed.ok && listed.body.data.map((item) => item.id)).toEqual(['batch_1', 'batch_2']);
    expect(peer.requests.at(-1)?.query).toEqual({ limit: 2, after: 'batch_0' });
    const got = await openai.call('GET /batches/{batch_id}', { path: { batch_id: 'batch_1' } });
    expect(got.ok && got.body.status).toBe('in_progress');
    const cancelled = await openai.call('POST /batches/{batch_id}/cancel', { path: { batch_id: 'batch_1' } });
    expect(cancelled.ok && cancelled.body.status).toBe('cancelling');
    expect(cancelled.requestId).toMatch(/^req_/);
  });

  it('drives vector stores: create, retrieve, search, list files with a filter, delete', async () => {
    const openai = client();
    const created = await openai.call('POST /vector_stores', {
      body: { name: 'docs', file_ids: ['file_1'] },
    });
    expect(created.ok && created.body.id).toBe('vs_1');
    const got = await openai.call('GET /vector_stores/{vector_store_id}', {
      path: { vector_store_id: 'vs_1' },
    });
    expect(got.ok && got.body.file_counts.total).toBe(1);
    const found = await openai.call('POST /vector_stores/{vector_store_id}/search', {
      path: { vector_store_id: 'vs_1' },
      body: { query: 'what is wireai', max_num_results: 3, rewrite_query: false },
    });
    expect(found.ok && found.body.data[0]?.filename).toBe('README.md');
    const files = await openai.call('GET /vector_stores/{vector_store_id}/files', {
      path: { vector_store_id: 'vs_1' },
      query: { filter: 'completed', order: 'desc', limit: 10 },
    });
    expect(files.ok && files.body.has_more).toBe(false);
    expect(peer.requests.at(-1)?.query).toEqual({ filter: 'completed', order: 'desc', limit: 10 });
    const deleted = await openai.call('DELETE /vector_stores/{vector_store_id}', {
      path: { vector_store_id: 'vs_1' },
    });
    expect(deleted.ok && deleted.body.deleted).toBe(true);
  });

  it('drives uploads: create, add a multipart part (rawBody), complete', async () => {
    const openai = client();
    const created = await openai.call('POST /uploads', {
      body: { filename: 'notes.jsonl', purpose: 'batch', bytes: 5, mime_type: 'text/jsonl' },
    });
    expect(created.ok && created.body.status).toBe('pending');
    const part = await openai.call('POST /uploads/{upload_id}/parts', {
      path: { upload_id: 'upload_1' },
      rawBody: multipartBody({}, { data: { data: 'hello', filename: 'part-1' } }),
    });
    expect(part.ok && part.body.upload_id).toBe('upload_1');
    expect(peer.requests.at(-1)?.body).toEqual(['data']);
    const done = await openai.call('POST /uploads/{upload_id}/complete', {
      path: { upload_id: 'upload_1' },
      body: { part_ids: ['part_1'] },
    });
    expect(done.ok && done.body.status).toBe('completed');
  });

  it('encodes a path parameter into one segment', async () => {
    const got = await client().call('GET /batches/{batch_id}', { path: { batch_id: 'a/b?c#d' } });
    expect(peer.requests.at(-1)?.path).toEqual({ batch_id: 'a/b?c#d' });
    expect(got.ok && got.body.id).toBe('a/b?c#d');
  });

  it('sends the client’s and the call’s headers, as every other call does', async () => {
    const openai = new OpenAI('sk-test', {
      baseURL: peer.baseURL,
      transport: create(),
      organization: 'org_1',
    });
    await openai.call('GET /batches', { headers: { 'x-trace': 't1' } });
    const headers = peer.requests.at(-1)?.headers;
    expect(headers).toMatchObject({
      authorization: 'Bearer sk-test',
      'openai-organization': 'org_1',
      'x-trace': 't1',
    });
  });
});

describe('client.call() refuses bad parameters before sending anything', () => {
  const client = () =>
    new OpenAI('sk-test', { baseURL: peer.baseURL, transport: TRANSPORTS[0]![1](), maxRetries: 0 });
  const refused = async (promise: Promise<unknown>) => {
    const before = peer.requests.length;
    const error = await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(peer.requests.length).toBe(before);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  };
  // As plain JavaScript would call it, whatever the types say.
  const untyped = (openai: OpenAI) => (key: string, params?: unknown) =>
    (openai.call as (...args: unknown[]) => Promise<unknown>).call(openai, key, params);

  it('a missing path parameter', async () => {
    expect(await refused(untyped(client())('GET /batches/{batch_id}', {}))).toEqual([
      { path: 'path.batch_id', message: 'required (a non-empty string), got undefined' },
    ]);
  });

  it('a path parameter of another name, and one that would leave its segment', async () => {
    const issues = await refused(
      untyped(client())('GET /vector_stores/{vector_store_id}/files/{file_id}', {
        path: { vector_store_id: '..', id: 'file_1' },
      }),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'path.file_id',
      'path.id',
      'path.vector_store_id',
    ]);
  });

  it('path parameters for an operation that has none', async () => {
    expect(await refused(untyped(client())('GET /batches', { path: { batch_id: 'b' } }))).toEqual([
      { path: 'path.batch_id', message: 'this operation has no path parameters' },
    ]);
  });

  it('a key that is not METHOD /path, an unknown field, a bad query value, a stream', async () => {
    await refused(untyped(client())('post /batches', {}));
    expect((await refused(untyped(client())('GET /batches', { params: {} })))[0]?.path).toBe('params');
    expect(await refused(untyped(client())('GET /batches', { query: { limit: Number.NaN } }))).toEqual([
      {
        path: 'query.limit',
        message: 'expected a string, a finite number, a boolean, or an array or object of them, got NaN',
      },
    ]);
    expect(
      (
        await refused(
          untyped(client())('POST /chat/completions', { body: { model: 'm', messages: [], stream: true } }),
        )
      )[0]?.path,
    ).toBe('body.stream');
    expect((await refused(untyped(client())('GET /batches', { timeout: -1 })))[0]?.path).toBe('timeout');
  });

  it('an aborted signal: nothing sent, APIUserAbortError', async () => {
    const before = peer.requests.length;
    await expect(client().call('GET /batches', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(peer.requests.length).toBe(before);
  });
});

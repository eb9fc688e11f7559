import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from '../client.js';
import { MalformedResponseError } from '../errors.js';
import { TRANSPORTS } from '../test-support/transports.js';

// lua-openai returns a body that is not JSON as its text. `request()` (lua's `_request`, body `unknown`)
// does the same for a 2xx; the typed methods promise the API's object and reject instead.
describe.each(TRANSPORTS)('a 2xx body that is not JSON, over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI();
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, maxRetries: 0, transport: createTransport() });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  const plainText = (body: string) => () => ({
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body,
  });

  it('comes back as text from request(), as lua-openai returns it', async () => {
    mock.handle('GET /models', plainText('OK: 3 models, café'));
    const result = await client.request({ method: 'GET', path: '/models' });
    expect(result).toMatchObject({ ok: true, status: 200, body: 'OK: 3 models, café' });
  });

  it('comes back as text from request() when it only looks like JSON', async () => {
    mock.fault({ malformedJson: true });
    const result = await client.request({ method: 'GET', path: '/models' });
    expect(result.ok).toBe(true);
    expect(typeof result.body).toBe('string');
    expect(() => JSON.parse(result.body as string)).toThrow(SyntaxError);
  });

  it('still rejects from a typed method, whose result promises the API object', async () => {
    mock.handle('GET /models', plainText('OK'));
    const error = await client.models().catch((caught: unknown) => caught);
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect((error as MalformedResponseError).message).toBe('GET /models: the response body is not JSON: OK');
  });

  it('leaves JSON parsed and an empty 2xx undefined in request()', async () => {
    const models = await client.request<{ object: string }>({ method: 'GET', path: '/models' });
    expect(models.ok && models.body.object).toBe('list');
    mock.handle('GET /models', () => ({ status: 200 }));
    expect((await client.request({ method: 'GET', path: '/models' })).body).toBeUndefined();
  });
});

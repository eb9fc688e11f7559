import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { TRANSPORTS } from './test-support/transports.js';
import type { ChatCompletionChunk, ResponseStreamEvent } from './types.js';

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
};

describe.each(TRANSPORTS)('every endpoint over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI({ apiKey: 'sk-test' });
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport() });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('createChatCompletion', async () => {
    const result = await client.createChatCompletion([{ role: 'user', content: 'Hello' }], {
      temperature: 0.2,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.choices[0]?.message.content).toBe('Echo: Hello');
    expect(result.requestId).toMatch(/^req_/);
    expect(mock.requests[0]?.body).toMatchObject({
      model: 'gpt-4.1',
      temperature: 0.2,
      messages: [{ role: 'user', content: 'Hello' }],
    });
  });

  it('createChatCompletion streaming with the callback: every raw chunk, then an ok result', async () => {
    const chunks: ChatCompletionChunk[] = [];
    const result = await client.createChatCompletion(
      [{ role: 'user', content: 'one two' }],
      { stream: true },
      (chunk) => void chunks.push(chunk),
    );
    expect(result.ok).toBe(true);
    expect(chunks[0]?.object).toBe('chat.completion.chunk');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Echo: one two');
  });

  it('chat: the legacy callback gets lua-openai’s filtered deltas', async () => {
    const deltas: unknown[] = [];
    await client.chat(
      [{ role: 'user', content: 'a b' }],
      { stream: true },
      (delta) => void deltas.push(delta),
    );
    expect(deltas).toEqual([
      { content: '', index: 0 },
      { content: 'Echo: ', index: 0 },
      { content: 'a ', index: 0 },
      { content: 'b', index: 0 },
    ]);
  });

  it('chat: with stream_options.include_usage, the usage chunk arrives as a delta with usage', async () => {
    const deltas: Array<{ content?: string; usage?: { total_tokens: number } }> = [];
    await client.chat(
      [{ role: 'user', content: 'a b' }],
      { stream: true, stream_options: { include_usage: true } },
      (delta) => void deltas.push(delta),
    );
    expect(deltas.map((delta) => delta.content ?? '').join('')).toBe('Echo: a b');
    expect(deltas.filter((delta) => delta.usage)).toHaveLength(1);
    expect(deltas.at(-1)).toEqual({
      index: 0,
      usage: expect.objectContaining({ total_tokens: expect.any(Number) }),
    });
  });

  it('chat: tool calls arrive as deltas with tool_calls', async () => {
    const deltas: Array<{ tool_calls?: unknown }> = [];
    await client.chat(
      [{ role: 'user', content: 'weather in Paris' }],
      { stream: true, tools: [weather] },
      (delta) => void deltas.push(delta),
    );
    expect(deltas.some((delta) => delta.tool_calls !== undefined)).toBe(true);
  });

  it('streamChatCompletion: typed chunks in a for-await loop', async () => {
    let text = '';
    for await (const chunk of client.streamChatCompletion([{ role: 'user', content: 'streamed words' }])) {
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('Echo: streamed words');
    expect(mock.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('createResponse, response, cancelResponse, deleteResponse', async () => {
    const created = await client.createResponse('Hi', { instructions: 'brief', background: true });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.body.output[0]).toMatchObject({ type: 'message' });
    const id = created.body.id;
    const fetched = await client.response(id);
    expect(fetched.ok && fetched.body.id).toBe(id);
    const cancelled = await client.cancelResponse(id);
    expect(cancelled.ok && cancelled.body.status).toBe('cancelled');
    const deleted = await client.deleteResponse(id);
    expect(deleted.ok && deleted.body.deleted).toBe(true);
    const gone = await client.response(id);
    expect(gone.ok).toBe(false);
    expect(gone.status).toBe(404);
  });

  it('createResponse continues with previous_response_id', async () => {
    const first = await client.createResponse([{ role: 'user', content: 'one' }]);
    if (!first.ok) throw new Error('first failed');
    const second = await client.createResponse('two', { previous_response_id: first.body.id });
    expect(second.ok && second.body.previous_response_id).toBe(first.body.id);
  });

  it('createResponse streaming with the callback, and streamResponse with for-await', async () => {
    const events: ResponseStreamEvent[] = [];
    const result = await client.createResponse('x y', { stream: true }, (event) => void events.push(event));
    expect(result.ok).toBe(true);
    expect(events[0]?.type).toBe('response.created');
    expect(events.at(-1)?.type).toBe('response.completed');
    let text = '';
    for await (const event of client.streamResponse('p q'))
      if (event.type === 'response.output_text.delta') text += event.delta;
    expect(text).toBe('Echo: p q');
  });

  it('completion, embedding, moderation, models, model', async () => {
    const completion = await client.completion('Say hi');
    expect(completion.ok && completion.body.choices[0]?.text).toBe('Echo: Say hi');
    expect(mock.requests[0]?.body).toMatchObject({ temperature: 0.5, max_tokens: 600 });
    const embedding = await client.embedding(['a', 'b'], { dimensions: 8 });
    expect(embedding.ok && embedding.body.data.map((item) => item.embedding.length)).toEqual([8, 8]);
    const moderation = await client.moderation('kill the process');
    expect(moderation.ok && moderation.body.results[0]?.flagged).toBe(true);
    const models = await client.models();
    expect(models.ok && models.body.data.length).toBeGreaterThan(0);
    const model = await client.model('gpt-4.1');
    expect(model.ok && model.body.id).toBe('gpt-4.1');
  });

  it('uploadFile (multipart built by the client), files, file, deleteFile', async () => {
    const uploaded = await client.uploadFile({
      purpose: 'assistants',
      filename: 'notes.txt',
      data: 'hello file',
      contentType: 'text/plain',
    });
    expect(uploaded.ok).toBe(true);
    if (!uploaded.ok) return;
    expect(uploaded.body).toMatchObject({ filename: 'notes.txt', bytes: 10, purpose: 'assistants' });
    const list = await client.files();
    expect(list.ok && list.body.data.map((file) => file.id)).toEqual([uploaded.body.id]);
    expect((await client.file(uploaded.body.id)).ok).toBe(true);
    const deleted = await client.deleteFile(uploaded.body.id);
    expect(deleted.ok && deleted.body.deleted).toBe(true);
  });

  it('uploadFile streams a file given as chunks', async () => {
    async function* chunks() {
      yield new TextEncoder().encode('part one, ');
      yield new TextEncoder().encode('part two');
    }
    const uploaded = await client.uploadFile({ purpose: 'batch', filename: 'big.jsonl', data: chunks() });
    expect(uploaded.ok && uploaded.body.bytes).toBe(18);
  });

  it('imageGeneration', async () => {
    const images = await client.imageGeneration({ prompt: 'a cat', model: 'gpt-image-1' });
    expect(images.ok && images.body.data?.[0]?.b64_json).toBeTruthy();
  });

  it('assistants, threads, threadMessages, deleteThread — with the OpenAI-Beta header', async () => {
    expect((await client.assistants()).ok).toBe(true);
    const thread = await client.request<{ id: string }>({
      method: 'POST',
      path: '/threads',
      body: { messages: [{ role: 'user', content: 'hi' }] },
      headers: { 'OpenAI-Beta': 'assistants=v2' },
    });
    if (!thread.ok) throw new Error('thread not created');
    const listed = await client.threads();
    expect(listed.ok && listed.body.data.map((item) => item.id)).toEqual([thread.body.id]);
    const messages = await client.threadMessages(thread.body.id);
    expect(messages.ok && messages.body.data.length).toBe(1);
    const deleted = await client.deleteThread(thread.body.id);
    expect(deleted.ok && deleted.body.deleted).toBe(true);
    expect(mock.requests.at(-1)?.headers['openai-beta']).toBe('assistants=v2');
  });

  it('request(): the public low-level call, resolving a non-2xx as a result', async () => {
    const result = await client.request({ method: 'GET', path: '/nope' });
    expect(result).toMatchObject({
      ok: false,
      status: 404,
      body: { error: { message: 'Invalid URL (GET /v1/nope)' } },
    });
  });

  it('sends the key as a bearer token and never shows it', async () => {
    expect(mock.requests).toEqual([]);
    await client.models();
    expect(mock.requests[0]?.headers.authorization).toBe('[redacted]');
    expect(String(client)).not.toContain('sk-test');
    expect(JSON.stringify(client)).not.toContain('sk-test');
  });
});

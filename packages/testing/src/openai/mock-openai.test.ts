import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, stream } from '../test-support/http.js';
import { openapiErrors } from '../test-support/openapi.js';
import { type MockOpenAIServer, startMockOpenAI } from './mock-openai.js';

let mock: MockOpenAIServer;
let base: string;
beforeAll(async () => {
  mock = await startMockOpenAI();
  base = mock.baseURL;
  // Parsing and compiling the 3 MB description takes a while on a busy machine: once, here.
  openapiErrors('ErrorResponse', {});
}, 60_000);
afterEach(() => mock.reset());
afterAll(() => mock.close());

const user = (content: string) => [{ role: 'user', content }];
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
};

describe('chat completions', () => {
  it('echoes the last user message, in the shape of CreateChatCompletionResponse', async () => {
    const { status, json, headers } = await call(base, 'POST', '/chat/completions', {
      model: 'gpt-4.1',
      messages: user('Hello'),
    });
    expect(status).toBe(200);
    expect(openapiErrors('CreateChatCompletionResponse', json)).toEqual([]);
    expect(json.choices).toMatchObject([
      { message: { role: 'assistant', content: 'Echo: Hello' }, finish_reason: 'stop' },
    ]);
    expect(headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('streams the reply word by word as chat.completion.chunk events ending in [DONE]', async () => {
    const { events, discarded } = await stream(base, '/chat/completions', {
      model: 'gpt-4.1',
      messages: user('Hello there'),
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(discarded).toBe(false);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
    for (const chunk of chunks)
      expect(openapiErrors('CreateChatCompletionStreamResponse', chunk)).toEqual([]);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe('Echo: Hello there');
    expect(chunks.filter((chunk) => chunk.choices.length > 0 && chunk.choices[0].delta.content).length).toBe(
      3,
    );
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1).usage.total_tokens).toBeGreaterThan(0);
  });

  it('calls a tool when the user asks for what it does, with arguments from its schema', async () => {
    const { json } = await call(base, 'POST', '/chat/completions', {
      model: 'gpt-4.1',
      messages: user("What's the weather in Paris?"),
      tools: [weatherTool],
    });
    expect(openapiErrors('CreateChatCompletionResponse', json)).toEqual([]);
    const [choice] = json.choices as Array<{
      finish_reason: string;
      message: { tool_calls: Array<{ function: { name: string; arguments: string } }> };
    }>;
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.tool_calls[0]?.function.name).toBe('get_weather');
    expect(JSON.parse(choice?.message.tool_calls[0]?.function.arguments ?? '')).toEqual({
      location: 'Paris',
    });
  });

  it('streams tool calls by index, the arguments in pieces', async () => {
    const { events } = await stream(base, '/chat/completions', {
      model: 'gpt-4.1',
      messages: user('weather in Oslo please'),
      tools: [weatherTool],
      stream: true,
    });
    const deltas = events
      .slice(0, -1)
      .flatMap((event) => JSON.parse(event.data).choices[0].delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(deltas.length).toBeGreaterThan(2);
    expect(
      JSON.parse(
        deltas.map((delta: { function: { arguments: string } }) => delta.function.arguments).join(''),
      ),
    ).toEqual({ location: 'Oslo' });
  });

  it('answers a tool result with text', async () => {
    const { json } = await call(base, 'POST', '/chat/completions', {
      model: 'gpt-4.1',
      messages: [
        ...user('weather in Paris?'),
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '22°C and sunny' },
      ],
      tools: [weatherTool],
    });
    expect((json.choices as Array<{ message: { content: string } }>)[0]?.message.content).toBe(
      'The tool returned: 22°C and sunny',
    );
  });

  it('answers a legacy function_call when functions are declared', async () => {
    const { json } = await call(base, 'POST', '/chat/completions', {
      model: 'gpt-4.1',
      messages: user('What is the weather in Rome?'),
      functions: [weatherTool.function],
    });
    const [choice] = json.choices as Array<{
      finish_reason: string;
      message: { function_call: { name: string; arguments: string } };
    }>;
    expect(choice?.finish_reason).toBe('function_call');
    expect(choice?.message.function_call.name).toBe('get_weather');
  });

  it('answers structured output that satisfies the requested schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        population: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['city', 'population', 'tags'],
      additionalProperties: false,
    };
    const { json } = await call(base, 'POST', '/chat/completions', {
      model: 'gpt-4.1',
      messages: user('Tell me about Lyon'),
      response_format: { type: 'json_schema', json_schema: { name: 'city', schema, strict: true } },
    });
    const content = JSON.parse(
      (json.choices as Array<{ message: { content: string } }>)[0]?.message.content ?? '',
    );
    expect(Object.keys(content).sort()).toEqual(['city', 'population', 'tags']);
    expect(typeof content.population).toBe('number');
  });

  it.each([
    [{ model: 'gpt-4.1' }, 'messages', 'missing_required_parameter'],
    [{ model: 'gpt-4.1', messages: [] }, 'messages', 'empty_array'],
    [
      {
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'a' },
          { role: 'robot', content: 'b' },
        ],
      },
      'messages[1].role',
      'invalid_value',
    ],
    [{ messages: user('hi') }, 'model', 'missing_required_parameter'],
  ])('rejects a malformed request with 400 naming the parameter (%j)', async (body, param, code) => {
    const { status, json } = await call(base, 'POST', '/chat/completions', body);
    expect(status).toBe(400);
    expect(openapiErrors('ErrorResponse', json)).toEqual([]);
    expect(json.error).toMatchObject({ param, code, type: 'invalid_request_error' });
  });

  it('rejects a body that is not JSON', async () => {
    const response = await fetch(`${base}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'could not parse the JSON body',
    );
  });
});

describe('responses', () => {
  it('creates a Response in the shape of the description', async () => {
    const { json } = await call(base, 'POST', '/responses', {
      model: 'gpt-4.1',
      input: 'Hi',
      instructions: 'Be brief',
    });
    expect(openapiErrors('Response', json)).toEqual([]);
    expect(json).toMatchObject({ object: 'response', status: 'completed', instructions: 'Be brief' });
    expect((json.output as Array<{ content: Array<{ text: string }> }>)[0]?.content[0]?.text).toBe(
      'Echo: Hi',
    );
  });

  it('streams the real event sequence, from response.created to response.completed', async () => {
    const { events } = await stream(base, '/responses', {
      model: 'gpt-4.1',
      input: 'Hello world',
      stream: true,
    });
    const types = events.map((event) => event.event);
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const payloads = events.map((event) => JSON.parse(event.data));
    for (const payload of payloads) expect(openapiErrors('ResponseStreamEvent', payload)).toEqual([]);
    expect(payloads.map((payload) => payload.sequence_number)).toEqual(payloads.map((_, index) => index));
    expect(
      payloads
        .filter((p) => p.type === 'response.output_text.delta')
        .map((p) => p.delta)
        .join(''),
    ).toBe('Echo: Hello world');
  });

  it('streams a function call with its arguments', async () => {
    const { events } = await stream(base, '/responses', {
      model: 'gpt-4.1',
      input: [{ role: 'user', content: 'weather in Paris' }],
      tools: [{ type: 'function', ...weatherTool.function }],
      stream: true,
    });
    const payloads = events.map((event) => JSON.parse(event.data));
    for (const payload of payloads) expect(openapiErrors('ResponseStreamEvent', payload)).toEqual([]);
    const done = payloads.find((payload) => payload.type === 'response.function_call_arguments.done');
    expect(JSON.parse(done.arguments)).toEqual({ location: 'Paris' });
    expect(payloads.at(-1).response.output[0]).toMatchObject({ type: 'function_call', name: 'get_weather' });
  });

  it('chains with previous_response_id, and rejects an unknown one', async () => {
    const first = await call(base, 'POST', '/responses', { model: 'gpt-4.1', input: 'one' });
    const second = await call(base, 'POST', '/responses', {
      model: 'gpt-4.1',
      input: 'two',
      previous_response_id: first.json.id,
    });
    expect(second.json.previous_response_id).toBe(first.json.id);
    const unknown = await call(base, 'POST', '/responses', {
      model: 'gpt-4.1',
      input: 'x',
      previous_response_id: 'resp_nope',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ param: 'previous_response_id' });
  });

  it('gets, cancels (background only) and deletes a stored response', async () => {
    const created = await call(base, 'POST', '/responses', {
      model: 'gpt-4.1',
      input: 'keep me',
      background: true,
    });
    const id = String(created.json.id);
    expect((await call(base, 'GET', `/responses/${id}`)).json.id).toBe(id);
    const cancelled = await call(base, 'POST', `/responses/${id}/cancel`);
    expect(cancelled.json.status).toBe('cancelled');
    const foreground = await call(base, 'POST', '/responses', { model: 'gpt-4.1', input: 'x' });
    expect((await call(base, 'POST', `/responses/${String(foreground.json.id)}/cancel`)).status).toBe(400);
    expect((await call(base, 'DELETE', `/responses/${id}`)).json).toEqual({
      id,
      object: 'response.deleted',
      deleted: true,
    });
    expect((await call(base, 'GET', `/responses/${id}`)).status).toBe(404);
  });

  it('rejects an input item with a bad role', async () => {
    const { status, json } = await call(base, 'POST', '/responses', {
      model: 'gpt-4.1',
      input: [{ role: 'robot', content: 'x' }],
    });
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ param: 'input[0].role' });
  });
});

describe('other endpoints', () => {
  it('completions', async () => {
    const { json } = await call(base, 'POST', '/completions', {
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say hi',
    });
    expect(openapiErrors('CreateCompletionResponse', json)).toEqual([]);
  });

  it('embeddings: deterministic per input, float or base64', async () => {
    const a = await call(base, 'POST', '/embeddings', {
      model: 'text-embedding-3-small',
      input: ['cat', 'dog', 'cat'],
    });
    expect(openapiErrors('CreateEmbeddingResponse', a.json)).toEqual([]);
    const [cat, dog, catAgain] = (a.json.data as Array<{ embedding: number[] }>).map(
      (item) => item.embedding,
    );
    expect(cat).toEqual(catAgain);
    expect(cat).not.toEqual(dog);
    expect(cat).toHaveLength(16);
    const b64 = await call(base, 'POST', '/embeddings', {
      model: 'm',
      input: 'cat',
      encoding_format: 'base64',
      dimensions: 4,
    });
    const bytes = Buffer.from((b64.json.data as Array<{ embedding: string }>)[0]?.embedding ?? '', 'base64');
    expect(bytes.length).toBe(16);
  });

  it('moderations flag violence, and pass other text', async () => {
    const { json } = await call(base, 'POST', '/moderations', {
      input: ['I will kill the process', 'hello'],
    });
    expect(openapiErrors('CreateModerationResponse', json)).toEqual([]);
    expect((json.results as Array<{ flagged: boolean }>).map((result) => result.flagged)).toEqual([
      true,
      false,
    ]);
  });

  it('models: list and one', async () => {
    expect(openapiErrors('ListModelsResponse', (await call(base, 'GET', '/models')).json)).toEqual([]);
    expect(openapiErrors('Model', (await call(base, 'GET', '/models/gpt-4.1')).json)).toEqual([]);
    expect((await call(base, 'GET', '/models/nope')).status).toBe(404);
  });

  it('files: multipart upload, list, get, delete', async () => {
    const form = new FormData();
    form.append('purpose', 'assistants');
    form.append('file', new Blob(['{"a":1}\n'], { type: 'application/jsonl' }), 'data.jsonl');
    const uploaded = (await (await fetch(`${base}/files`, { method: 'POST', body: form })).json()) as Record<
      string,
      unknown
    >;
    expect(openapiErrors('OpenAIFile', uploaded)).toEqual([]);
    expect(uploaded).toMatchObject({ filename: 'data.jsonl', bytes: 8, purpose: 'assistants' });
    expect(openapiErrors('ListFilesResponse', (await call(base, 'GET', '/files')).json)).toEqual([]);
    expect((await call(base, 'GET', `/files/${String(uploaded.id)}`)).json.id).toBe(uploaded.id);
    const deleted = await call(base, 'DELETE', `/files/${String(uploaded.id)}`);
    expect(openapiErrors('DeleteFileResponse', deleted.json)).toEqual([]);
    expect(mock.requests[0]?.body).toMatchObject({
      purpose: 'assistants',
      file: { filename: 'data.jsonl', size: 8 },
    });
  });

  it('files: an upload without a file is a 400', async () => {
    const form = new FormData();
    form.append('purpose', 'assistants');
    const response = await fetch(`${base}/files`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
  });

  it('images', async () => {
    const { json } = await call(base, 'POST', '/images/generations', {
      model: 'gpt-image-1',
      prompt: 'a cat',
    });
    expect(openapiErrors('ImagesResponse', json)).toEqual([]);
    expect(
      Buffer.from((json.data as Array<{ b64_json: string }>)[0]?.b64_json ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('assistants and threads, with the OpenAI-Beta header the API requires', async () => {
    const beta = { 'OpenAI-Beta': 'assistants=v2' };
    expect(
      openapiErrors('ListAssistantsResponse', (await call(base, 'GET', '/assistants', undefined, beta)).json),
    ).toEqual([]);
    const thread = await call(
      base,
      'POST',
      '/threads',
      { messages: [{ role: 'user', content: 'hi' }] },
      beta,
    );
    expect(openapiErrors('ThreadObject', thread.json)).toEqual([]);
    const id = String(thread.json.id);
    const messages = await call(base, 'GET', `/threads/${id}/messages`, undefined, beta);
    expect(openapiErrors('ListMessagesResponse', messages.json)).toEqual([]);
    expect((messages.json.data as unknown[]).length).toBe(1);
    const deleted = await call(base, 'DELETE', `/threads/${id}`, undefined, beta);
    expect(openapiErrors('DeleteThreadResponse', deleted.json)).toEqual([]);
    const noBeta = await call(base, 'DELETE', `/threads/${id}`);
    expect(noBeta.status).toBe(400);
    expect(String(noBeta.json.error?.message)).toContain("'OpenAI-Beta'");
    const v1 = await call(base, 'GET', '/assistants', undefined, { 'OpenAI-Beta': 'assistants=v1' });
    expect(String(v1.json.error?.message)).toContain('deprecated');
  });

  it('answers an unknown path with 404 Invalid URL', async () => {
    const { status, json } = await call(base, 'POST', '/nope');
    expect(status).toBe(404);
    expect(json.error?.message).toBe('Invalid URL (POST /v1/nope)');
  });

  it('answers CORS preflights', async () => {
    const response = await fetch(`${base}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://page.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('authorisation and recording', () => {
  it('checks the key when configured, with the API’s 401 shape, and redacts it in the record', async () => {
    const secured = await startMockOpenAI({ apiKey: 'sk-right' });
    try {
      const none = await call(secured.baseURL, 'GET', '/models');
      expect(none.status).toBe(401);
      expect(String(none.json.error?.message)).toContain("didn't provide an API key");
      const wrong = await call(secured.baseURL, 'GET', '/models', undefined, {
        authorization: 'Bearer sk-wrong',
      });
      expect(wrong.json.error).toMatchObject({ code: 'invalid_api_key' });
      expect(wrong.text).not.toContain('sk-wrong');
      const right = await call(secured.baseURL, 'GET', '/models', undefined, {
        authorization: 'Bearer sk-right',
      });
      expect(right.status).toBe(200);
      expect(secured.requests.map((request) => request.headers.authorization)).toEqual([
        undefined,
        '[redacted]',
        '[redacted]',
      ]);
      expect(JSON.stringify(secured.requests)).not.toContain('sk-right');
    } finally {
      await secured.close();
    }
  });

  it('records method, path, route and parsed body', async () => {
    await call(base, 'POST', '/chat/completions?x=1', { model: 'gpt-4.1', messages: user('hi') });
    expect(mock.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/chat/completions?x=1',
        route: 'POST /chat/completions',
        body: { model: 'gpt-4.1', messages: user('hi') },
      }),
    ]);
  });
});

describe('scripted replies', () => {
  it('answers from a queue per route, then falls back to the default', async () => {
    mock.script(
      'POST /chat/completions',
      { text: 'first' },
      { toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }] },
    );
    const body = { model: 'gpt-4.1', messages: user('hi') };
    const contents = [];
    for (let i = 0; i < 3; i++)
      contents.push(
        ((await call(base, 'POST', '/chat/completions', body)).json.choices as Array<{ message: unknown }>)[0]
          ?.message,
      );
    expect(contents[0]).toMatchObject({ content: 'first' });
    expect(contents[1]).toMatchObject({
      tool_calls: [{ function: { name: 'lookup', arguments: '{"q":"x"}' } }],
    });
    expect(contents[2]).toMatchObject({ content: 'Echo: hi' });
  });

  it('streams a scripted text reply for a streaming request', async () => {
    mock.script('POST /responses', { text: 'scripted words here' });
    const { events } = await stream(base, '/responses', { model: 'gpt-4.1', input: 'x', stream: true });
    const deltas = events
      .map((event) => JSON.parse(event.data))
      .filter((event) => event.type === 'response.output_text.delta');
    expect(deltas.map((event) => event.delta).join('')).toBe('scripted words here');
  });

  it('lets a handler answer a route, falling back to the default when it returns undefined', async () => {
    mock.handle('POST /embeddings', (request) =>
      request.body.input === 'special' ? { json: { custom: true } } : undefined,
    );
    expect((await call(base, 'POST', '/embeddings', { model: 'm', input: 'special' })).json).toEqual({
      custom: true,
    });
    expect((await call(base, 'POST', '/embeddings', { model: 'm', input: 'plain' })).json.object).toBe(
      'list',
    );
  });

  it('sends scripted raw events and errors', async () => {
    mock.script(
      'POST /chat/completions',
      { events: [{ data: { custom: 1 } }, { event: 'ping', data: 'x' }] },
      { error: { status: 418, message: 'teapot' } },
    );
    const { events } = await stream(base, '/chat/completions', { model: 'gpt-4.1', messages: user('x') });
    expect(events).toEqual([
      { event: 'message', data: '{"custom":1}', id: '' },
      { event: 'ping', data: 'x', id: '' },
    ]);
    const failed = await call(base, 'POST', '/chat/completions', { model: 'gpt-4.1', messages: user('x') });
    expect(failed.status).toBe(418);
    expect(failed.json.error?.message).toBe('teapot');
  });
});

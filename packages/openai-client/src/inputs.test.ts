import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { createUndiciTransport } from '@wireai/transport-undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { ValidationError } from './errors.js';
import { createClient, Gemini, OpenRouter } from './providers/provider-clients.js';

// Every bad option, id and body value is refused before anything is sent: each row is the call, the path
// its ValidationError names, what the message says, and (checked for every row) that the server's count
// of requests did not move. Calls must reject, never throw where they are made.

let mock: MockOpenAIServer;
let client: OpenAI;
beforeAll(async () => {
  mock = await startMockOpenAI({ apiKey: 'sk-test' });
  client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createUndiciTransport() });
});
afterAll(() => mock.close());

type Call = (client: OpenAI) => unknown;
type Row = [label: string, call: Call, path: string, message: RegExp];

/** How a call failed: thrown where it was made, or rejected (a promise, or a stream's first `next()`). */
async function outcome(call: () => unknown): Promise<{ threw: boolean; error: unknown }> {
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    return { threw: true, error };
  }
  try {
    if (returned instanceof Promise) await returned;
    else if (returned && typeof returned === 'object' && Symbol.asyncIterator in returned)
      await (returned as unknown as AsyncIterator<unknown>).next();
    else return { threw: false, error: new Error(`neither a promise nor a stream: ${String(returned)}`) };
  } catch (error) {
    return { threw: false, error };
  }
  return { threw: false, error: undefined };
}

function expectIssue(error: unknown, path: string, message: RegExp): void {
  expect(ValidationError.isInstance(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  const issues = (error as ValidationError).issues;
  const issue = issues.find((candidate) => candidate.path === path);
  expect(issue, `no issue at ${path}: ${(error as Error).message}`).toBeDefined();
  expect(issue?.message).toMatch(message);
  expect((error as Error).message).toContain(`${path}: `);
}

const hi = [{ role: 'user' as const, content: 'hi' }];
const chat =
  (options: unknown, call?: unknown): Call =>
  (c) =>
    c.createChatCompletion(hi, options as never, call as never);
const circular = () => {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
};

const FINITE = /expected a finite number/;
const INTEGER = /expected an integer/;

// --- per-call options: the last argument of every method, `call.…` --------------------------------------
const CALL_ROWS: Row[] = [
  ['call.timeout NaN', (c) => c.models({ timeout: Number.NaN }), 'call.timeout', /finite number > 0.*NaN/],
  ['call.timeout -1', (c) => c.models({ timeout: -1 }), 'call.timeout', /got -1/],
  ['call.timeout 0', (c) => c.models({ timeout: 0 }), 'call.timeout', /got 0/],
  ['call.timeout "200"', (c) => c.models({ timeout: '200' as never }), 'call.timeout', /got '200'/],
  [
    'call.timeout Infinity',
    (c) => c.models({ timeout: Number.POSITIVE_INFINITY }),
    'call.timeout',
    /Infinity/,
  ],
  ['call.timeout past a timer', (c) => c.models({ timeout: 2 ** 31 }), 'call.timeout', /≤ 2147483647/],
  ['call.maxRetries NaN', (c) => c.models({ maxRetries: Number.NaN }), 'call.maxRetries', /integer ≥ 0.*NaN/],
  ['call.maxRetries -1', (c) => c.models({ maxRetries: -1 }), 'call.maxRetries', /got -1/],
  ['call.maxRetries 1.5', (c) => c.models({ maxRetries: 1.5 }), 'call.maxRetries', /got 1\.5/],
  ['call.maxRetries "2"', (c) => c.models({ maxRetries: '2' as never }), 'call.maxRetries', /got '2'/],
  ['call.signal a string', (c) => c.models({ signal: 'stop' as never }), 'call.signal', /AbortSignal/],
  ['call.headers a string', (c) => c.models({ headers: 'x: y' as never }), 'call.headers', /object/],
  [
    'call.headers bad name',
    (c) => c.models({ headers: { 'x team': 'a' } }),
    'call.headers["x team"]',
    /not a valid header name/,
  ],
  [
    'call.headers value with a line break',
    (c) => c.models({ headers: { 'x-a': 'a\r\nx-injected: 1' } }),
    'call.headers["x-a"]',
    /CR, LF/,
  ],
  [
    'call.headers value a number',
    (c) => c.models({ headers: { 'x-a': 1 as never } }),
    'call.headers["x-a"]',
    /string/,
  ],
  ['call a string', (c) => c.models('fast' as never), 'call', /expected an object of call options/],
  ['call on a chat', chat({}, { timeout: Number.NaN }), 'call.timeout', /NaN/],
  ['call on a stream', (c) => c.streamChatCompletion(hi, {}, { maxRetries: -1 }), 'call.maxRetries', /-1/],
  [
    'call on a chat stream callback',
    (c) => c.chat(hi, { stream: true }, () => 0, { timeout: -5 }),
    'call.timeout',
    /-5/,
  ],
  ['call on an id method', (c) => c.file('file-1', { timeout: Number.NaN }), 'call.timeout', /NaN/],
  [
    'call on an assistants method',
    (c) => c.assistants(undefined, { headers: { 'x-a': 'a\n' } }),
    'call.headers["x-a"]',
    /LF/,
  ],
];

// --- request(): one object, so its fields are named bare ------------------------------------------------
const REQUEST_ROWS: Row[] = [
  [
    'request timeout NaN',
    (c) => c.request({ method: 'GET', path: '/models', timeout: Number.NaN }),
    'timeout',
    /NaN/,
  ],
  [
    'request maxRetries NaN',
    (c) => c.request({ method: 'GET', path: '/models', maxRetries: Number.NaN }),
    'maxRetries',
    /NaN/,
  ],
  ['request without method', (c) => c.request({ path: '/models' } as never), 'method', /HTTP method/],
  [
    'request method with a space',
    (c) => c.request({ method: 'GET /x', path: '/models' }),
    'method',
    /HTTP method/,
  ],
  [
    'request relative path',
    (c) => c.request({ method: 'GET', path: 'models' }),
    'path',
    /starting with '\/'/,
  ],
  ['request not an object', (c) => c.request(undefined as never), 'options', /expected an object/],
  [
    'request query NaN',
    (c) => c.request({ method: 'GET', path: '/models', query: { limit: Number.NaN } }),
    'query.limit',
    /finite number/,
  ],
  [
    'request circular body',
    (c) => c.request({ method: 'POST', path: '/chat/completions', body: circular() }),
    'body.self',
    /circular reference \(back to body\)/,
  ],
  [
    'request BigInt in body',
    (c) => c.request({ method: 'POST', path: '/embeddings', body: { input: 'x', dimensions: 3n } }),
    'body.dimensions',
    /BigInt/,
  ],
  [
    'request body and rawBody',
    (c) =>
      c.request({
        method: 'POST',
        path: '/files',
        body: {},
        rawBody: { source: 'x', contentType: 'text/plain' },
      }),
    'rawBody',
    /not both/,
  ],
  [
    'request onEvent not a function',
    (c) => c.request({ method: 'POST', path: '/responses', onEvent: 'log' as never }),
    'onEvent',
    /function/,
  ],
];

// --- body options: named as the API names them --------------------------------------------------------
const NUMBER_ROWS: Row[] = [
  ...(['temperature', 'top_p', 'frequency_penalty', 'presence_penalty'] as const).flatMap((name): Row[] => [
    [`chat ${name} NaN`, chat({ [name]: Number.NaN }), name, FINITE],
    [`chat ${name} Infinity`, chat({ [name]: Number.POSITIVE_INFINITY }), name, FINITE],
    [`chat ${name} a string`, chat({ [name]: '0.5' }), name, /got '0\.5'/],
  ]),
  ...(['max_tokens', 'max_completion_tokens', 'n', 'seed', 'top_logprobs'] as const).flatMap(
    (name): Row[] => [
      [`chat ${name} NaN`, chat({ [name]: Number.NaN }), name, FINITE],
      [`chat ${name} 1.5`, chat({ [name]: 1.5 }), name, INTEGER],
    ],
  ),
  ['chat seed a BigInt', chat({ seed: 7n }), 'seed', /BigInt/],
  [
    'responses temperature NaN',
    (c) => c.createResponse('x', { temperature: Number.NaN }),
    'temperature',
    FINITE,
  ],
  [
    'responses top_p -Infinity',
    (c) => c.createResponse('x', { top_p: Number.NEGATIVE_INFINITY }),
    'top_p',
    FINITE,
  ],
  [
    'responses max_output_tokens 1.5',
    (c) => c.createResponse('x', { max_output_tokens: 1.5 }),
    'max_output_tokens',
    INTEGER,
  ],
  [
    'responses max_tool_calls "3"',
    (c) => c.createResponse('x', { max_tool_calls: '3' as never }),
    'max_tool_calls',
    FINITE,
  ],
  [
    'stream responses temperature NaN',
    (c) => c.streamResponse('x', { temperature: Number.NaN }),
    'temperature',
    FINITE,
  ],
  [
    'completion temperature NaN',
    (c) => c.completion('x', { temperature: Number.NaN }),
    'temperature',
    FINITE,
  ],
  ['completion best_of 1.5', (c) => c.completion('x', { best_of: 1.5 }), 'best_of', INTEGER],
  ['completion logprobs NaN', (c) => c.completion('x', { logprobs: Number.NaN }), 'logprobs', FINITE],
  [
    'completion max_tokens Infinity',
    (c) => c.completion('x', { max_tokens: Number.POSITIVE_INFINITY }),
    'max_tokens',
    FINITE,
  ],
  ['embedding dimensions 1.5', (c) => c.embedding('x', { dimensions: 1.5 }), 'dimensions', INTEGER],
  ['image n NaN', (c) => c.imageGeneration({ prompt: 'a cat', n: Number.NaN }), 'n', FINITE],
  [
    'image output_compression "high"',
    (c) => c.imageGeneration({ prompt: 'a cat', output_compression: 'high' as never }),
    'output_compression',
    FINITE,
  ],
];

const MODEL_ROWS: Row[] = [
  ['chat model empty', chat({ model: '' }), 'model', /non-empty string, got ''/],
  ['chat model a number', chat({ model: 123 }), 'model', /got 123/],
  ['chat model null', chat({ model: null }), 'model', /got null/],
  ['chat() model empty', (c) => c.chat(hi, { model: '' }), 'model', /non-empty/],
  ['stream chat model a number', (c) => c.streamChatCompletion(hi, { model: 4 as never }), 'model', /got 4/],
  ['responses model empty', (c) => c.createResponse('x', { model: '' }), 'model', /non-empty/],
  ['completion model a number', (c) => c.completion('x', { model: 1 as never }), 'model', /got 1/],
  ['embedding model empty', (c) => c.embedding('x', { model: '' }), 'model', /non-empty/],
  ['moderation model empty', (c) => c.moderation('x', { model: '' as never }), 'model', /non-empty/],
  [
    'image model a number',
    (c) => c.imageGeneration({ prompt: 'a cat', model: 5 as never }),
    'model',
    /got 5/,
  ],
  ['chat stream a string', chat({ stream: 'yes' }), 'stream', /boolean/],
  ['chat options a string', chat('fast'), 'options', /expected an object, got 'fast'/],
  ['image params a string', (c) => c.imageGeneration('a cat' as never), 'params', /expected an object/],
];

// --- the positional argument given again in options -------------------------------------------------
const POSITIONAL_ROWS: Row[] = [
  [
    'chat options.messages',
    chat({ messages: [{ role: 'user', content: 'other' }] }),
    'messages',
    /only as the first argument/,
  ],
  ['chat options.messages invalid', chat({ messages: 'x' }), 'messages', /only as the first argument/],
  [
    'stream chat options.messages',
    (c) => c.streamChatCompletion(hi, { messages: [] } as never),
    'messages',
    /first argument/,
  ],
  [
    'responses options.input',
    (c) => c.createResponse('x', { input: 'other' } as never),
    'input',
    /first argument/,
  ],
  [
    'stream responses options.input',
    (c) => c.streamResponse('x', { input: [] } as never),
    'input',
    /first argument/,
  ],
  [
    'completion options.prompt',
    (c) => c.completion('x', { prompt: 'y' } as never),
    'prompt',
    /first argument/,
  ],
  ['embedding options.input', (c) => c.embedding('x', { input: 'y' } as never), 'input', /first argument/],
  ['moderation options.input', (c) => c.moderation('x', { input: 'y' } as never), 'input', /first argument/],
];

// --- what JSON cannot carry, anywhere in the body ----------------------------------------------------
const JSON_ROWS: Row[] = [
  [
    'circular metadata',
    chat({ metadata: circular() }),
    'metadata.self',
    /circular reference \(back to metadata\)/,
  ],
  [
    'circular extension field in a message',
    (c) => c.createChatCompletion([{ role: 'user', content: 'x', extra: circular() } as never]),
    'messages[0].extra.self',
    /circular/,
  ],
  ['BigInt deep in metadata', chat({ metadata: { n: 1n } as never }), 'metadata.n', /BigInt/],
  [
    'a function as an option',
    chat({ user: () => 'me' } as never),
    'user',
    /a function, which JSON cannot carry/,
  ],
  ['a symbol as an option', chat({ user: Symbol('me') } as never), 'user', /a symbol/],
  [
    'an AbortSignal in the options',
    chat({ signal: new AbortController().signal } as never),
    'signal',
    /AbortSignal.*call options/,
  ],
  ['a Map in the options', chat({ metadata: new Map([['a', '1']]) } as never), 'metadata', /a Map/],
  ['a class instance in a tool', chat({ tools: [new (class Tool {})()] } as never), 'tools[0]', /a Tool/],
  ['undefined in an array', chat({ stop: ['a', undefined] } as never), 'stop[1]', /undefined in an array/],
  [
    'a hole in an array',
    chat({ stop: new Array(2).fill('b', 1) } as never),
    'stop[0]',
    /undefined in an array/,
  ],
  ['NaN in logit_bias', chat({ logit_bias: { '50256': Number.NaN } }), 'logit_bias["50256"]', /NaN/],
  [
    'Infinity in an input item',
    (c) => c.createResponse([{ role: 'user', content: 'x', weight: Number.POSITIVE_INFINITY } as never]),
    'input[0].weight',
    /Infinity/,
  ],
  ['BigInt in an embedding input', (c) => c.embedding([1n, 2n] as never), 'input[0]', /BigInt/],
  [
    'a throwing toJSON',
    chat({
      metadata: {
        toJSON: () => {
          throw new Error('nope');
        },
      },
    } as never),
    'metadata',
    /toJSON\(\) threw: nope/,
  ],
  [
    'circular in an image request',
    (c) => c.imageGeneration({ prompt: 'x', extra: circular() } as never),
    'extra.self',
    /circular/,
  ],
];

// --- ids: one validator, by the parameter's name ------------------------------------------------------
const ID_METHODS: Array<[method: string, call: (c: OpenAI, id: string) => unknown, path: string]> = [
  ['response', (c, id) => c.response(id), 'response_id'],
  ['deleteResponse', (c, id) => c.deleteResponse(id), 'response_id'],
  ['cancelResponse', (c, id) => c.cancelResponse(id), 'response_id'],
  ['model', (c, id) => c.model(id), 'model'],
  ['file', (c, id) => c.file(id), 'file_id'],
  ['deleteFile', (c, id) => c.deleteFile(id), 'file_id'],
  ['threadMessages', (c, id) => c.threadMessages(id), 'thread_id'],
  ['deleteThread', (c, id) => c.deleteThread(id), 'thread_id'],
];
const BAD_IDS: Array<[label: string, id: unknown, message: RegExp]> = [
  ['empty', '', /required \(a non-empty string\), got ''/],
  ['.', '.', /'\.' is not an id/],
  ['..', '..', /'\.\.' is not an id/],
  ['undefined', undefined, /required.*got undefined/],
  ['a number', 42, /got 42/],
  ['an object', { id: 'file-1' }, /got an object/],
  ['a lone surrogate', 'file-\uD800', /lone surrogate/],
];
const ID_ROWS: Row[] = ID_METHODS.flatMap(([method, call, path]) =>
  BAD_IDS.map(
    ([label, id, message]): Row => [`${method}(${label})`, (c) => call(c, id as string), path, message],
  ),
);

const UPLOAD_ROWS: Row[] = [
  ['upload params a string', (c) => c.uploadFile('x.txt' as never), 'params', /expected an object/],
  [
    'upload data a number',
    (c) => c.uploadFile({ purpose: 'batch', filename: 'a', data: 5 as never }),
    'data',
    /got 5/,
  ],
  [
    'upload contentType with a line break',
    (c) =>
      c.uploadFile({ purpose: 'batch', filename: 'a', data: 'x', contentType: 'text/plain\r\nX-Evil: 1' }),
    'contentType',
    /content type/,
  ],
];

const ROWS: Row[] = [
  ...CALL_ROWS,
  ...REQUEST_ROWS,
  ...NUMBER_ROWS,
  ...MODEL_ROWS,
  ...POSITIONAL_ROWS,
  ...JSON_ROWS,
  ...ID_ROWS,
  ...UPLOAD_ROWS,
];

describe('bad options, ids and bodies are refused before anything is sent', () => {
  it.each(ROWS)('%s → %s', async (_label, call, path, message) => {
    const before = mock.requests.length;
    const { threw, error } = await outcome(() => call(client));
    expect(threw, 'the call threw where it was made instead of rejecting').toBe(false);
    expectIssue(error, path, message);
    expect(mock.requests.length).toBe(before);
  });

  it('the server is there: a good call does reach it, and counts', async () => {
    const before = mock.requests.length;
    expect((await client.models()).ok).toBe(true);
    expect(mock.requests.length).toBe(before + 1);
  });
});

describe('what passes', () => {
  it('encodes an id as one path segment', async () => {
    mock.reset();
    await client.file('a/b?c#d %');
    await client.deleteFile('...');
    await client.model('ft:gpt-4o:org:name');
    expect(mock.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v1/files/a%2Fb%3Fc%23d%20%25',
      'DELETE /v1/files/...',
      'GET /v1/models/ft%3Agpt-4o%3Aorg%3Aname',
    ]);
  });

  it('sends what JSON carries as given: shared (not circular) objects, dates, null options, undefined fields', async () => {
    mock.reset();
    const shared = { kind: 'same' };
    const result = await client.createChatCompletion(hi, {
      metadata: { a: 'x' },
      temperature: null,
      top_p: undefined as never,
      seed: 7,
      tools: [
        { type: 'function', function: { name: 'f', parameters: { a: shared, b: shared } } },
        { type: 'function', function: { name: 'g', description: new Date(0) as never } },
      ],
    });
    expect(result.ok).toBe(true);
    expect(mock.requests[0]?.body).toMatchObject({
      temperature: null,
      seed: 7,
      tools: [
        { function: { parameters: { a: { kind: 'same' }, b: { kind: 'same' } } } },
        { function: { description: '1970-01-01T00:00:00.000Z' } },
      ],
    });
    expect(mock.requests[0]?.body).not.toHaveProperty('top_p');
  });

  it('takes call options with undefined fields and a null call', async () => {
    expect((await client.models({ timeout: undefined, maxRetries: undefined, headers: undefined })).ok).toBe(
      true,
    );
    expect((await client.models(null as unknown as undefined)).ok).toBe(true);
  });
});

// --- the constructor: it cannot reject, so it throws, a ValidationError naming the option ----------------
const CONFIG_ROWS: Array<[label: string, make: () => unknown, path: string, message: RegExp]> = [
  [
    'maxRetries NaN',
    () => new OpenAI('k', { maxRetries: Number.NaN }),
    'config.maxRetries',
    /integer ≥ 0, got NaN/,
  ],
  ['maxRetries -1', () => new OpenAI('k', { maxRetries: -1 }), 'config.maxRetries', /got -1/],
  ['maxRetries 2.5', () => new OpenAI('k', { maxRetries: 2.5 }), 'config.maxRetries', /got 2\.5/],
  [
    'maxRetries Infinity',
    () => new OpenAI('k', { maxRetries: Number.POSITIVE_INFINITY }),
    'config.maxRetries',
    /Infinity/,
  ],
  ['timeout NaN', () => new OpenAI('k', { timeout: Number.NaN }), 'config.timeout', /got NaN/],
  ['timeout -1', () => new OpenAI('k', { timeout: -1 }), 'config.timeout', /got -1/],
  ['timeout 0', () => new OpenAI('k', { timeout: 0 }), 'config.timeout', /got 0/],
  ['timeout "200"', () => new OpenAI('k', { timeout: '200' as never }), 'config.timeout', /got '200'/],
  ['timeout past a timer', () => new OpenAI('k', { timeout: 3e9 }), 'config.timeout', /≤ 2147483647/],
  [
    'baseURL not a URL',
    () => new OpenAI('k', { baseURL: 'api.openai.com/v1' }),
    'config.baseURL',
    /absolute http\(s\) URL/,
  ],
  ['baseURL ftp', () => new OpenAI('k', { baseURL: 'ftp://x/v1' }), 'config.baseURL', /http\(s\)/],
  ['baseURL empty', () => new OpenAI('k', { baseURL: '' }), 'config.baseURL', /non-empty/],
  ['defaultModel empty', () => new OpenAI('k', { defaultModel: '' }), 'config.defaultModel', /non-empty/],
  [
    'defaultModel a number',
    () => new OpenAI('k', { defaultModel: 4 as never }),
    'config.defaultModel',
    /got 4/,
  ],
  [
    'transport unknown name',
    () => new OpenAI('k', { transport: 'pigeon' as never }),
    'config.transport',
    /'undici', 'axios', 'fetch'/,
  ],
  [
    'transport without request()',
    () => new OpenAI('k', { transport: {} as never }),
    'config.transport',
    /a Transport/,
  ],
  [
    'auth unknown',
    () => new OpenAI('k', { auth: 'basic' as never }),
    'config.auth',
    /'bearer', 'api-key', 'none'/,
  ],
  [
    'defaultHeaders bad name',
    () => new OpenAI('k', { defaultHeaders: { 'a b': 'x' } }),
    'config.defaultHeaders["a b"]',
    /header name/,
  ],
  [
    'defaultHeaders line break',
    () => new OpenAI('k', { defaultHeaders: { x: 'a\nb' } }),
    'config.defaultHeaders.x',
    /LF/,
  ],
  [
    'defaultHeaders a number',
    () => new OpenAI('k', { defaultHeaders: { x: 5 as never } }),
    'config.defaultHeaders.x',
    /string/,
  ],
  [
    'defaultQuery a number',
    () => new OpenAI('k', { defaultQuery: { v: 1 as never } }),
    'config.defaultQuery.v',
    /string/,
  ],
  [
    'organization line break',
    () => new OpenAI('k', { organization: 'org\r\n' }),
    'config.organization',
    /header/,
  ],
  [
    'logger method not a function',
    () => new OpenAI('k', { logger: { warn: 'loud' as never } }),
    'config.logger.warn',
    /function/,
  ],
  ['config a string', () => new OpenAI('k', 'fast' as never), 'config', /expected an object/],
  ['apiKey a number', () => new OpenAI(42 as never), 'apiKey', /expected a string, got number/],
  ['apiKey with a line break', () => new OpenAI('sk-secret\n'), 'apiKey', /line break/],
  ['provider unknown', () => createClient('pigeon' as never), 'provider', /unknown provider 'pigeon'/],
  ['provider inherited name', () => createClient('toString' as never), 'provider', /unknown provider/],
  [
    'preset without a model',
    () => createClient({ name: 'Mine', baseURL: 'http://x.test/v1', apiKeyEnv: [] } as never),
    'preset.defaultModel',
    /non-empty string/,
  ],
  [
    'preset with a bad base URL',
    () => createClient({ name: 'Mine', baseURL: 'x.test', defaultModel: 'm', apiKeyEnv: [] }),
    'preset.baseURL',
    /http\(s\) URL/,
  ],
  ['Gemini maxRetries NaN', () => new Gemini('k', { maxRetries: Number.NaN }), 'config.maxRetries', /NaN/],
  ['OpenRouter timeout -1', () => new OpenRouter('k', { timeout: -1 }), 'config.timeout', /-1/],
];

describe('client config', () => {
  it.each(CONFIG_ROWS)('%s → %s', async (_label, make, path, message) => {
    const before = mock.requests.length;
    let error: unknown;
    try {
      make();
    } catch (caught) {
      error = caught;
    }
    expectIssue(error, path, message);
    expect(mock.requests.length).toBe(before);
  });

  it('never shows the key in a config error', () => {
    const error = (() => {
      try {
        new OpenAI('sk-secret-value\n');
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toContain('apiKey');
    expect(error?.message).not.toContain('sk-secret-value');
  });

  it('lists every bad option at once', () => {
    expect(() => new OpenAI('k', { timeout: Number.NaN, maxRetries: -1 })).toThrow(
      /config\.timeout: .*; config\.maxRetries: /,
    );
  });
});

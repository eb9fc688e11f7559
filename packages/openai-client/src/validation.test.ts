import { createMockOpenAI, createMockTransport } from '@wireai/testing';
import { describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { ValidationError } from './errors.js';

const transport = createMockTransport(createMockOpenAI().handler);
const client = new OpenAI('sk-test', { baseURL: 'http://mock.test/v1', transport });

type Case = [label: string, call: () => unknown, path: string, message: RegExp];

const chat = (messages: unknown, options?: unknown) => () =>
  client.createChatCompletion(messages as never, options as never);
const respond = (input: unknown) => () => client.createResponse(input as never);

const CASES: Case[] = [
  ['no messages', chat([]), 'messages', /at least one message/],
  ['messages not an array', chat('hi'), 'messages', /expected array/],
  [
    'unknown role',
    chat([
      { role: 'user', content: 'a' },
      { role: 'user', content: 'b' },
      { role: 'robot', content: 'c' },
    ]),
    'messages[2].role',
    /expected one of 'system', 'developer', 'user', 'assistant', 'tool', 'function', got 'robot'/,
  ],
  ['missing role', chat([{ content: 'hi' }]), 'messages[0].role', /required: one of/],
  ['user without content', chat([{ role: 'user' }]), 'messages[0].content', /required \(string or array\)/],
  [
    'user content a number',
    chat([{ role: 'user', content: 42 }]),
    'messages[0].content',
    /expected string or array, got number/,
  ],
  [
    'user content an empty list',
    chat([{ role: 'user', content: [] }]),
    'messages[0].content',
    /expected array to have >=1/,
  ],
  [
    'content part of unknown type',
    chat([{ role: 'user', content: [{ type: 'video', url: 'x' }] }]),
    'messages[0].content[0].type',
    /expected one of 'text', 'image_url', 'input_audio', 'file', got 'video'/,
  ],
  [
    'text part without text',
    chat([{ role: 'user', content: [{ type: 'text' }] }]),
    'messages[0].content[0].text',
    /required/,
  ],
  [
    'image part without url',
    chat([{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }]),
    'messages[0].content[0].image_url.url',
    /required/,
  ],
  [
    'image detail not allowed',
    chat([{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'u', detail: 'ultra' } }] }]),
    'messages[0].content[0].image_url.detail',
    /Invalid option/,
  ],
  [
    'audio format not allowed',
    chat([{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'x', format: 'ogg' } }] }]),
    'messages[0].content[0].input_audio.format',
    /Invalid option/,
  ],
  [
    'system content a number',
    chat([{ role: 'system', content: 1 }]),
    'messages[0].content',
    /expected string/,
  ],
  [
    'system with an image part',
    chat([{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'u' } }] }]),
    'messages[0].content[0].type',
    /expected "text"|Invalid input/,
  ],
  ['developer without content', chat([{ role: 'developer' }]), 'messages[0].content', /required/],
  [
    'assistant with nothing',
    chat([{ role: 'assistant' }]),
    'messages[0]',
    /needs content, tool_calls or function_call/,
  ],
  [
    'tool call without id',
    chat([
      { role: 'assistant', tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{}' } }] },
    ]),
    'messages[0].tool_calls[0].id',
    /required/,
  ],
  [
    'tool call of wrong type',
    chat([
      {
        role: 'assistant',
        tool_calls: [{ id: 'c', type: 'code', function: { name: 'f', arguments: '{}' } }],
      },
    ]),
    'messages[0].tool_calls[0].type',
    /expected "function"|Invalid input/,
  ],
  [
    'tool call arguments as object',
    chat([
      {
        role: 'assistant',
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: {} } }],
      },
    ]),
    'messages[0].tool_calls[0].function.arguments',
    /expected string/,
  ],
  [
    'function_call without name',
    chat([{ role: 'assistant', content: null, function_call: { arguments: '{}' } }]),
    'messages[0].function_call.name',
    /required/,
  ],
  [
    'tool result without tool_call_id',
    chat([{ role: 'tool', content: 'ok' }]),
    'messages[0].tool_call_id',
    /required/,
  ],
  [
    'tool result content a number',
    chat([{ role: 'tool', tool_call_id: 'c', content: 3 }]),
    'messages[0].content',
    /expected string/,
  ],
  [
    'function result without name',
    chat([{ role: 'function', content: '99' }]),
    'messages[0].name',
    /required/,
  ],
  [
    'name not a string',
    chat([{ role: 'user', content: 'x', name: 7 }]),
    'messages[0].name',
    /expected string/,
  ],
  [
    'legacy function without name',
    chat([{ role: 'user', content: 'x' }], { functions: [{ description: 'd' }] }),
    'functions[0].name',
    /required/,
  ],
  [
    'stream without a callback',
    () => client.createChatCompletion([{ role: 'user', content: 'x' }], { stream: true } as never),
    'onChunk',
    /required when stream is true/,
  ],
  ['responses input missing', respond(undefined), 'input', /required/],
  ['responses input a number', respond(5), 'input', /expected string|Invalid input/],
  ['responses input an empty list', respond([]), 'input', /at least one input item/],
  [
    'responses message role unknown',
    respond([{ role: 'robot', content: 'x' }]),
    'input[0].role',
    /Invalid option/,
  ],
  [
    'responses message without content',
    respond([{ role: 'user' }]),
    'input[0].content',
    /required \(string or array\)/,
  ],
  [
    'responses content part unknown',
    respond([{ role: 'user', content: [{ type: 'input_video' }] }]),
    'input[0].content[0].type',
    /expected one of 'input_text', 'input_image', 'input_file', 'input_audio', 'output_text', 'refusal', got 'input_video'/,
  ],
  [
    'responses input_text without text',
    respond([{ role: 'user', content: [{ type: 'input_text' }] }]),
    'input[0].content[0].text',
    /required \(string\)/,
  ],
  [
    'function_call_output without call_id',
    respond([{ type: 'function_call_output', output: '42' }]),
    'input[0].call_id',
    /required \(string\)/,
  ],
  [
    'function_call_output without output',
    respond([{ type: 'function_call_output', call_id: 'c' }]),
    'input[0].output',
    /required \(string or array\)/,
  ],
  [
    'function_call without arguments',
    respond([{ type: 'function_call', call_id: 'c', name: 'f' }]),
    'input[0].arguments',
    /required \(string\)/,
  ],
  ['input item not an object', respond(['hello']), 'input[0]', /expected an input item/],
  ['embedding without input', () => client.embedding(undefined as never), 'input', /required/],
  ['response id empty', () => client.response(''), 'response_id', /required/],
  ['file id empty', () => client.file(''), 'file_id', /required/],
  ['thread id empty', () => client.threadMessages(''), 'thread_id', /required/],
  [
    'upload without purpose',
    () => client.uploadFile({ filename: 'a', data: 'x' } as never),
    'purpose',
    /required/,
  ],
  ['image without prompt', () => client.imageGeneration({} as never), 'prompt', /required/],
];

describe('validation before sending', () => {
  it('has a table of at least 30 bad inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('rejects %s, naming %s, and sends nothing', async (_label, call, path, message) => {
    const before = transport.requests.length;
    let error: unknown;
    try {
      await call();
    } catch (caught) {
      error = caught;
    }
    expect(ValidationError.isInstance(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
    const issue = (error as ValidationError).issues.find((candidate) => candidate.path === path);
    expect(issue, `no issue at ${path}: ${(error as Error).message}`).toBeDefined();
    expect(issue?.message).toMatch(message);
    expect((error as Error).message).toContain(path);
    expect(transport.requests.length).toBe(before);
  });

  it('lets valid messages of every role through, with extension fields', async () => {
    const result = await client.createChatCompletion([
      { role: 'developer', content: 'be brief' },
      { role: 'system', content: [{ type: 'text', text: 'sys' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'hi' },
          { type: 'image_url', image_url: { url: 'data:,' } },
        ],
        name: 'ann',
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'done' },
      { role: 'assistant', content: null, function_call: { name: 'f', arguments: '{}' } },
      { role: 'function', name: 'f', content: '99' },
      { role: 'user', content: 'next', cache_control: { type: 'ephemeral' } } as never,
    ]);
    expect(result.ok).toBe(true);
    const responses = await client.createResponse([
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'hi' },
          { type: 'input_image', image_url: 'data:,', detail: 'auto' },
        ],
      },
      { type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' },
      { type: 'function_call_output', call_id: 'c', output: '42' },
      { type: 'reasoning', id: 'rs_1', summary: [] } as never,
    ]);
    expect(responses.ok).toBe(true);
  });
});

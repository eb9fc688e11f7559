import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockTransport, rejectionOf } from '@wireai/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { MalformedResponseError } from './errors.js';
import {
  assertChatDelta,
  chatChunkProblem,
  chatDeltaProblem,
  responseEventProblem,
} from './streaming/event-shapes.js';
import { TRANSPORTS } from './test-support/transports.js';

const REQUEST_ID = 'req_malformed_1';
const hello = [{ role: 'user' as const, content: 'hello' }];

const chunk = (choices: unknown) => JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices });
const goodChunk = chunk([{ index: 0, delta: { content: 'Hi' } }]);
const completed = (response: unknown) => JSON.stringify({ type: 'response.completed', response });
const goodCompleted = completed({ id: 'resp_1', object: 'response', output: [] });
const created = JSON.stringify({ type: 'response.created', response: { id: 'resp_1', output: [] } });

/** Malformed chat events: the raw `data`, and what the error must say. */
const MALFORMED_CHAT: Array<[name: string, data: string, problem: string]> = [
  ['data: null', 'null', 'expected an object, got null'],
  ['a number', '42', 'expected an object, got a number'],
  ['an array', '[]', 'expected an object, got an array'],
  [
    'a chunk without choices',
    JSON.stringify({ id: 'c1', object: 'chat.completion.chunk' }),
    'choices: missing',
  ],
  ['choices: null', chunk(null), 'choices: expected an array, got null'],
  ['an object without object nor choices', JSON.stringify({ id: 'c1' }), 'choices: missing'],
  ['a choice that is null', chunk([null]), 'choices[0]: expected an object, got null'],
  ['a choice without delta', chunk([{ index: 0, finish_reason: null }]), 'choices[0].delta: missing'],
  ['a delta that is a string', chunk([{ index: 0, delta: 'Hi' }]), 'choices[0].delta: expected an object'],
  [
    'tool_calls that is an object',
    chunk([{ index: 0, delta: { tool_calls: { index: 0, id: 'call_1' } } }]),
    'choices[0].delta.tool_calls: expected an array, got an object',
  ],
  [
    'tool_calls that is a string',
    chunk([{ index: 0, delta: { tool_calls: 'call_1' } }]),
    'choices[0].delta.tool_calls: expected an array, got a string',
  ],
  [
    'a tool call that is null',
    chunk([{ index: 0, delta: { tool_calls: [null] } }]),
    'choices[0].delta.tool_calls[0]: expected an object, got null',
  ],
];

/** Malformed Responses events. */
const MALFORMED_RESPONSES: Array<[name: string, data: string, problem: string]> = [
  ['data: null', 'null', 'expected an object, got null'],
  ['an event without type', JSON.stringify({ delta: 'Hi' }), 'type: missing'],
  [
    'a text delta that is not a string',
    JSON.stringify({ type: 'response.output_text.delta', delta: 5 }),
    'delta: expected a string, got a number',
  ],
  ['response.completed with response: null', completed(null), 'response: expected an object, got null'],
  ['response.completed with a string response', completed('resp_1'), 'response: expected an object'],
  [
    'response.completed without an id',
    completed({ object: 'response', output: [] }),
    'response.id: missing, expected a non-empty string',
  ],
  [
    'response.completed with an empty id',
    completed({ id: '', output: [] }),
    'response.id: expected a non-empty string, got an empty string',
  ],
  [
    'response.completed without output',
    completed({ id: 'resp_1', object: 'response' }),
    'response.output: missing',
  ],
  [
    'response.created with an array response',
    JSON.stringify({ type: 'response.created', response: [] }),
    'response: expected an object, got an array',
  ],
];

/** Events the code does not rely on, or does not know: they pass as they are. */
const FORWARD_COMPATIBLE_CHAT = [
  // Extra fields anywhere.
  chunk([{ index: 0, delta: { content: 'Hi', reasoning: 'x' }, logprobs: null, future: {} }]),
  // Azure's async content filter: `object: ""`, a choice without delta.
  JSON.stringify({ id: '', object: '', choices: [{ index: 0, content_filter_results: {} }] }),
  // A usage chunk (stream_options.include_usage).
  JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [], usage: { total_tokens: 3 } }),
  // Gemini leaves out a tool call's index.
  chunk([{ index: 0, delta: { tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f' } }] } }]),
  // content of a type the code does not use.
  chunk([{ index: 0, delta: { content: [{ type: 'thinking' }], tool_calls: null } }]),
];
const FORWARD_COMPATIBLE_RESPONSES = [
  JSON.stringify({ type: 'response.some_future_event', anything: [1, 2] }),
  JSON.stringify({ type: 'response.output_text.delta', delta: '', extra: true }),
  JSON.stringify({ type: 'response.output_item.added', item: null }),
];

const sse = (...events: string[]) => events.map((data) => `data: ${data}\n\n`).join('');

/** A client whose every answer is this SSE body, with a request id. */
function clientServing(body: string): OpenAI {
  return new OpenAI('sk-test', {
    maxRetries: 0,
    transport: createMockTransport(() => ({
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'x-request-id': REQUEST_ID },
      body,
    })),
  });
}

function expectMalformed(error: unknown, data: string, problem: string): void {
  expect(MalformedResponseError.isInstance(error)).toBe(true);
  const malformed = error as MalformedResponseError;
  expect(malformed.requestId).toBe(REQUEST_ID);
  expect(malformed.data).toBe(data);
  expect(malformed.event).toEqual(JSON.parse(data));
  expect(malformed.message).toContain(problem);
  expect(malformed.message).toContain(REQUEST_ID);
  expect(malformed.message).toContain(data.slice(0, 40));
}

type Form = (client: OpenAI, seen: unknown[]) => Promise<unknown>;

const iterateChat: Form = async (client, seen) => {
  for await (const event of client.streamChatCompletion(hello)) seen.push(event);
};
const chatCallback: Form = (client, seen) =>
  client.createChatCompletion(hello, { stream: true }, (c) => void seen.push(c));
const responsesCallback: Form = (client, seen) =>
  client.createResponse('hello', { stream: true }, (e) => void seen.push(e));

// The forms a caller streams with: each must reject with the same error.
const CHAT_FORMS: Array<[name: string, run: Form]> = [
  ['createChatCompletion callback', chatCallback],
  ['chat() delta callback', (client, seen) => client.chat(hello, { stream: true }, (d) => void seen.push(d))],
  ['streamChatCompletion iterator', iterateChat],
];

const RESPONSE_FORMS: Array<[name: string, run: Form]> = [
  ['createResponse callback', responsesCallback],
  [
    'streamResponse iterator',
    async (client, seen) => {
      for await (const event of client.streamResponse('hello')) seen.push(event);
    },
  ],
];

describe('a malformed chat chunk rejects with MalformedResponseError (mock transport)', () => {
  describe.each(CHAT_FORMS)('%s', (_form, run) => {
    it.each(MALFORMED_CHAT)('%s', async (_name, data, problem) => {
      const seen: unknown[] = [];
      const error = await rejectionOf(() =>
        run(clientServing(sse(goodChunk, data, goodChunk, '[DONE]')), seen),
      );
      expectMalformed(error, data, problem);
      expect(seen).toHaveLength(1); // the good chunk before it, nothing after
    });
  });
});

describe('a malformed Responses event rejects with MalformedResponseError (mock transport)', () => {
  describe.each(RESPONSE_FORMS)('%s', (_form, run) => {
    it.each(MALFORMED_RESPONSES)('%s', async (_name, data, problem) => {
      const seen: unknown[] = [];
      const error = await rejectionOf(() => run(clientServing(sse(created, data, goodCompleted)), seen));
      expectMalformed(error, data, problem);
      expect(seen).toHaveLength(1);
    });
  });
});

describe('events the code does not rely on pass (forward compatibility)', () => {
  it.each(CHAT_FORMS)('chat: %s', async (form, run) => {
    const seen: unknown[] = [];
    await run(clientServing(sse(...FORWARD_COMPATIBLE_CHAT, '[DONE]')), seen);
    // chat() hands on only the chunks that carry text, tool calls or usage.
    expect(seen).toHaveLength(form.startsWith('chat()') ? 3 : FORWARD_COMPATIBLE_CHAT.length);
  });

  it.each(RESPONSE_FORMS)('responses: %s', async (_form, run) => {
    const seen: unknown[] = [];
    await run(clientServing(sse(created, ...FORWARD_COMPATIBLE_RESPONSES, goodCompleted)), seen);
    expect(seen).toHaveLength(FORWARD_COMPATIBLE_RESPONSES.length + 2);
  });
});

describe('the message shows the start of a long event; the error keeps it whole', () => {
  it('truncates', async () => {
    const data = JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', padding: 'x'.repeat(10_000) });
    const error = (await rejectionOf(() =>
      iterateChat(clientServing(sse(data, '[DONE]')), []),
    )) as MalformedResponseError;
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect(error.data).toBe(data);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(/more characters\)$/);
  });

  it('an event that is not JSON keeps its text and the request id too', async () => {
    const error = (await rejectionOf(() =>
      chatCallback(clientServing(sse('{"choices": [', '[DONE]')), []),
    )) as MalformedResponseError;
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect(error.data).toBe('{"choices": [');
    expect(error.requestId).toBe(REQUEST_ID);
  });
});

describe.each(TRANSPORTS)('malformed events over a real HTTP server, with %s', (_name, createTransport) => {
  let server: Server;
  let client: OpenAI;
  let body = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': REQUEST_ID });
        // Event by event, as a server streams them.
        for (const part of body.split(/(?<=\n\n)/)) response.write(part);
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = new OpenAI('sk-test', {
      baseURL: `http://127.0.0.1:${port}/v1`,
      maxRetries: 0,
      transport: createTransport(),
    });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(MALFORMED_CHAT)('chat, iterator: %s', async (_case, data, problem) => {
    body = sse(goodChunk, data, '[DONE]');
    const seen: unknown[] = [];
    expectMalformed(await rejectionOf(() => iterateChat(client, seen)), data, problem);
    expect(seen).toHaveLength(1);
  });

  it.each(MALFORMED_RESPONSES)('responses, callback: %s', async (_case, data, problem) => {
    body = sse(created, data, goodCompleted);
    const seen: unknown[] = [];
    expectMalformed(await rejectionOf(() => responsesCallback(client, seen)), data, problem);
    expect(seen).toHaveLength(1);
  });
});

describe('the shape checks on their own', () => {
  it('pass what a normal stream sends', () => {
    expect(chatChunkProblem(JSON.parse(goodChunk))).toBeUndefined();
    expect(responseEventProblem(JSON.parse(goodCompleted))).toBeUndefined();
    expect(chatDeltaProblem({ content: 'x', index: 0 })).toBeUndefined();
  });

  it('assertChatDelta checks what chat() hands on (for a session given a fake client)', () => {
    expect(() => assertChatDelta({ index: 0, tool_calls: 7 })).toThrow(
      /Malformed stream event: tool_calls: expected an array, got a number/,
    );
    const error = (() => {
      try {
        assertChatDelta(null, { requestId: 'req_x' });
      } catch (caughtError) {
        return caughtError;
      }
    })() as MalformedResponseError;
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect(error.requestId).toBe('req_x');
    expect(error.event).toBeNull();
    expect(error.data).toBeUndefined();
  });
});

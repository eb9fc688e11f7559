import { MalformedResponseError, OpenAI } from '@wireai/openai-client';
import {
  createMockTransport,
  type HandlerServer,
  type MockHandler,
  rejectionOf,
  serveHandler,
} from '@wireai/testing';
import { createUndiciTransport } from '@wireai/transport-undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatSession } from './chat-session.js';
import { ResponsesChatSession } from './responses-session.js';
import type { SessionClient } from './session-client.js';

const REQUEST_ID = 'req_session_malformed';
const hello = [{ role: 'user' as const, content: 'hello' }];

const chunk = (choices: unknown) => JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices });
const goodChunk = chunk([{ index: 0, delta: { content: 'Hi' } }]);
const completed = (response: unknown) => JSON.stringify({ type: 'response.completed', response });
const goodCompleted = completed({ id: 'resp_2', object: 'response', output: [] });
const textDelta = JSON.stringify({ type: 'response.output_text.delta', delta: 'Hi' });

const MALFORMED_CHAT: Array<[name: string, data: string, problem: string]> = [
  ['data: null', 'null', 'expected an object, got null'],
  [
    'a chunk without choices',
    JSON.stringify({ id: 'c1', object: 'chat.completion.chunk' }),
    'choices: missing',
  ],
  ['a choice without delta', chunk([{ index: 0 }]), 'choices[0].delta: missing'],
  [
    'tool_calls that is not an array',
    chunk([{ index: 0, delta: { tool_calls: { index: 0 } } }]),
    'choices[0].delta.tool_calls: expected an array',
  ],
  [
    'a tool call that is not an object',
    chunk([{ index: 0, delta: { tool_calls: [7] } }]),
    'choices[0].delta.tool_calls[0]: expected an object, got a number',
  ],
];

const MALFORMED_RESPONSES: Array<[name: string, data: string, problem: string]> = [
  ['data: null', 'null', 'expected an object, got null'],
  ['response.completed whose response is a string', completed('x'), 'response: expected an object'],
  ['response.completed whose response is null', completed(null), 'response: expected an object'],
  ['response.completed without an id', completed({ output: [] }), 'response.id: missing'],
  ['response.completed with an empty id', completed({ id: '', output: [] }), 'response.id: expected'],
  ['response.completed without output', completed({ id: 'resp_2' }), 'response.output: missing'],
  [
    'a text delta that is an object',
    JSON.stringify({ type: 'response.output_text.delta', delta: { text: 'Hi' } }),
    'delta: expected a string, got an object',
  ],
];

const sse =
  (...events: string[]): MockHandler =>
  () => ({
    status: 200,
    headers: { 'content-type': 'text/event-stream', 'x-request-id': REQUEST_ID },
    body: events.map((data) => `data: ${data}\n\n`).join(''),
  });

function expectMalformed(error: unknown, data: string, problem: string): void {
  expect(MalformedResponseError.isInstance(error)).toBe(true);
  const malformed = error as MalformedResponseError;
  expect(malformed.requestId).toBe(REQUEST_ID);
  expect(malformed.data).toBe(data);
  expect(malformed.event).toEqual(JSON.parse(data));
  expect(malformed.message).toContain(problem);
}

type Form = (client: OpenAI) => Promise<void>;

// The session forms, with what they must have kept when the stream broke.
const chatSession: Form = async (client) => {
  const session = new ChatSession(client);
  const chunks: unknown[] = [];
  try {
    await session.send('hello', (delta) => void chunks.push(delta));
  } finally {
    expect(chunks).toEqual([{ content: 'Hi', index: 0 }]);
    expect(session.messages).toEqual([{ role: 'user', content: 'hello' }]); // no reply appended
  }
};

const responsesSession: Form = async (client) => {
  const session = new ResponsesChatSession(client, { previous_response_id: 'resp_1' });
  try {
    await session.send('hello', () => undefined);
  } finally {
    // The chain is not broken: the next request still continues from resp_1.
    expect(session.currentResponseId).toBe('resp_1');
    expect(session.responseHistory).toEqual([]);
  }
};

// The forms a caller streams with: each must reject with the same error.
const CHAT_FORMS: Array<[name: string, run: Form]> = [
  [
    'client callback',
    async (client) => {
      await client.createChatCompletion(hello, { stream: true }, () => undefined);
    },
  ],
  [
    'client iterator',
    async (client) => {
      for await (const _ of client.streamChatCompletion(hello));
    },
  ],
  ['ChatSession', chatSession],
];

const RESPONSE_FORMS: Array<[name: string, run: Form]> = [
  [
    'client callback',
    async (client) => {
      await client.createResponse('hello', { stream: true }, () => undefined);
    },
  ],
  [
    'client iterator',
    async (client) => {
      for await (const _ of client.streamResponse('hello'));
    },
  ],
  ['ResponsesChatSession', responsesSession],
];

const mockClient = (handler: MockHandler) =>
  new OpenAI('sk-test', { maxRetries: 0, transport: createMockTransport(handler) });

describe('a malformed chat chunk: MalformedResponseError in every form (mock transport)', () => {
  describe.each(CHAT_FORMS)('%s', (_form, run) => {
    it.each(MALFORMED_CHAT)('%s', async (_name, data, problem) => {
      expectMalformed(
        await rejectionOf(() => run(mockClient(sse(goodChunk, data, '[DONE]')))),
        data,
        problem,
      );
    });
  });
});

describe('a malformed Responses event: MalformedResponseError in every form (mock transport)', () => {
  describe.each(RESPONSE_FORMS)('%s', (_form, run) => {
    it.each(MALFORMED_RESPONSES)('%s', async (_name, data, problem) => {
      expectMalformed(
        await rejectionOf(() => run(mockClient(sse(textDelta, data, goodCompleted)))),
        data,
        problem,
      );
    });
  });
});

describe('the sessions over a real HTTP server', () => {
  let server: HandlerServer;
  let handler: MockHandler = sse();
  let client: OpenAI;
  beforeAll(async () => {
    server = await serveHandler((request) => handler(request));
    client = new OpenAI('sk-test', {
      baseURL: server.url('/v1'),
      maxRetries: 0,
      transport: createUndiciTransport(),
    });
  });
  afterAll(() => server.close());

  it.each(MALFORMED_CHAT)('ChatSession: %s', async (_name, data, problem) => {
    handler = sse(goodChunk, data, '[DONE]');
    expectMalformed(await rejectionOf(() => chatSession(client)), data, problem);
  });

  it.each(MALFORMED_RESPONSES)('ResponsesChatSession: %s', async (_name, data, problem) => {
    handler = sse(textDelta, data, goodCompleted);
    expectMalformed(await rejectionOf(() => responsesSession(client)), data, problem);
  });

  it('a well-formed stream still goes through, and the chain moves on', async () => {
    handler = sse(textDelta, goodCompleted);
    const session = new ResponsesChatSession(client, { previous_response_id: 'resp_1' });
    expect(await session.send('hello', () => undefined)).toBe('Hi');
    expect(session.currentResponseId).toBe('resp_2');
  });
});

describe('a client that is not ours: the sessions check what it hands them with the same checks', () => {
  const fake = (overrides: Partial<SessionClient>) => overrides as SessionClient;

  it.each([
    ['a delta that is null', null, 'expected an object, got null'],
    [
      'tool_calls that is a number',
      { index: 0, tool_calls: 5 },
      'tool_calls: expected an array, got a number',
    ],
    ['a tool call that is a string', { index: 0, tool_calls: ['x'] }, 'tool_calls[0]: expected an object'],
  ])('ChatSession: %s', async (_name, delta, problem) => {
    const chat = vi.fn(async (_messages, _params, onDelta) => {
      await onDelta?.(delta as never, {} as never);
      return { ok: true, status: 200, body: undefined };
    });
    const session = new ChatSession(fake({ chat }));
    const error = await rejectionOf(() => session.send('hello', () => undefined));
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect((error as MalformedResponseError).event).toEqual(delta);
    expect((error as MalformedResponseError).message).toContain(problem);
    expect(session.messages).toHaveLength(1);
  });

  it.each([
    ['a completed response without an id', { type: 'response.completed', response: { output: [] } }],
    ['a completed response that is a number', { type: 'response.completed', response: 7 }],
    ['an event that is null', null],
  ])('ResponsesChatSession: %s', async (_name, event) => {
    const createResponse = vi.fn(async (_input, _params, onEvent) => {
      await onEvent?.(event as never);
      return { ok: true, status: 200, body: undefined };
    });
    const session = new ResponsesChatSession(fake({ createResponse }), { previous_response_id: 'resp_1' });
    const error = await rejectionOf(() => session.send('hello', () => undefined));
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect((error as MalformedResponseError).event).toEqual(event);
    expect(session.currentResponseId).toBe('resp_1');
    expect(session.responseHistory).toEqual([]);
  });
});

import { ValidationError } from '@wireai/openai-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatSession } from './chat-session.js';
import { ResponsesChatSession } from './responses-session.js';
import type { SessionClient } from './session-client.js';
import { SessionError } from './session-error.js';

// Resuming never calls the client.
const client = {} as SessionClient;
const usage = { inputTokens: 1, outputTokens: 2, totalTokens: 3, requests: 1 };
const user = { role: 'user', content: 'a' };

const chat = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, kind: 'chat', options: {}, messages: [user], usage, ...patch });
const responses = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    kind: 'responses',
    options: {},
    currentResponseId: 'resp_1',
    responseHistory: [{ id: 'resp_1', object: 'response', output: [] }],
    usage,
    ...patch,
  });

function rejection(run: () => unknown): SessionError {
  try {
    run();
  } catch (error) {
    expect(SessionError.isInstance(error)).toBe(true);
    return error as SessionError;
  }
  throw new Error('expected fromJSON to throw');
}

afterEach(() => {
  // No case may reach Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Hostile saved chats: the JSON, and the path the error must name (`''`: the root). */
const HOSTILE_CHAT: Array<[name: string, json: string, path: string]> = [
  ['null', 'null', ''],
  ['an array', '[]', ''],
  ['another version', chat({ version: 2 }), 'version'],
  ['another kind', chat({ kind: 'responses' }), 'kind'],
  ['no messages', chat({ messages: undefined }), 'messages'],
  ['messages that are an object', chat({ messages: { 0: user } }), 'messages'],
  ['[null] history', chat({ messages: [null] }), 'messages[0]'],
  ['an unknown role', chat({ messages: [user, user, { role: 'robot', content: 'x' }] }), 'messages[2].role'],
  ['a number as content', chat({ messages: [user, { role: 'user', content: 5 }] }), 'messages[1].content'],
  ['"9" tokens', chat({ usage: { ...usage, inputTokens: '9' } }), 'usage.inputTokens'],
  ['negative tokens', chat({ usage: { ...usage, outputTokens: -1 } }), 'usage.outputTokens'],
  ['fractional tokens', chat({ usage: { ...usage, totalTokens: 1.5 } }), 'usage.totalTokens'],
  ['infinite tokens', chat().replace('"requests":1', '"requests":1e400'), 'usage.requests'],
  ['unsafe integer tokens', chat({ usage: { ...usage, inputTokens: 2 ** 53 } }), 'usage.inputTokens'],
  [
    'usage without a count',
    chat({ usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } }),
    'usage.requests',
  ],
  ['usage: null', chat({ usage: null }), 'usage'],
  ['options: 5', chat({ options: 5 }), 'options'],
  ['functions: 5', chat({ options: { functions: 5 } }), 'options.functions'],
  [
    'a function without a name',
    chat({ options: { functions: [{ description: 'x' }] } }),
    'options.functions[0].name',
  ],
  ['a number as model', chat({ options: { model: 7 } }), 'options.model'],
];

const HOSTILE_RESPONSES: Array<[name: string, json: string, path: string]> = [
  ['another kind', responses({ kind: 'chat' }), 'kind'],
  ['no history', responses({ responseHistory: undefined }), 'responseHistory'],
  ['[null] history', responses({ responseHistory: [null] }), 'responseHistory[0]'],
  [
    'a kept response without an id',
    responses({ responseHistory: [{ id: 'resp_1', output: [] }, { output: [] }] }),
    'responseHistory[1].id',
  ],
  [
    'a kept response with an empty id',
    responses({ responseHistory: [{ id: '', output: [] }] }),
    'responseHistory[0].id',
  ],
  [
    'output that is not a list',
    responses({ responseHistory: [{ id: 'r', output: 'x' }] }),
    'responseHistory[0].output',
  ],
  ['a number as currentResponseId', responses({ currentResponseId: 5 }), 'currentResponseId'],
  ['an empty currentResponseId', responses({ currentResponseId: '' }), 'currentResponseId'],
  [
    'a number as previous_response_id',
    responses({ options: { previous_response_id: 5 } }),
    'options.previous_response_id',
  ],
  ['"9" tokens', responses({ usage: { ...usage, inputTokens: '9' } }), 'usage.inputTokens'],
];

describe('ChatSession.fromJSON rejects what is not a saved chat, naming the path', () => {
  it.each(HOSTILE_CHAT)('%s', (_name, json, path) => {
    const error = rejection(() => ChatSession.fromJSON(client, json));
    expect(error.message).toMatch(/^Not a saved ChatSession: /);
    expect(error.message).toContain(path === '' ? 'Not a saved ChatSession: Invalid input' : `: ${path}: `);
    // The same object form fails the same way.
    expect(rejection(() => ChatSession.fromJSON(client, JSON.parse(json))).message).toBe(error.message);
  });

  it('text that is not JSON', () => {
    expect(rejection(() => ChatSession.fromJSON(client, '{"version":')).message).toMatch(
      /^Not a saved ChatSession: not JSON/,
    );
  });

  it('lists a few problems of a long broken history, not all of them', () => {
    const error = rejection(() =>
      ChatSession.fromJSON(client, chat({ messages: Array(100_000).fill(null) })),
    );
    expect(error.message).toContain('messages[0]');
    expect(error.message).toMatch(/and \d+ more$/);
    expect(error.message.length).toBeLessThan(1_000);
  });
});

describe('ResponsesChatSession.fromJSON rejects what is not a saved session, naming the path', () => {
  it.each(HOSTILE_RESPONSES)('%s', (_name, json, path) => {
    const error = rejection(() => ResponsesChatSession.fromJSON(client, json));
    expect(error.message).toMatch(/^Not a saved ResponsesChatSession: /);
    expect(error.message).toContain(`: ${path}: `);
  });
});

describe('prototype keys and unknown keys are dropped; the prototypes stay untouched', () => {
  it('__proto__ in usage', () => {
    const json = chat().replace('"usage":{', '"usage":{"__proto__":{"polluted":true,"inputTokens":99},');
    const session = ChatSession.fromJSON(client, json);
    expect(Object.getPrototypeOf(session.usage)).toBe(Object.prototype);
    expect(Object.hasOwn(session.usage, '__proto__')).toBe(false);
    expect((session.usage as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(session.usage).toEqual(usage);
    session.usage.inputTokens += 1; // a number, not "9"-style concatenation
    expect(session.usage.inputTokens).toBe(2);
  });

  it('__proto__, constructor and prototype at the root, in options and in a message', () => {
    const json = JSON.stringify({
      version: 1,
      kind: 'chat',
      extra: 'dropped',
      options: { model: 'gpt-4.1', temperature: 0.5 },
      messages: [user],
      usage: { ...usage, extra: 1 },
    })
      .replace('{"version"', '{"__proto__":{"polluted":true},"constructor":{"name":"x"},"version"')
      .replace('"model"', '"__proto__":{"polluted":true},"constructor":1,"prototype":{},"model"')
      .replace('"role"', '"__proto__":{"polluted":true},"constructor":"x","role"');
    const session = ChatSession.fromJSON(client, json);
    const saved = session.toJSON();
    expect(Object.keys(saved.options)).toEqual(['model', 'temperature']);
    expect(Object.keys(saved.usage)).toEqual(['inputTokens', 'outputTokens', 'totalTokens', 'requests']);
    expect(saved).not.toHaveProperty('extra');
    const [message] = session.messages;
    expect(Object.keys(message ?? {})).toEqual(['role', 'content']);
    expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
    expect((message as Record<string, unknown>).constructor).toBe(Object);
  });

  it('__proto__ and constructor in a kept response and in the options of a Responses session', () => {
    const json = responses({ options: { model: 'gpt-4.1' } })
      .replace('"id":"resp_1"', '"__proto__":{"polluted":true},"constructor":5,"id":"resp_1"')
      .replace('"model"', '"__proto__":{"polluted":true},"prototype":1,"model"')
      .replace('"usage":{', '"usage":{"__proto__":{"polluted":true},');
    const session = ResponsesChatSession.fromJSON(client, json);
    const [response] = session.responseHistory;
    expect(Object.getPrototypeOf(response)).toBe(Object.prototype);
    expect(Object.keys(response ?? {}).sort()).toEqual(['id', 'object', 'output']);
    expect(response?.outputText()).toBe('');
    expect(Object.keys(session.toJSON().options)).toEqual(['model']);
    expect(session.currentResponseId).toBe('resp_1');
    expect(Object.getPrototypeOf(session.usage)).toBe(Object.prototype);
  });

  it('a saved session still resumes as it was saved', () => {
    const session = ChatSession.fromJSON(client, chat({ options: { model: 'gpt-4.1', seed: 3 } }));
    expect(JSON.parse(JSON.stringify(session))).toEqual(
      JSON.parse(chat({ options: { model: 'gpt-4.1', seed: 3 } })),
    );
    const resumed = ResponsesChatSession.fromJSON(client, responses());
    expect(JSON.parse(JSON.stringify(resumed))).toEqual(JSON.parse(responses()));
  });
});

describe('the constructor checks its options too (no raw TypeError)', () => {
  it.each([
    ['functions: 5', { functions: 5 }, 'functions'],
    ['a function without a name', { functions: [{}] }, 'functions[0].name'],
    ['messages: 5', { messages: 5 }, 'messages'],
    ['[null] messages', { messages: [user, null] }, 'messages[1]'],
  ])('%s', (_name, options, path) => {
    let error: unknown;
    try {
      new ChatSession(client, options as never);
    } catch (caught) {
      error = caught;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues[0]?.path).toBe(path);
  });
});

// A history spread onto the stack (`push(...messages)`) throws a RangeError past about 125,000 entries on
// Node's default stack; twice that proves the loop. How fast it loads is the bench's business, not a test's.
describe('a long history loads in a loop, never spread onto the stack', () => {
  const MANY = 250_000;
  const messages = Array.from({ length: MANY }, (_, index) => ({
    role: index % 2 === 0 ? ('user' as const) : ('assistant' as const),
    content: `message ${index}`,
  }));

  it('250,000 messages through fromJSON, from the object and from its JSON text', () => {
    const saved = { version: 1 as const, kind: 'chat' as const, options: {}, messages, usage };
    const session = ChatSession.fromJSON(client, saved);
    expect(session.messages).toHaveLength(MANY);
    expect(session.lastMessage()).toEqual({ role: 'assistant', content: 'message 249999' });

    const text = JSON.stringify(saved);
    const fromText = ChatSession.fromJSON(client, text);
    expect(fromText.messages).toHaveLength(MANY);
    expect(fromText.usage).toEqual(usage);
  }, 60_000);

  it('250,000 messages through new ChatSession(client, { messages })', () => {
    const session = new ChatSession(client, { messages });
    expect(session.messages).toHaveLength(MANY);
    session.appendMessage({ role: 'user', content: 'one more' });
    expect(session.messages).toHaveLength(MANY + 1);
  }, 60_000);

  it('250,000 kept responses through ResponsesChatSession.fromJSON', () => {
    const responseHistory = Array.from({ length: 250_000 }, (_, index) => ({
      id: `resp_${index}`,
      output: [],
    }));
    const session = ResponsesChatSession.fromJSON(client, {
      version: 1,
      kind: 'responses',
      options: {},
      currentResponseId: 'resp_249999',
      responseHistory: responseHistory as never,
      usage,
    });
    expect(session.responseHistory).toHaveLength(250_000);
    expect(session.responseHistory[249_999]?.outputText()).toBe('');
  }, 60_000);
});

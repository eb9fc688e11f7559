import { describe, expect, it, vi } from 'vitest';
import { ChatSession } from './chat-session.js';
import { ResponsesChatSession } from './responses-session.js';
import type { SessionClient } from './session-client.js';
import { SessionError } from './session-error.js';

// lua-openai's own session specs, with a fake client standing in for `client:chat` as its stubs do. Its
// methods may resolve anything (a malformed body, `ok: boolean`), as a client that is not ours could.
function fakeClient(overrides: { [K in keyof SessionClient]?: unknown }): SessionClient {
  return {
    chat: vi.fn(async () => ({ ok: false, status: 500, body: {} })),
    createResponse: vi.fn(async () => ({ ok: false, status: 500, body: {} })),
    ...overrides,
  } as SessionClient;
}

const reply = (content: unknown, extra: object = {}) => ({
  ok: true,
  status: 200,
  body: { usage: {}, choices: [{ message: { content, role: 'assistant', ...extra } }] },
});

describe('ChatSession (lua-openai spec)', () => {
  it('simple exchange', async () => {
    const chat = vi.fn();
    const client = fakeClient({ chat });
    const session = new ChatSession(client, { temperature: 0.75 });

    chat.mockImplementationOnce(async (messages, params) => {
      expect(messages).toEqual([{ role: 'user', content: 'Who are you?' }]);
      expect(params).toEqual({ temperature: 0.75 });
      return reply('I am you');
    });
    expect(await session.send('Who are you?')).toBe('I am you');
    expect(session.messages).toEqual([
      { role: 'user', content: 'Who are you?' },
      { role: 'assistant', content: 'I am you' },
    ]);

    chat.mockImplementationOnce(async (messages, params) => {
      expect(messages).toEqual([
        { role: 'user', content: 'Who are you?' },
        { role: 'assistant', content: 'I am you' },
        { role: 'user', content: 'Thank you' },
      ]);
      expect(params).toEqual({ temperature: 0.75 });
      return reply("You're welcome");
    });
    expect(await session.send('Thank you')).toBe("You're welcome");
  });

  it.each([
    [{}, 'Bad status: 400'],
    [{ error: { message: 'Not valid thing' } }, 'Bad status: 400: Not valid thing'],
    [{ error: { message: 'Not valid thing', code: '99' } }, 'Bad status: 400: Not valid thing (99)'],
  ])('handles error responses: %j', async (body, message) => {
    const session = new ChatSession(fakeClient({ chat: async () => ({ ok: false, status: 400, body }) }), {
      model: 'gpt-4',
    });
    const error = await session.send('Hello').catch((caught: unknown) => caught);
    expect(SessionError.isInstance(error)).toBe(true);
    expect((error as SessionError).message).toBe(message);
    expect((error as SessionError).status).toBe(400);
    expect((error as SessionError).body).toEqual(body);
    // The user's message stays; no half-written reply joins the history.
    expect(session.messages).toEqual([{ role: 'user', content: 'Hello' }]);
  });

  it('handles malformed output', async () => {
    const session = new ChatSession(
      fakeClient({ chat: async () => ({ ok: true, status: 200, body: { usage: {} } }) }),
    );
    const error = await session.send('Hello').catch((caught: unknown) => caught);
    expect((error as SessionError).message).toBe(
      'Failed to parse response from server: field "choices": expected type "table", got "nil"',
    );
    expect((error as SessionError).body).toEqual({ usage: {} });
  });

  it('with functions: returns the message with function_call, keeps null content, then the function result', async () => {
    const sqrt = {
      name: 'sqrt',
      description: 'Calculate square root of a number',
      parameters: { type: 'object', properties: { a: { type: 'number' } } },
    };
    const system = {
      role: 'system' as const,
      content:
        'You are a calculator with access to specified set of functions. All computation should be done with the functions',
    };
    const chat = vi.fn();
    const session = new ChatSession(fakeClient({ chat }), {
      model: 'gpt-4-0613',
      messages: [system],
      functions: [sqrt],
    });

    const call = { name: 'sqrt', arguments: '{ "a": 23892391 }' };
    chat.mockImplementationOnce(async (messages, params) => {
      expect(messages).toEqual([system, { role: 'user', content: 'Calculate the square root of 23892391' }]);
      expect(params).toEqual({ model: 'gpt-4-0613', functions: [sqrt] });
      return reply(null, { function_call: call });
    });
    expect(await session.send('Calculate the square root of 23892391')).toEqual({
      role: 'assistant',
      function_call: call,
      content: null,
    });

    chat.mockImplementationOnce(async (messages) => {
      expect(messages.slice(2)).toEqual([
        { role: 'assistant', function_call: call, content: null },
        { role: 'function', name: 'sqrt', content: '99' },
      ]);
      return reply('Good work!');
    });
    expect(await session.send({ role: 'function', name: 'sqrt', content: '99' })).toBe('Good work!');
  });

  it('processes streaming chunks', async () => {
    const chat = vi.fn(async (_messages, params, onDelta) => {
      expect(params).toEqual({ stream: true });
      for (const [content, index] of [
        ['This is ', 0],
        ['a chat ', 1],
        ['response.', 2],
      ] as const)
        await onDelta?.({ content, index }, {} as never);
      return { ok: true, status: 200, body: undefined };
    });
    const session = new ChatSession(fakeClient({ chat }), {
      messages: [{ role: 'user', content: 'tell me a joke' }],
    });
    const received: unknown[] = [];
    const response = await session.send(
      'Why did the chicken cross the road?',
      (chunk) => void received.push(chunk),
    );
    expect(received).toEqual([
      { content: 'This is ', index: 0 },
      { content: 'a chat ', index: 1 },
      { content: 'response.', index: 2 },
    ]);
    expect(response).toBe('This is a chat response.');
    expect(session.lastMessage()).toEqual({ role: 'assistant', content: 'This is a chat response.' });
  });

  it('aggregates streamed tool calls by index and returns the whole message', async () => {
    const chat = vi.fn(async (_messages, _params, onDelta) => {
      const deltas = [
        {
          index: 0,
          tool_calls: [
            { index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } },
          ],
        },
        {
          index: 0,
          tool_calls: [
            { index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{"tz"' } },
          ],
        },
        { index: 0, tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] },
        { index: 0, tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] },
        { index: 0, tool_calls: [{ index: 1, function: { arguments: ':"UTC"}' } }] },
      ];
      for (const delta of deltas) await onDelta?.(delta as never, {} as never);
      return { ok: true, status: 200, body: undefined };
    });
    const session = new ChatSession(fakeClient({ chat }));
    const message = await session.send('weather and time?', () => undefined);
    const expected = {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{"tz":"UTC"}' } },
      ],
    };
    expect(message).toEqual(expected);
    expect(session.lastMessage()).toEqual(expected);
  });

  it('keeps only role, content and calls in the history (no annotations or refusal)', async () => {
    const session = new ChatSession(
      fakeClient({ chat: async () => reply('hi', { annotations: [{ type: 'url' }], refusal: null }) }),
    );
    await session.send('x');
    expect(session.lastMessage()).toEqual({ role: 'assistant', content: 'hi' });
  });

  it('validates every appended message, naming its place in the history', () => {
    const session = new ChatSession(fakeClient({}), { messages: [{ role: 'user', content: 'a' }] });
    expect(() =>
      session.appendMessage({ role: 'user', content: 'b' }, { role: 'robot', content: 'c' } as never),
    ).toThrow(/messages\[2\]\.role/);
    expect(session.messages).toHaveLength(1);
    expect(
      () => new ChatSession(fakeClient({}), { functions: [{ description: 'no name' } as never] }),
    ).toThrow('functions[0].name');
  });
});

describe('ResponsesChatSession (lua-openai spec)', () => {
  const build = (id: string, text: string) => ({
    id,
    object: 'response',
    model: 'gpt-4.1-mini',
    output: [
      { id: `msg_${id}`, type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] },
    ],
    usage: {},
    status: 'completed',
  });

  it('tracks previous_response_id in a session', async () => {
    let calls = 0;
    const createResponse = vi.fn(async (_input, params) => {
      calls += 1;
      if (calls === 1) {
        expect(params.previous_response_id).toBeUndefined();
        return { ok: true, status: 200, body: build('resp_first', 'First reply') };
      }
      expect(params.previous_response_id).toBe('resp_first');
      return { ok: true, status: 200, body: build('resp_second', 'Second reply') };
    });
    const session = new ResponsesChatSession(fakeClient({ createResponse }), { model: 'gpt-4.1-mini' });
    const first = (await session.send('Hello')) as import('./responses-session.js').SessionResponse;
    expect(first.id).toBe('resp_first');
    expect(first.outputText()).toBe('First reply');
    expect(String(first)).toBe('First reply');
    const second = (await session.send('Hello again')) as import('./responses-session.js').SessionResponse;
    expect(second.outputText()).toBe('Second reply');
    expect(session.responseHistory).toEqual([first, second]);
    expect(session.currentResponseId).toBe('resp_second');
    expect(JSON.stringify(first)).not.toContain('outputText');
  });

  it('streams response deltas via session: { content } chunks with the raw event, the text, and the final response', async () => {
    const events = [
      { type: 'response.output_text.delta', delta: 'Hello' },
      { type: 'response.output_text.delta', delta: ' world' },
      { type: 'response.completed', response: build('resp_stream', 'Hello world') },
    ];
    const createResponse = vi.fn(async (_input, params, onEvent) => {
      expect(params.stream).toBe(true);
      for (const event of events) await onEvent?.(event as never);
      return { ok: true, status: 200, body: undefined };
    });
    const session = new ResponsesChatSession(fakeClient({ createResponse }), { model: 'gpt-4.1-mini' });
    const received: unknown[] = [];
    const text = await session.send('Say hello back', (chunk) => void received.push(chunk));
    expect(text).toBe('Hello world');
    expect(received).toEqual([
      { content: 'Hello', event: events[0] },
      { content: ' world', event: events[1] },
      { event: events[2] },
    ]);
    expect(session.currentResponseId).toBe('resp_stream');
    expect(session.responseHistory[0]?.outputText()).toBe('Hello world');
  });

  it('fails with lua-openai’s message on a bad status', async () => {
    const session = new ResponsesChatSession(
      fakeClient({
        createResponse: async () => ({ ok: false, status: 400, body: { error: { message: 'bad input' } } }),
      }),
    );
    await expect(session.send('x')).rejects.toThrow('Request failed with status: 400: bad input');
    expect(session.responseHistory).toEqual([]);
  });
});

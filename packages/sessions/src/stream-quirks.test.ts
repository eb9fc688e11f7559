import { type ChatCompletionChunk, Gemini, OpenAI, ValidationError } from '@wireai/openai-client';
import {
  CHAT_STREAM_QUIRKS,
  GEMINI_THOUGHT_SIGNATURE,
  type StreamServer,
  startStreamServer,
  textStream,
} from '@wireai/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatSession } from './chat-session.js';
import { ResponsesChatSession } from './responses-session.js';
import { SessionError } from './session-error.js';
import { TRANSPORTS } from './test-support/transports.js';
import { tool } from './tools.js';

// The recorded provider streams (@wireai/testing's CHAT_STREAM_QUIRKS), served by a raw node:http server
// over every transport, through the sessions: the history must hold the fixture's message, and the next
// request must send it back as it came (provider metadata included).

const places: string[] = [];
const weather = tool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ location: z.string() }),
  execute: ({ location }) => {
    places.push(location);
    return `sunny in ${location}`;
  },
});

type Message = Record<string, unknown>;
const messagesOf = (body: Record<string, unknown> | undefined) => (body?.messages ?? []) as Message[];

describe.each(TRANSPORTS)('sessions over recorded provider streams, %s', (_name, createTransport) => {
  let server: StreamServer;
  let client: OpenAI;
  beforeAll(async () => {
    server = await startStreamServer();
    client = new OpenAI('sk-test', { baseURL: server.baseURL, transport: createTransport(), maxRetries: 0 });
  });
  afterAll(() => server.close());

  describe.each(CHAT_STREAM_QUIRKS)('the $name fixture', (fixture) => {
    it('ChatSession returns and keeps the message, passing (delta, raw) to the callback', async () => {
      server.serve(fixture.sse);
      const session = new ChatSession(client);
      const raws: ChatCompletionChunk[] = [];
      const reply = await session.send('weather?', (_delta, raw) => void raws.push(raw));
      const expected = fixture.message.tool_calls ? fixture.message : fixture.message.content;
      expect(reply).toEqual(expected);
      expect(session.lastMessage()).toEqual(fixture.message);
      expect(raws.length).toBeGreaterThan(0);
      expect(raws.every((raw) => raw.object === 'chat.completion.chunk' && Array.isArray(raw.choices))).toBe(
        true,
      );
    });

    it('ChatSession.run runs the calls and sends the assistant message back as it came', async () => {
      server.serve(fixture.sse, textStream('All sunny.'));
      places.length = 0;
      const session = new ChatSession(client);
      const answer = await session.run('weather?', { tools: [weather], onChunk: () => undefined });
      expect(answer).toBe('All sunny.');
      const calls = fixture.message.tool_calls ?? [];
      expect(places).toEqual(calls.map((call) => JSON.parse(call.function.arguments).location));
      const next = messagesOf(server.requests[1]);
      expect(next[1]).toEqual(fixture.message);
      expect(next.slice(2)).toEqual(
        calls.map((call, index) => ({
          role: 'tool',
          tool_call_id: call.id,
          content: `sunny in ${places[index]}`,
        })),
      );
    });
  });

  it('the Gemini preset: a streamed tool round trip sends thought_signature back', async () => {
    const fixture = CHAT_STREAM_QUIRKS.find((each) => each.name === 'thought_signature in extra_content');
    server.serve(fixture?.sse ?? '', textStream('Sunny in Paris and in Rome.'));
    places.length = 0;
    const gemini = new Gemini('gm-test', { baseURL: server.baseURL, transport: createTransport() });
    const session = new ChatSession(gemini);
    const answer = await session.run('Weather in Paris and Rome?', {
      tools: [weather],
      onChunk: () => undefined,
    });
    expect(answer).toBe('Sunny in Paris and in Rome.');
    expect(places).toEqual(['Paris', 'Rome']);
    const [first, second] = server.requests;
    expect(first).toMatchObject({ model: 'gemini-2.5-flash', stream: true });
    expect(first).not.toHaveProperty('stream_options'); // the Gemini preset does not ask for stream usage
    const assistant = messagesOf(second)[1] as { role: string; tool_calls: Message[] };
    expect(assistant.role).toBe('assistant');
    expect(assistant.tool_calls[0]).toMatchObject({
      id: 'function-call-a',
      extra_content: { google: { thought_signature: GEMINI_THOUGHT_SIGNATURE } },
    });
    expect(
      messagesOf(second)
        .slice(2)
        .map((message) => message.tool_call_id),
    ).toEqual(['function-call-a', 'function-call-b']);
    expect(session.lastMessage()).toEqual({ role: 'assistant', content: 'Sunny in Paris and in Rome.' });
  });

  it('ChatSession returns a streamed legacy function_call, joined, and keeps it in the history', async () => {
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    server.serve(
      chunk({ role: 'assistant', content: null, function_call: { name: 'add', arguments: '' } }) +
        chunk({ function_call: { arguments: '{"a":2,' } }) +
        chunk({ function_call: { name: 'add', arguments: '"b":3}' } }) +
        chunk({}, 'function_call') +
        'data: [DONE]\n\n',
    );
    const session = new ChatSession(client, { functions: [{ name: 'add' }] });
    const expected = {
      role: 'assistant',
      content: null,
      function_call: { name: 'add', arguments: '{"a":2,"b":3}' },
    };
    expect(await session.send('2 + 3?', () => undefined)).toEqual(expected);
    expect(session.lastMessage()).toEqual(expected);
  });

  it('ChatSession: functions and tools changed between turns are sent, and checked before sending', async () => {
    server.serve(textStream('ok'));
    const add = { name: 'add', parameters: { type: 'object', properties: {} } };
    const session = new ChatSession(client, { functions: [add] });
    await session.send('one', () => undefined);
    session.functions = [...(session.functions ?? []), { name: 'sub' }];
    session.tools = [{ type: 'function', function: { name: 'mul', parameters: {} } }];
    await session.send('two', () => undefined);
    expect(server.requests[0]?.functions).toEqual([add]);
    expect(server.requests[0]).not.toHaveProperty('tools');
    expect(server.requests[1]).toMatchObject({
      functions: [add, { name: 'sub' }],
      tools: [{ type: 'function', function: { name: 'mul' } }],
    });
    expect(session.toJSON().options).toMatchObject({ functions: [add, { name: 'sub' }] });

    session.functions = undefined;
    session.tools = [{ type: 'function' } as never];
    const error = await session.send('three', () => undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('tools[0].function');
    expect(server.requests).toHaveLength(2); // nothing was sent
  });

  it('ResponsesChatSession passes (chunk, raw), keeps the final response, and refuses an incomplete one', async () => {
    const item = {
      type: 'message',
      id: 'msg_1',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'Hi' }],
    };
    const response = (status: string) => ({ id: 'resp_9', object: 'response', status, output: [item] });
    const sse = (...events: unknown[]) =>
      events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');
    const delta = { type: 'response.output_text.delta', output_index: 0, content_index: 0, delta: 'Hi' };
    server.serve(sse(delta, { type: 'response.completed', response: response('completed') }));
    const session = new ResponsesChatSession(client, { tools: [{ type: 'web_search' } as never] });
    const raws: string[] = [];
    expect(await session.send('hi', (chunk, raw) => void raws.push(`${chunk.content}:${raw.type}`))).toBe(
      'Hi',
    );
    expect(raws).toEqual(['Hi:response.output_text.delta', 'undefined:response.completed']);
    expect(server.requests[0]).toMatchObject({ tools: [{ type: 'web_search' }] });
    expect(session.currentResponseId).toBe('resp_9');

    server.serve(sse(delta, { type: 'response.incomplete', response: response('incomplete') }));
    const error = await session.send('more', () => undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionError);
    expect(session.currentResponseId).toBe('resp_9'); // the chain does not move to an incomplete response
  });
});

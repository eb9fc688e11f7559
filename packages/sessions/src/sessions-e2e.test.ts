import { createClient, OpenAI } from '@wireai/openai-client';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatSession } from './chat-session.js';
import { ResponsesChatSession, type SessionResponse } from './responses-session.js';
import { type SessionError, ToolLoopError } from './session-error.js';
import { TRANSPORTS } from './test-support/transports.js';
import { tool } from './tools.js';

const weather = tool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ location: z.string() }),
  execute: ({ location }) => ({ location, forecast: 'sunny', celsius: 22 }),
});

describe.each(TRANSPORTS)('sessions end to end over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI();
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport() });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('ChatSession keeps the history across turns, and counts usage', async () => {
    const session = new ChatSession(client, { temperature: 0.75 });
    expect(await session.send('Who are you?')).toBe('Echo: Who are you?');
    expect(await session.send('Thank you')).toBe('Echo: Thank you');
    expect(session.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(mock.requests[1]?.body).toMatchObject({
      temperature: 0.75,
      messages: session.messages.slice(0, 3),
    });
    expect(session.usage.requests).toBe(2);
    expect(session.usage.totalTokens).toBeGreaterThan(0);
  });

  it('ChatSession streams, aggregating text', async () => {
    const chunks: string[] = [];
    const reply = await new ChatSession(client).send(
      'stream me',
      (chunk) => void chunks.push(chunk.content ?? ''),
    );
    expect(reply).toBe('Echo: stream me');
    expect(chunks.join('')).toBe('Echo: stream me');
  });

  it('ChatSession asks for a streamed reply’s usage where the preset says the provider takes it, and counts it', async () => {
    const session = new ChatSession(client);
    const chunks: unknown[] = [];
    await session.send('count me', (chunk) => void chunks.push(chunk));
    expect(mock.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(session.usage).toMatchObject({ requests: 1, inputTokens: expect.any(Number) });
    expect(session.usage.totalTokens).toBe(session.usage.inputTokens + session.usage.outputTokens);
    expect(session.usage.outputTokens).toBeGreaterThan(0);
    // The usage chunk (no text) is not passed on.
    expect(chunks.every((chunk) => typeof (chunk as { content?: unknown }).content === 'string')).toBe(true);

    // The caller's own stream_options win: asked not to include usage, none is counted.
    await session.send('not me', { onChunk: () => undefined, stream_options: { include_usage: false } });
    expect(mock.requests[1]?.body).toMatchObject({ stream_options: { include_usage: false } });
    expect(session.usage.requests).toBe(1);
  });

  it('ChatSession does not ask a provider that rejects stream_options (Mistral)', async () => {
    const mistral = createClient('mistral', 'sk-test', {
      baseURL: mock.baseURL,
      transport: createTransport(),
    });
    expect(mistral.preset.streamUsage).toBe(false);
    const session = new ChatSession(mistral);
    expect(await session.send('hello', () => undefined)).toBe('Echo: hello');
    expect(mock.requests[0]?.body).not.toHaveProperty('stream_options');
    expect(session.usage.requests).toBe(0);
  });

  it('ChatSession fails with lua-openai’s message, keeping the history', async () => {
    mock.fault({ status: 400, message: 'Not valid thing', code: '99' });
    const session = new ChatSession(client);
    const error = await session.send('Hello').catch((caught: unknown) => caught);
    expect((error as SessionError).message).toBe('Bad status: 400: Not valid thing (99)');
    expect(session.messages).toEqual([{ role: 'user', content: 'Hello' }]);
  });

  it('ChatSession returns tool calls as the message, streamed or not', async () => {
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'get_weather',
          parameters: { type: 'object', properties: { location: { type: 'string' } } },
        },
      },
    ];
    const plain = await new ChatSession(client, { tools }).send('weather in Paris?');
    expect(plain).toMatchObject({
      role: 'assistant',
      tool_calls: [{ function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }],
    });
    const streamed = await new ChatSession(client, { tools }).send('weather in Paris?', () => undefined);
    expect(streamed).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [{ function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }],
    });
  });

  it('ResponsesChatSession chains turns with previous_response_id', async () => {
    const session = new ResponsesChatSession(client, { model: 'gpt-4.1-mini', instructions: 'Be brief' });
    const first = (await session.send('Hello')) as SessionResponse;
    const text = await session.send('Hello again', () => undefined);
    expect(first.outputText()).toBe('Echo: Hello');
    expect(text).toBe('Echo: Hello again');
    expect(mock.requests[1]?.body).toMatchObject({
      previous_response_id: first.id,
      instructions: 'Be brief',
      stream: true,
    });
    expect(session.responseHistory).toHaveLength(2);
    expect(session.currentResponseId).toBe(session.responseHistory[1]?.id);
  });

  it('structured output from a zod schema, on both kinds of session', async () => {
    const City = z.object({ city: z.string(), population: z.number() });
    const fromChat = await new ChatSession(client).send('Tell me about Lyon', { schema: City });
    expect(fromChat).toEqual({ city: 'city', population: 42 });
    expect(mock.requests[0]?.body).toMatchObject({ response_format: { type: 'json_schema' } });
    const fromResponses = await new ResponsesChatSession(client).send('Tell me about Lyon', { schema: City });
    expect(City.parse(fromResponses)).toEqual(fromResponses);
    expect(mock.requests[1]?.body).toMatchObject({ text: { format: { type: 'json_schema' } } });
  });

  describe('the tool runner', () => {
    it('runs a tool and returns the final answer (chat)', async () => {
      const session = new ChatSession(client);
      const answer = await session.run("What's the weather in Paris?", { tools: [weather] });
      expect(answer).toBe('The tool returned: {"location":"Paris","forecast":"sunny","celsius":22}');
      expect(session.messages.map((message) => message.role)).toEqual([
        'user',
        'assistant',
        'tool',
        'assistant',
      ]);
    });

    it('runs a tool and returns the final answer (responses), streaming inside', async () => {
      const chunks: string[] = [];
      const session = new ResponsesChatSession(client);
      const answer = await session.run("What's the weather in Oslo?", {
        tools: [weather],
        onChunk: (chunk) => void (chunk.content && chunks.push(chunk.content)),
      });
      expect(answer).toBe('The tool returned: {"location":"Oslo","forecast":"sunny","celsius":22}');
      expect(chunks.join('')).toBe(answer);
      expect(mock.requests[1]?.body).toMatchObject({
        input: [{ type: 'function_call_output' }],
        previous_response_id: session.responseHistory[0]?.id,
      });
    });

    it('runs parallel calls concurrently, and answers malformed arguments and unknown tools as tool errors', async () => {
      // A barrier: each valid call waits until both have started. Run one after the other, the first
      // would wait forever and the test would time out.
      let started = 0;
      let bothStarted!: () => void;
      const barrier = new Promise<void>((resolve) => {
        bothStarted = resolve;
      });
      const slow = tool({
        name: 'slow',
        parameters: z.object({ n: z.number() }),
        execute: async ({ n }) => {
          if (++started === 2) bothStarted();
          await barrier;
          return `slow ${n}`;
        },
      });
      mock.script(
        'POST /chat/completions',
        {
          toolCalls: [
            { name: 'slow', arguments: { n: 1 } },
            { name: 'slow', arguments: { n: 2 } },
            { name: 'slow', arguments: '{not json' },
            { name: 'slow', arguments: { n: 'three' } },
            { name: 'nope', arguments: {} },
          ],
        },
        { text: 'done' },
      );
      const session = new ChatSession(client);
      expect(await session.run('go', { tools: [slow] })).toBe('done');
      const results = session.messages
        .filter((message) => message.role === 'tool')
        .map((message) => String(message.content));
      expect(results[0]).toBe('slow 1');
      expect(results[1]).toBe('slow 2');
      expect(results[2]).toMatch(/^Error: the arguments for 'slow' are not valid JSON/);
      expect(results[3]).toMatch(/^Error: invalid arguments for 'slow': n: /);
      expect(results[4]).toBe("Error: unknown tool 'nope'. Available tools: slow.");
      expect(started).toBe(2);
    });

    it('stops with ToolLoopError at maxSteps', async () => {
      mock.handle('POST /responses', () => ({
        toolCalls: [{ name: 'get_weather', arguments: { location: 'Rome' } }],
      }));
      const error = await new ResponsesChatSession(client)
        .run('loop', { tools: [weather], maxSteps: 3 })
        .catch((caught: unknown) => caught);
      expect(ToolLoopError.isInstance(error)).toBe(true);
      expect(mock.requests).toHaveLength(3);
    });
  });

  it('saves and resumes a conversation', async () => {
    const session = new ChatSession(client, { model: 'gpt-4.1-mini' });
    await session.send('first');
    const resumed = ChatSession.fromJSON(client, JSON.stringify(session));
    expect(resumed.messages).toEqual(session.messages);
    await resumed.send('second');
    expect(mock.requests[1]?.body).toMatchObject({
      model: 'gpt-4.1-mini',
      messages: [...session.messages, { role: 'user', content: 'second' }],
    });
    const responses = new ResponsesChatSession(client);
    await responses.send('one');
    const again = ResponsesChatSession.fromJSON(client, JSON.stringify(responses));
    expect(again.currentResponseId).toBe(responses.currentResponseId);
    expect(again.responseHistory[0]?.outputText()).toBe('Echo: one');
    expect(() => ChatSession.fromJSON(client, '{"version":2}')).toThrow('Not a saved ChatSession');
  });
});

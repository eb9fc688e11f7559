import { OpenAI } from '@wireai/openai-client';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { createFetchTransport } from '@wireai/transport-fetch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ChatSession } from './chat-session.js';
import { ResponsesChatSession } from './responses-session.js';
import { tool } from './tools.js';

// The sessions take zod 4 schemas from `zod/mini` as they take full zod ones: the JSON Schema sent, the
// arguments checked, the structured reply parsed.

const add = tool({
  name: 'add',
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => a + b,
});

/**
 * Runs `work` as in a program that imports only zod/mini: no messages configured globally (importing
 * full zod, as this test process does elsewhere, configures English).
 */
async function withoutConfiguredMessages<T>(work: () => Promise<T>): Promise<T> {
  const { localeError, customError } = z.config();
  z.config({ localeError: undefined, customError: undefined });
  try {
    return await work();
  } finally {
    z.config({ localeError, customError });
  }
}

describe('zod/mini schemas in sessions', () => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI();
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createFetchTransport() });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('declares a zod/mini tool with its JSON Schema and runs it with checked arguments', async () => {
    mock.script(
      'POST /chat/completions',
      {
        toolCalls: [
          { name: 'add', arguments: { a: 2, b: 3 } },
          { name: 'add', arguments: { a: 2, b: 'three' } },
        ],
      },
      { text: 'done' },
    );
    const session = new ChatSession(client);
    expect(await withoutConfiguredMessages(() => session.run('add', { tools: [add] }))).toBe('done');
    expect(mock.requests[0]?.body).toMatchObject({
      tools: [
        {
          type: 'function',
          function: {
            name: 'add',
            parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } },
          },
        },
      ],
    });
    const results = session.messages.filter((message) => message.role === 'tool').map((m) => m.content);
    expect(results).toEqual([
      '5',
      "Error: invalid arguments for 'add': b: Invalid input: expected number, received string",
    ]);
  });

  it('keeps the messages a program configured for its own zod schemas', async () => {
    const { customError } = z.config();
    z.config({ customError: () => 'ours' });
    try {
      mock.script(
        'POST /chat/completions',
        { toolCalls: [{ name: 'add', arguments: { a: 2, b: 'three' } }] },
        { text: 'done' },
      );
      const session = new ChatSession(client);
      await session.run('add', { tools: [add] });
      expect(session.messages.find((message) => message.role === 'tool')?.content).toBe(
        "Error: invalid arguments for 'add': b: ours",
      );
    } finally {
      z.config({ customError });
    }
  });

  it('parses structured output with a zod/mini schema, on both kinds of session', async () => {
    const City = z.object({ city: z.string(), population: z.number() });
    expect(await new ChatSession(client).send('Tell me about Lyon', { schema: City })).toEqual({
      city: 'city',
      population: 42,
    });
    expect(mock.requests[0]?.body).toMatchObject({
      response_format: {
        type: 'json_schema',
        json_schema: { schema: { type: 'object', required: ['city', 'population'] } },
      },
    });
    const fromResponses = await new ResponsesChatSession(client).send('Tell me about Lyon', { schema: City });
    expect(z.parse(City, fromResponses)).toEqual(fromResponses);

    // The mock answers `city: 'city'`, which this check refuses.
    const Wrong = z.object({ city: z.string().check(z.minLength(10)) });
    const error = await withoutConfiguredMessages(() =>
      new ChatSession(client).send('Tell me about Lyon', { schema: Wrong }),
    ).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      'Structured output does not match the schema: city: Too small: expected string to have >=10 characters',
    );
  });
});

import type { Transport } from '@wireai/core';
import { createMockOpenAI, createMockTransport, type MockOpenAI, startMockOpenAI } from '@wireai/testing';
import { describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { TRANSPORTS } from './test-support/transports.js';

// @wireai/testing's lead example: a queued fault and a scripted reply together. The faulted attempt must
// leave the scripted reply for the retry, so the caller sees 'Bonjour' after one retry, not the default
// echo. retryAfterMs: 0 keeps the client's backoff off the clock.

type Setup = { mock: MockOpenAI; client: OpenAI; close: () => Promise<void> };

function inMemory(): Setup {
  const mock = createMockOpenAI();
  const transport = createMockTransport(mock.handler);
  const client = new OpenAI('sk-test', { baseURL: 'https://api.openai.test/v1', transport });
  return { mock, client, close: async () => undefined };
}

function overServer(createTransport: () => Transport) {
  return async (): Promise<Setup> => {
    const mock = await startMockOpenAI();
    const client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport() });
    return { mock, client, close: () => mock.close() };
  };
}

const setups: Array<[string, () => Setup | Promise<Setup>]> = [
  ['the mock transport', inMemory],
  ...TRANSPORTS.map(([name, create]): [string, () => Promise<Setup>] => [
    `the mock server over ${name}`,
    overServer(create),
  ]),
];

const hello = [{ role: 'user' as const, content: 'Say hello' }];

describe.each(setups)('a fault queued with a scripted reply, over %s', (_name, setUp) => {
  it('answers the scripted reply to the retry of the faulted request', async () => {
    const { mock, client, close } = await setUp();
    try {
      mock.fault({ status: 429, retryAfterMs: 0 });
      mock.script('POST /chat/completions', { text: 'Bonjour' });

      const result = await client.createChatCompletion(hello);

      expect(result.ok).toBe(true);
      if (result.ok) expect(result.body.choices[0]?.message.content).toBe('Bonjour');
      expect(mock.requests).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('keeps the scripted reply through two failed attempts of a streamed request', async () => {
    const { mock, client, close } = await setUp();
    try {
      mock.script('POST /chat/completions', { text: 'Bonjour tout le monde' });
      mock.fault({ status: 500, retryAfterMs: 0 }, { status: 503, retryAfterMs: 0 });

      let text = '';
      for await (const chunk of client.streamChatCompletion(hello)) {
        text += chunk.choices[0]?.delta.content ?? '';
      }

      expect(text).toBe('Bonjour tout le monde');
      expect(mock.requests).toHaveLength(3);
    } finally {
      await close();
    }
  });
});

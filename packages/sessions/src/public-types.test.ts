// What a user's code compiles to: reply types narrow by how `send` is called, and callbacks may return
// anything (`process.stdout.write` returns a boolean). Checked by `pnpm typecheck` and run by vitest.
import { OpenAI } from '@wireai/openai-client';
import { createMockOpenAI, createMockTransport } from '@wireai/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type ChatReply, ChatSession } from './chat-session.js';
import { ResponsesChatSession, type SessionResponse } from './responses-session.js';

const client = () =>
  new OpenAI('sk-test', {
    baseURL: 'http://mock/v1',
    transport: createMockTransport(createMockOpenAI().handler),
  });

describe('the types a caller sees', () => {
  it('ResponsesChatSession.send: a response, the streamed text, or the parsed schema', async () => {
    const session = new ResponsesChatSession(client());
    const response = await session.send('plain');
    expectTypeOf(response).toEqualTypeOf<SessionResponse>();
    expect(response.outputText()).toBe('Echo: plain');

    const written: string[] = [];
    const streamed = await session.send('streamed', (chunk) => written.push(chunk.content ?? ''));
    expectTypeOf(streamed).toEqualTypeOf<string>();
    expect(streamed).toBe('Echo: streamed');
    expect(written.join('')).toBe('Echo: streamed');

    const viaOptions = await session.send('options', { onChunk: () => true, temperature: 0 });
    expectTypeOf(viaOptions).toEqualTypeOf<string>();
    expect(viaOptions).toBe('Echo: options');

    const created = await session.createResponse('created', {}, () => 1);
    expectTypeOf(created).toEqualTypeOf<string>();
    expectTypeOf(await session.createResponse('again')).toEqualTypeOf<SessionResponse>();
  });

  it('a structured reply is typed by its schema', () => {
    const session = new ResponsesChatSession(client());
    const schema = z.object({ city: z.string() });
    expectTypeOf(session.send('where?', { schema })).resolves.toEqualTypeOf<{ city: string }>();
    expectTypeOf(new ChatSession(client()).send('where?', { schema })).resolves.toEqualTypeOf<{
      city: string;
    }>();
  });

  it('ChatSession.send takes a callback returning anything', async () => {
    const chunks: string[] = [];
    const reply = await new ChatSession(client()).send('hello', (chunk) => chunks.push(chunk.content ?? ''));
    expectTypeOf(reply).toEqualTypeOf<ChatReply>();
    expect(reply).toBe('Echo: hello');
    expect(chunks.join('')).toBe('Echo: hello');
  });
});

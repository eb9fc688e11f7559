// The one `Session` interface: both sessions implement it, and code holding only a `Session` (as the CLI
// does) can send, stream, run tools, switch models, read history and usage, save and restore, over a
// real server on 127.0.0.1 and every transport.
import { type ChatCompletionMessage, OpenAI, ValidationError } from '@wireai/openai-client';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { ChatReply, ChatSession } from './chat-session.js';
import type { ResponsesChatSession, SessionResponse } from './responses-session.js';
import { createSession, restoreSession } from './restore-session.js';
import type { SavedSession, Session, SessionKind } from './session.js';
import { SessionError } from './session-error.js';
import { TRANSPORTS } from './test-support/transports.js';
import { tool } from './tools.js';

describe('the Session interface, as types', () => {
  it('both sessions implement it, with their own input, reply and history types', () => {
    expectTypeOf<ChatSession>().toExtend<Session>();
    expectTypeOf<ResponsesChatSession>().toExtend<Session>();
    expectTypeOf<ChatSession>().toExtend<
      Session<ChatCompletionMessage | string, ChatReply, ChatCompletionMessage>
    >();
    expectTypeOf<ResponsesChatSession>().toExtend<Session<string, SessionResponse, SessionResponse>>();
    // The model is readable and writable through the interface; usage and kind are read-only.
    expectTypeOf<Session['model']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Session['kind']>().toEqualTypeOf<SessionKind>();
    expectTypeOf<ReturnType<Session['toJSON']>>().toEqualTypeOf<SavedSession>();
    expectTypeOf(createSession).returns.toExtend<Session>();
    expectTypeOf(restoreSession).returns.toExtend<Session>();
  });

  it('replies are typed by how they are asked for (no `unknown`)', () => {
    // Checked by the compiler only: never called, so nothing is sent.
    const replies = (chat: ChatSession, responses: ResponsesChatSession) => {
      expectTypeOf(chat.generateResponse()).resolves.toEqualTypeOf<ChatReply>();
      expectTypeOf(chat.generateResponse(false, { schema: z.number() })).resolves.toEqualTypeOf<number>();
      expectTypeOf(
        responses.send('x', { onChunk: (chunk) => chunk.content }),
      ).resolves.toEqualTypeOf<string>();
      expectTypeOf(responses.createResponse('x', undefined, () => 1)).resolves.toEqualTypeOf<string>();
      expectTypeOf(responses.createResponse('x', { schema: z.string() })).resolves.toEqualTypeOf<string>();
      expectTypeOf(responses.stream('x', () => undefined)).resolves.toEqualTypeOf<string>();
    };
    expectTypeOf(replies).toBeFunction();
  });
});

const weather = tool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ location: z.string() }),
  execute: ({ location }) => ({ location, sky: 'clear' }),
});

describe.each(TRANSPORTS)('a Session over %s', (_transport, createTransport) => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI();
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport() });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  // What continues the conversation in a request: the earlier messages, or the chain's last id.
  const continues = (kind: SessionKind, body: unknown, session: Session) =>
    kind === 'chat'
      ? expect((body as { messages: unknown[] }).messages).toEqual(session.history().slice(0, 3))
      : expect((body as { previous_response_id?: unknown }).previous_response_id).toBe(
          (session.history()[0] as SessionResponse).id,
        );

  describe.each(['chat', 'responses'] as const)('%s', (api) => {
    it('switches model mid-conversation, keeping the history', async () => {
      const session: Session = createSession(client, { api, model: 'model-a' });
      expect(session.kind).toBe(api);
      await session.send('one');
      expect(session.model).toBe('model-a');
      session.model = 'model-b';
      expect(session.model).toBe('model-b');
      await session.send('two');
      expect(mock.requests.map((request) => (request.body as { model?: unknown }).model)).toEqual([
        'model-a',
        'model-b',
      ]);
      continues(api, mock.requests[1]?.body, session);
      expect(session.toJSON().options.model).toBe('model-b');
      // Back to the client's default: no model of the session's own is sent.
      session.model = undefined;
      await session.send('three');
      expect(mock.requests[2]?.body).toMatchObject({ model: client.defaultModel });
    });

    it('refuses an empty model, keeping the one it had', () => {
      const session: Session = createSession(client, { api, model: 'model-a' });
      const error = (() => {
        try {
          session.model = '';
        } catch (caught) {
          return caught;
        }
      })();
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues).toEqual([{ path: 'model', message: expect.any(String) }]);
      expect(session.model).toBe('model-a');
      expect(mock.requests).toHaveLength(0);
    });

    it('streams the text piece by piece, resolving the whole of it; history and usage follow', async () => {
      const session: Session = createSession(client, { api });
      const pieces: string[] = [];
      const text = await session.stream('stream me please', (piece) => void pieces.push(piece));
      expect(text).toBe('Echo: stream me please');
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join('')).toBe(text);
      expect(mock.requests[0]?.body).toMatchObject({ stream: true });
      expect(session.history()).toHaveLength(api === 'chat' ? 2 : 1);
      expect(session.usage.requests).toBe(1);
      expect(session.usage.totalTokens).toBeGreaterThan(0);
    });

    it('runs tools through the interface', async () => {
      const session: Session = createSession(client, { api });
      const answer = await session.run("What's the weather in Lima?", { tools: [weather] });
      expect(answer).toBe('The tool returned: {"location":"Lima","sky":"clear"}');
      expect(mock.requests).toHaveLength(2);
    });

    it('saves and restores by kind, and the restored session continues the conversation', async () => {
      const session: Session = createSession(client, { api, model: 'model-a', temperature: 0.5 });
      await session.send('remember me');
      const restored: Session = restoreSession(client, JSON.stringify(session));
      expect(restored.kind).toBe(api);
      expect(restored.model).toBe('model-a');
      expect(restored.usage).toEqual(session.usage);
      expect(JSON.parse(JSON.stringify(restored.history()))).toEqual(
        JSON.parse(JSON.stringify(session.history())),
      );
      await restored.send('and now?');
      expect(mock.requests[1]?.body).toMatchObject({ model: 'model-a', temperature: 0.5 });
      continues(api, mock.requests[1]?.body, restored);
      // The object form restores too.
      expect(restoreSession(client, session.toJSON()).kind).toBe(api);
    });
  });
});

describe('restoreSession', () => {
  const client = new OpenAI('sk-test', { baseURL: 'http://127.0.0.1:1/v1' });
  it.each([
    ['not JSON', '{', /^Not a saved session: not JSON/],
    ['no kind', '{}', "Not a saved session: kind: expected 'chat' or 'responses'"],
    ['another kind', { kind: 'assistant' }, "Not a saved session: kind: expected 'chat' or 'responses'"],
    ['null', 'null', "Not a saved session: kind: expected 'chat' or 'responses'"],
  ])('refuses %s with a SessionError', (_case, input, message) => {
    let error: unknown;
    try {
      restoreSession(client, input as never);
    } catch (caught) {
      error = caught;
    }
    expect(SessionError.isInstance(error)).toBe(true);
    expect((error as SessionError).message).toMatch(message);
  });

  it('checks a saved session of a known kind as its class does, naming the path', () => {
    expect(() =>
      restoreSession(client, { version: 1, kind: 'chat', messages: [{ role: 'robot' }] } as never),
    ).toThrow(/^Not a saved ChatSession: messages\[0\]\.role/);
  });
});

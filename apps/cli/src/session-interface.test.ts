// The chat holds a session only through `@wireai/sessions`' `Session` interface: the same code sends,
// streams, switches models and saves for both APIs, with no branch on the class.
import { readFileSync } from 'node:fs';
import type { Session, SessionClient } from '@wireai/sessions';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { loadSession, saveSession } from './session-files.js';
import { harness } from './test-support/harness.js';

// What the REPL and its session files may take from the sessions package: the interface and its helpers.
const INTERFACE = new Set([
  'Session',
  'SessionUsage',
  'SavedSession',
  'SessionClient',
  'createSession',
  'restoreSession',
]);
const FILES = ['commands/chat.ts', 'session-files.ts'];

describe('the chat compiles against the Session interface only', () => {
  it('saves and loads a Session, from any SessionClient', () => {
    expectTypeOf(saveSession).parameter(0).toEqualTypeOf<Session>();
    expectTypeOf(loadSession).parameter(0).toEqualTypeOf<SessionClient>();
    expectTypeOf(loadSession).returns.resolves.toEqualTypeOf<Session>();
  });

  it.each(FILES)('%s imports no session class and never asks which class it holds', (file) => {
    const source = readFileSync(new URL(file, import.meta.url), 'utf8');
    const imported = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@wireai\/sessions'/g)].flatMap(
      (match) =>
        (match[1] ?? '')
          .split(',')
          .map((name) => name.replace(/^\s*type\s+/, '').trim())
          .filter(Boolean),
    );
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !INTERFACE.has(name))).toEqual([]);
    expect(source).not.toMatch(/\binstanceof\b|\.fromJSON\(/);
  });
});

describe('/model through the interface', () => {
  let server: MockOpenAIServer;
  beforeAll(async () => {
    server = await startMockOpenAI({ apiKey: 'sk-cli' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it.each([
    ['chat', [], 'POST /chat/completions'],
    ['responses', ['--api', 'responses'], 'POST /responses'],
  ])('%s: the next reply uses the new model and keeps the conversation', async (_api, flags, route) => {
    const cli = harness({ OPENAI_API_KEY: 'sk-cli' });
    const done = cli.run(['--base-url', server.baseURL, ...flags, '--model', 'model-a', 'chat']);
    cli.stdin.write('first\n');
    await cli.waitFor('ai  › Echo: first\n');
    cli.stdin.end('/model model-b\nsecond\n');
    expect(await done).toBe(0);
    expect(cli.out()).toContain('(model: model-b)');
    const sent = server.requests.filter((request) => request.route === route).map((request) => request.body);
    expect(sent.map((body) => (body as { model?: unknown }).model)).toEqual(['model-a', 'model-b']);
    const second = sent[1] as { messages?: unknown[]; previous_response_id?: unknown };
    if (route === 'POST /responses') expect(second.previous_response_id).toEqual(expect.any(String));
    else
      expect(second.messages).toEqual([
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'Echo: first' },
        { role: 'user', content: 'second' },
      ]);
  });
});

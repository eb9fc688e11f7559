import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, stream } from '../test-support/http.js';
import { type MockOpenAIServer, startMockOpenAI } from './mock-openai.js';

// A queued fault and a scripted reply together (the README's lead example): the faulted request must not
// use up the reply, so a client's retry gets it.

let mock: MockOpenAIServer;
let base: string;
beforeAll(async () => {
  mock = await startMockOpenAI();
  base = mock.baseURL;
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const chat = { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello' }] };
const content = (json: Record<string, unknown>) =>
  (json as { choices?: Array<{ message: { content: string } }> }).choices?.[0]?.message.content;

describe('a queued fault with a scripted reply', () => {
  it('answers the fault first and keeps the reply for the next request, in either order of queuing', async () => {
    mock.fault({ status: 429, retryAfterMs: 10 });
    mock.script('POST /chat/completions', { text: 'Bonjour' });
    expect((await call(base, 'POST', '/chat/completions', chat)).status).toBe(429);
    expect(content((await call(base, 'POST', '/chat/completions', chat)).json)).toBe('Bonjour');
    expect(content((await call(base, 'POST', '/chat/completions', chat)).json)).toBe('Echo: Say hello');

    mock.script('POST /chat/completions', { text: 'Salut' });
    mock.fault({ status: 500 });
    expect((await call(base, 'POST', '/chat/completions', chat)).status).toBe(500);
    expect(content((await call(base, 'POST', '/chat/completions', chat)).json)).toBe('Salut');
  });

  it('keeps the reply through a reset, an HTML page, malformed JSON and a huge body', async () => {
    mock.script('POST /chat/completions', { text: 'Bonjour' });
    mock.fault({ reset: 'before-headers' }, { html: true }, { malformedJson: true }, { hugeBody: 1024 });
    await expect(call(base, 'POST', '/chat/completions', chat)).rejects.toThrow();
    expect((await call(base, 'POST', '/chat/completions', chat)).status).toBe(502);
    expect((await call(base, 'POST', '/chat/completions', chat)).json).toBeUndefined();
    expect((await call(base, 'POST', '/chat/completions', chat)).json.object).toBe('padding');
    expect(content((await call(base, 'POST', '/chat/completions', chat)).json)).toBe('Bonjour');
  });

  it('cuts the scripted reply itself when the fault cuts the body, and still keeps it queued', async () => {
    mock.script('POST /chat/completions', { text: 'Bonjour tout le monde' });
    mock.fault({ truncate: true });
    const cut = await stream(base, '/chat/completions', { ...chat, stream: true });
    expect(cut.events.map((event) => event.data)).not.toContain('[DONE]');
    expect(cut.events.map((event) => event.data).join('')).toContain('Bonjour');
    const whole = await call(base, 'POST', '/chat/completions', chat);
    expect(content(whole.json)).toBe('Bonjour tout le monde');
  });

  it('delivers the reply with a fault that only delays it or adds headers', async () => {
    mock.script('POST /chat/completions', { text: 'Bonjour' });
    mock.fault({ delayMs: 1, retryAfterMs: 5 });
    const { status, headers, json } = await call(base, 'POST', '/chat/completions', chat);
    expect(status).toBe(200);
    expect(headers.get('retry-after-ms')).toBe('5');
    expect(content(json)).toBe('Bonjour');
    expect(content((await call(base, 'POST', '/chat/completions', chat)).json)).toBe('Echo: Say hello');
  });

  it('still uses up a reply whose own fault fails the request (a fault scripted for that route)', async () => {
    mock.script('POST /chat/completions', { fault: { status: 503 } }, { text: 'Bonjour' });
    expect((await call(base, 'POST', '/chat/completions', chat)).status).toBe(503);
    expect(content((await call(base, 'POST', '/chat/completions', chat)).json)).toBe('Bonjour');
  });
});

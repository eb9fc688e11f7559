import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sinks, type Transport, TransportError, type TransportRequest } from '@wireai/core';
import { describe, expect, it } from 'vitest';
import { createMockTransport } from '../mock/mock-transport.js';
import { createMockOpenAI } from '../openai/mock-openai.js';
import { NoRecordedMatchError, recordTransport, replayTransport } from './index.js';

const cassetteFile = () => join(mkdtempSync(join(tmpdir(), 'wireai-cassette-')), 'nested', 'chat.json');
const base = 'http://api.mock.test/v1';
const chat = (content: string, stream = false) =>
  JSON.stringify({
    model: 'gpt-4.1',
    messages: [{ role: 'user', content }],
    ...(stream ? { stream: true } : {}),
  });

/** Sends a request and keeps what a caller would notice: the head, every chunk, or the failure. */
async function observe(transport: Transport, request: Omit<TransportRequest, 'sink'>) {
  const chunks: string[] = [];
  try {
    const head = await transport.request({
      ...request,
      sink: (chunk) => void (chunk && chunks.push(new TextDecoder().decode(chunk))),
    });
    return { head, chunks };
  } catch (error) {
    return { failure: TransportError.isInstance(error) ? error.code : String(error), chunks };
  }
}

const post = (path: string, source: string, headers: Record<string, string> = {}) => ({
  url: `${base}${path}`,
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'Bearer sk-live-secret', ...headers },
  source,
});

describe('recordTransport / replayTransport', () => {
  it('replays JSON, streams, errors and failures exactly as recorded, with secrets redacted', async () => {
    const mock = createMockOpenAI();
    mock.script(
      'POST /chat/completions',
      { text: 'one' },
      { text: 'two words', fault: { chunkDelayMs: 2 } },
      { error: { status: 429, message: 'slow down' } },
    );
    mock.fault({}, {}, {}, { reset: 'before-headers' });
    const file = cassetteFile();
    const recorder = recordTransport(createMockTransport(mock.handler), file);
    const requests = [
      post('/chat/completions?key=AIza-query-secret', chat('a')),
      post('/chat/completions', chat('b', true)),
      post('/chat/completions', chat('c')),
      post('/chat/completions', chat('d')),
    ];
    const live = [];
    for (const request of requests) live.push(await observe(recorder, request));
    expect(live[3]).toEqual({ failure: 'CONNECTION_RESET', chunks: [] });

    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('sk-live-secret');
    expect(text).not.toContain('AIza-query-secret');
    expect(text).toContain('[redacted]');

    const replayer = replayTransport(file);
    const replayed = [];
    for (const request of requests) replayed.push(await observe(replayer, request));
    expect(replayed).toEqual(live);
    expect(replayed[1]?.chunks.length).toBeGreaterThan(3); // the stream, chunk by chunk
    expect(replayer.remaining).toBe(0);
  });

  it('matches by method, path and body in request mode, in any order', async () => {
    const file = cassetteFile();
    const recorder = recordTransport(createMockTransport(createMockOpenAI().handler), file);
    await observe(recorder, post('/chat/completions', chat('first')));
    await observe(recorder, post('/chat/completions', chat('second')));
    const replayer = replayTransport(file, { match: 'request' });
    const body = sinks.collect();
    // Same JSON with keys in another order still matches.
    await replayer.request({
      ...post(
        '/chat/completions',
        JSON.stringify({ messages: [{ content: 'second', role: 'user' }], model: 'gpt-4.1' }),
      ),
      sink: body.sink,
    });
    expect(
      body.json<{ choices: Array<{ message: { content: string } }> }>().choices[0]?.message.content,
    ).toBe('Echo: second');
  });

  it('fails a request with no recorded match, showing the closest recorded one', async () => {
    const file = cassetteFile();
    const recorder = recordTransport(createMockTransport(createMockOpenAI().handler), file);
    await observe(recorder, post('/chat/completions', chat('recorded question')));
    await observe(recorder, { url: `${base}/models`, method: 'GET', headers: {} });
    const replayer = replayTransport(file, { match: 'request' });
    const error = await replayer
      .request({ ...post('/chat/completions', chat('another question')) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoRecordedMatchError);
    expect((error as Error).message).toBe(
      `No recorded interaction matches POST /v1/chat/completions with body ${chat('another question')}. Closest recorded: POST /v1/chat/completions with body ${chat('recorded question')}.`,
    );
    const ordered = replayTransport(file);
    await observe(ordered, post('/chat/completions', chat('recorded question')));
    await observe(ordered, { url: `${base}/models`, method: 'GET', headers: {} });
    await expect(ordered.request({ url: `${base}/models`, method: 'GET', headers: {} })).rejects.toThrow(
      'All 2 recorded interactions were used.',
    );
  });

  it('keeps the pacing of a stream when asked, and replays it', async () => {
    const mock = createMockOpenAI({ chunkDelayMs: 30 });
    const file = cassetteFile();
    const recorder = recordTransport(createMockTransport(mock.handler), file, { timing: true });
    await observe(recorder, post('/chat/completions', chat('a b c', true)));
    const chunks = recorder.cassette.interactions[0]?.response?.chunks ?? [];
    expect(chunks.slice(1).every((chunk) => (chunk.delayMs ?? 0) >= 25)).toBe(true);
    // Replayed with the recorded pauses: recorded here by the replay's clock, not waited through.
    const waits: number[] = [];
    const replay = replayTransport(file, {
      timing: true,
      clock: { sleep: async (ms) => void waits.push(ms) },
    });
    await observe(replay, post('/chat/completions', chat('a b c', true)));
    expect(waits).toEqual(chunks.slice(1).map((chunk) => chunk.delayMs));
  });

  it('applies a custom redaction before writing', async () => {
    const file = cassetteFile();
    const recorder = recordTransport(createMockTransport(createMockOpenAI().handler), file, {
      // The request and the echoed reply both carry the number.
      redact: (interaction) => JSON.parse(JSON.stringify(interaction).replace(/\d{4}-\d{4}/g, '####')),
    });
    await observe(recorder, post('/chat/completions', chat('my card is 1234-5678')));
    expect(readFileSync(file, 'utf8')).not.toContain('1234-5678');
  });

  it('refuses a file that is not a cassette, saying why', () => {
    const file = cassetteFile().replace('chat.json', '../not-a-cassette.json');
    expect(() => replayTransport(file)).toThrow(`cassette ${file}: cannot be read: ENOENT`);
    expect(() => replayTransport({ version: 2 } as never)).toThrow(
      'cassette object given: "version" must be 1, got 2 (and 1 more)',
    );
  });
});

import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OpenAI } from '../client.js';
import { IncompleteStreamError, ValidationError } from '../errors.js';
import { PROVIDERS } from '../providers/presets.js';
import { createClient } from '../providers/provider-clients.js';
import { rawStream, singleNewlineChat } from '../test-support/raw-stream.js';
import { TRANSPORTS } from '../test-support/transports.js';

const hello = [{ role: 'user' as const, content: 'hello' }];
const PIECES = ['This is ', 'a chat ', 'response.'];

describe.each(TRANSPORTS)('stream framing over %s', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  const client = (config: ConstructorParameters<typeof OpenAI>[1] = {}) =>
    new OpenAI('sk-test', { baseURL: mock.baseURL, maxRetries: 0, transport: createTransport(), ...config });
  const serveSingleNewline = () =>
    mock.handle('POST /chat/completions', () => rawStream(singleNewlineChat(PIECES)));
  const collect = async (
    iterable: AsyncIterable<{ choices: Array<{ delta: { content?: string | null } }> }>,
  ) => {
    const contents: unknown[] = [];
    for await (const chunk of iterable) contents.push(chunk.choices[0]?.delta.content);
    return contents;
  };

  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('by default (strict) finds no complete event in a single-newline stream, and says what to try', async () => {
    serveSingleNewline();
    const error = await collect(client().streamChatCompletion(hello)).catch((caught: unknown) => caught);
    expect(IncompleteStreamError.isInstance(error)).toBe(true);
    expect((error as IncompleteStreamError).message).toContain("sseFraming: 'lenient'");
  });

  it("with sseFraming: 'lenient' reads each complete JSON data line as an event", async () => {
    serveSingleNewline();
    expect(await collect(client({ sseFraming: 'lenient' }).streamChatCompletion(hello))).toEqual(PIECES);
  });

  it('lets a call choose its framing, over the client option, in each calling style', async () => {
    serveSingleNewline();
    const strictClient = client();
    expect(await collect(strictClient.streamChatCompletion(hello, {}, { sseFraming: 'lenient' }))).toEqual(
      PIECES,
    );
    const deltas: unknown[] = [];
    const result = await strictClient.chat(
      hello,
      { stream: true },
      (delta) => void deltas.push(delta.content),
      { sseFraming: 'lenient' },
    );
    expect(result.ok).toBe(true);
    expect(deltas).toEqual(PIECES);
    const events: unknown[] = [];
    await strictClient.request({
      method: 'POST',
      path: '/chat/completions',
      body: { model: 'gpt-4.1', messages: hello, stream: true },
      onEvent: (event) => void events.push(event),
      sseFraming: 'lenient',
    });
    expect(events).toHaveLength(PIECES.length);
    // And a lenient client can ask for the strict rules for one call.
    await expect(
      collect(client({ sseFraming: 'lenient' }).streamChatCompletion(hello, {}, { sseFraming: 'strict' })),
    ).rejects.toThrow(IncompleteStreamError);
  });

  it('decodes a well-framed stream the same in both modes', async () => {
    // The mock's default stream ends each event with a blank line.
    const strict = await collect(client().streamChatCompletion(hello));
    const lenient = await collect(client({ sseFraming: 'lenient' }).streamChatCompletion(hello));
    expect(lenient).toEqual(strict);
    expect(strict.join('')).toBe('Echo: hello');
  });

  it('takes the framing from a preset, and config.sseFraming over it', async () => {
    serveSingleNewline();
    const preset = { ...PROVIDERS.openai, baseURL: mock.baseURL, sseFraming: 'lenient' as const };
    const fromPreset = createClient(preset, 'sk-test', { maxRetries: 0, transport: createTransport() });
    expect(await collect(fromPreset.streamChatCompletion(hello))).toEqual(PIECES);
    const overridden = createClient(preset, 'sk-test', {
      maxRetries: 0,
      transport: createTransport(),
      sseFraming: 'strict',
    });
    await expect(collect(overridden.streamChatCompletion(hello))).rejects.toThrow(IncompleteStreamError);
  });

  it('parses each event once in lenient mode: the decoder hands its parsed value to the client', async () => {
    serveSingleNewline();
    const lines = singleNewlineChat(PIECES)
      .slice(0, PIECES.length)
      .map((line) => line.slice('data: '.length, -1));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await collect(client({ sseFraming: 'lenient' }).streamChatCompletion(hello));
      const parsedLines = parse.mock.calls.filter(([text]) => lines.includes(text as string));
      expect(parsedLines.map(([text]) => text)).toEqual(lines);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('stream framing options are checked', () => {
  it('names a bad config.sseFraming', () => {
    expect(() => new OpenAI('sk-test', { sseFraming: 'loose' as never })).toThrow(ValidationError);
    expect(() => new OpenAI('sk-test', { sseFraming: 'loose' as never })).toThrow(
      "config.sseFraming: expected 'strict' or 'lenient', got 'loose'",
    );
  });

  it('names a bad call.sseFraming, sending nothing', async () => {
    const transport = { name: 'never', request: vi.fn() };
    const client = new OpenAI('sk-test', { transport });
    await expect(client.chat(hello, {}, { sseFraming: 1 as never })).rejects.toThrow(
      "call.sseFraming: expected 'strict' or 'lenient', got 1",
    );
    expect(transport.request).not.toHaveBeenCalled();
  });

  it('names a bad preset.sseFraming', () => {
    expect(() => createClient({ ...PROVIDERS.openai, sseFraming: 'yes' as never }, 'sk-test')).toThrow(
      "preset.sseFraming: expected 'strict' or 'lenient', got 'yes'",
    );
  });

  it('no built-in preset turns lenient framing on (none is known to need it)', () => {
    for (const preset of Object.values(PROVIDERS) as Array<{ sseFraming?: string }>)
      expect(preset.sseFraming).toBeUndefined();
  });
});

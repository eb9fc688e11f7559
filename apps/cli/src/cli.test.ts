import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockClock, type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harness, spawnNode } from './test-support/harness.js';

let server: MockOpenAIServer;
beforeAll(async () => {
  server = await startMockOpenAI({ apiKey: 'sk-cli' });
});
afterEach(() => server.reset());
afterAll(() => server.close());
const real = () => ({ OPENAI_API_KEY: 'sk-cli' });
const at = () => ['--base-url', server.baseURL];

describe.each(['undici', 'axios', 'fetch'])('one-shot commands over %s', (transport) => {
  it('ask streams the answer', async () => {
    const cli = harness(real());
    expect(await cli.run([...at(), '--transport', transport, 'ask', 'hello', 'there'])).toBe(0);
    expect(cli.out()).toBe('Echo: hello there\n');
    expect(cli.err()).toBe('');
  });

  it('ask --api responses', async () => {
    const cli = harness(real());
    expect(await cli.run([...at(), '--transport', transport, '--api', 'responses', 'ask', 'hi'])).toBe(0);
    expect(cli.out()).toBe('Echo: hi\n');
  });

  it('models, embed and image', async () => {
    const cli = harness(real());
    expect(await cli.run([...at(), '--transport', transport, 'models'])).toBe(0);
    expect(cli.out().split('\n')).toContain('gpt-4.1');
    const embed = harness(real());
    expect(await embed.run([...at(), '--transport', transport, 'embed', 'some text'])).toBe(0);
    expect(embed.out()).toMatch(/^16 dimensions \(text-embedding-3-small\): \[-?\d\.\d{4}, /);
    const out = join(mkdtempSync(join(tmpdir(), 'wireai-cli-')), 'cat.png');
    const image = harness(real());
    expect(await image.run([...at(), '--transport', transport, 'image', 'a cat', '--out', out])).toBe(0);
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
    expect(image.out()).toBe(`wrote ${out} (${readFileSync(out).length} bytes)\n`); // not the embedded mock
  });
});

describe('wireai', () => {
  it('reads the prompt from stdin when piped, and prints raw JSON with --json', async () => {
    const cli = harness(real());
    cli.stdin.end('from a pipe\n');
    expect(await cli.run([...at(), 'ask', '--json'])).toBe(0);
    expect(JSON.parse(cli.out()).choices[0].message.content).toBe('Echo: from a pipe');
  });

  it('uses the embedded mock server without a key, and says so in one line', async () => {
    const cli = harness({});
    expect(await cli.run(['ask', 'offline'])).toBe(0);
    expect(cli.out()).toBe('Echo: offline\n');
    expect(cli.err().trim().split('\n')).toHaveLength(1);
    expect(cli.err()).toMatch(/no OPENAI_API_KEY set, so talking to the embedded mock server/);
  });

  it('explains a rejected key, without a stack trace unless --debug', async () => {
    const cli = harness({ OPENAI_API_KEY: 'sk-wrong' });
    expect(await cli.run([...at(), 'models'])).toBe(1);
    expect(cli.err()).toBe(
      'wireai: The API key was rejected (401). Check the key in your environment (OPENAI_API_KEY or the provider’s variable).\n',
    );
    const debug = harness({ OPENAI_API_KEY: 'sk-wrong' });
    await debug.run([...at(), '--debug', 'models']);
    expect(debug.err()).toContain('    at ');
    expect(debug.err()).not.toContain('sk-wrong');
  });

  it('says when to retry after a rate limit', async () => {
    server.fault(
      { status: 429, retryAfter: 120 },
      { status: 429, retryAfter: 120 },
      { status: 429, retryAfter: 120 },
    );
    const cli = harness(real());
    // A Retry-After of 2 minutes is past what the client waits; it retries on its own backoff, then reports.
    expect(await cli.run([...at(), 'models'])).toBe(1);
    expect(cli.err()).toMatch(/^wireai: Rate limited \(429\): .*Retry in 120 s\.\n$/);
  }, 20_000);

  it('rejects an unknown transport with commander’s message in one line, and where the help is', async () => {
    const cli = harness(real());
    expect(await cli.run(['--transport', 'pigeon', 'models'])).toBe(2);
    expect(cli.err()).toBe(
      "wireai: option '--transport <name>' argument 'pigeon' is invalid. Allowed choices are undici, axios, fetch.\nsee wireai --help\n",
    );
  });

  it('chat: streamed replies, history, /reset, /model, /save, /load and /exit on piped stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wireai-chat-'));
    const cli = harness(real());
    const done = cli.run([...at(), 'chat']);
    cli.stdin.write('hello\n');
    await cli.waitFor('ai  › Echo: hello\n');
    cli.stdin.write(`/model gpt-4.1-mini\n/save ${dir}/chat.json\n/reset\nagain\n`);
    await cli.waitFor('ai  › Echo: again\n');
    cli.stdin.write(`/load ${dir}/chat.json\n/help\n/exit\n`);
    expect(await done).toBe(0);
    expect(cli.out()).toContain('(model: gpt-4.1-mini)');
    expect(cli.out()).toContain('(conversation cleared)');
    expect(cli.out()).toContain(`(loaded ${dir}/chat.json)`);
    expect(cli.out()).toContain('/save FILE');
    const saved = JSON.parse(readFileSync(join(dir, 'chat.json'), 'utf8'));
    expect(saved.messages).toEqual([
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'Echo: hello' },
    ]);
    expect(saved.options.model).toBe('gpt-4.1-mini');
    const third = server.requests.filter((request) => request.route === 'POST /chat/completions').at(-1);
    expect(third?.body).toMatchObject({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'again' }],
    });
  });

  it('chat: Ctrl-C stops the reply being generated and keeps the chat', async () => {
    const slow = await startMockOpenAI({ chunkDelayMs: 1, clock: holdAfter(2) });
    try {
      const cli = harness({ OPENAI_API_KEY: 'k' });
      const done = cli.run(['--base-url', slow.baseURL, 'chat']);
      cli.stdin.write('a long answer please\n');
      await cli.waitFor('ai  › Echo: ');
      cli.signals.emit('SIGINT');
      await cli.waitFor(' [stopped]\n');
      cli.stdin.end('/exit\n');
      expect(await done).toBe(0);
      expect(cli.out()).not.toContain('please\n'); // the reply was cut short
    } finally {
      await slow.close();
    }
  });

  it('chat: Ctrl-C at the prompt (or the end of input) leaves', async () => {
    const cli = harness(real());
    const done = cli.run([...at(), 'chat']);
    await cli.waitFor('/help for commands');
    cli.signals.emit('SIGINT');
    expect(await done).toBe(0);
  });
});

describe('the wireai bin', () => {
  it('answers a one-shot question from a real process', async () => {
    const run = spawnNode([...at(), 'ask', 'from the bin'], real());
    expect((await run.exited).code).toBe(0);
    expect(run.stdout()).toBe('Echo: from the bin\n');
  });

  it('stops a streaming reply on SIGINT and leaves when stdin ends', async () => {
    const slow = await startMockOpenAI({ chunkDelayMs: 1, clock: holdAfter(2) });
    try {
      const run = spawnNode(['--base-url', slow.baseURL, 'chat'], { OPENAI_API_KEY: 'k' });
      run.child.stdin.write('tell me a long story\n');
      await run.waitFor('ai  › Echo:');
      run.child.kill('SIGINT');
      await run.waitFor('[stopped]');
      run.child.stdin.end();
      expect((await run.exited).code).toBe(0);
      expect(run.stdout()).toContain(' [stopped]');
    } finally {
      await slow.close();
    }
  });
});

/**
 * A mock clock that lets the first `free` pauses between stream events pass, then holds the stream until
 * the client goes away: a reply that stays in flight until Ctrl-C, with no timer.
 */
function holdAfter(free: number): MockClock {
  let pauses = 0;
  return {
    sleep: (_ms, signal) =>
      pauses++ < free
        ? Promise.resolve()
        : new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true })),
  };
}

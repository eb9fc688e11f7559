import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harness, runBin } from './test-support/harness.js';

let server: MockOpenAIServer;
beforeAll(async () => {
  server = await startMockOpenAI({ apiKey: 'sk-right' });
});
afterEach(() => server.reset());
afterAll(() => server.close());

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const REJECTED =
  'wireai: The API key was rejected (401). Check the key in your environment (OPENAI_API_KEY or the provider’s variable).\n';

describe('chat on piped stdin, as a script runs it', () => {
  it('exits 0 when every reply came', async () => {
    const run = await runBin(['--base-url', server.baseURL, 'chat'], { OPENAI_API_KEY: 'sk-right' }, 'hi\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ai  › Echo: hi\n');
  });

  it.each([
    ['chat', []],
    ['responses', ['--api', 'responses']],
  ])('a rejected key (%s): said as ask says it, no dangling “ai ›”, exit 1', async (_api, flags) => {
    const run = await runBin(
      ['--base-url', server.baseURL, ...flags, 'chat'],
      { OPENAI_API_KEY: 'sk-wrong' },
      'hello\n',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(REJECTED);
    expect(run.stdout).not.toContain('ai  ›');
  });

  it('a refused connection: said in one line per failed request, exit 1', async () => {
    const port = await closedPort();
    const run = await runBin(
      ['--base-url', `http://127.0.0.1:${port}/v1`, 'chat'],
      { OPENAI_API_KEY: 'k' },
      'one\ntwo\n',
    );
    expect(run.code).toBe(1);
    const errors = run.stderr.trim().split('\n');
    expect(errors).toHaveLength(2);
    for (const line of errors)
      expect(line).toMatch(
        /^wireai: Could not reach the API: .*Check your network, --base-url, or try --mock\.$/,
      );
    expect(run.stdout).not.toContain('ai  ›');
  });
});

describe('chat in process', () => {
  const real = { OPENAI_API_KEY: 'sk-right' };
  const at = () => ['--base-url', server.baseURL];

  it('a 404 is said as ask says it; the chat goes on to the next line', async () => {
    server.fault({ status: 404, message: 'The model `nope` does not exist' });
    const cli = harness(real);
    cli.stdin.end('first\nsecond\n');
    expect(await cli.run([...at(), 'chat'])).toBe(1);
    expect(cli.err()).toBe('wireai: Not found (404): The model `nope` does not exist\n');
    expect(cli.out()).toContain('you › ai  › Echo: second\n');
    expect(cli.out()).not.toContain('ai  › \n');
  });

  it('/usage and saved sessions count streamed replies (chat completions ask with include_usage)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wireai-usage-')), 'chat.json');
    const cli = harness(real);
    cli.stdin.end(`/usage\nhello there\n/usage\n/save ${file}\n`);
    expect(await cli.run([...at(), 'chat'])).toBe(0);
    expect(cli.out()).toContain('(no usage reported yet)');
    expect(cli.out()).toMatch(/\(usage: 1 request, \d+ input \+ \d+ output = \d+ tokens\)/);
    expect(server.requests.at(-1)?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.usage.requests).toBe(1);
    expect(saved.usage.totalTokens).toBeGreaterThan(0);
    expect(saved.usage.totalTokens).toBe(saved.usage.inputTokens + saved.usage.outputTokens);
  });

  it('/usage counts Responses streams from response.completed', async () => {
    const cli = harness(real);
    cli.stdin.end('hello\nagain\n/usage\n');
    expect(await cli.run([...at(), '--api', 'responses', 'chat'])).toBe(0);
    expect(cli.out()).toMatch(/\(usage: 2 requests, [1-9]\d* input \+ [1-9]\d* output = [1-9]\d* tokens\)/);
  });

  it('an unknown command is said on stderr and counts as a failure when piped', async () => {
    const cli = harness(real);
    cli.stdin.end('/frobnicate\n');
    expect(await cli.run([...at(), 'chat'])).toBe(1);
    expect(cli.err()).toBe('wireai: Unknown command /frobnicate. /help lists them.\n');
  });
});

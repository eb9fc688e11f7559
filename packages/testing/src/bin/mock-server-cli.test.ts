import { describe, expect, it } from 'vitest';
import { call, stream } from '../test-support/http.js';
import { parseBytes, parseDuration, runMockServerCli } from './mock-server-cli.js';

describe('wireai-mock-openai', () => {
  it('starts the server with the given options and says where', async () => {
    const lines: string[] = [];
    const waits: number[] = [];
    const server = await runMockServerCli(
      ['--port', '0', '--latency', '20ms', '--api-key', 'sk-cli'],
      (line) => lines.push(line),
      { sleep: async (ms) => void waits.push(ms) },
    );
    try {
      expect(lines[0]).toBe(`wireai mock OpenAI server listening on ${server?.baseURL}`);
      const denied = await call(server?.baseURL ?? '', 'GET', '/models');
      expect(denied.status).toBe(401);
      const allowed = await call(server?.baseURL ?? '', 'GET', '/models', undefined, {
        authorization: 'Bearer sk-cli',
      });
      expect(allowed.status).toBe(200);
      expect(waits).toEqual([20, 20]); // --latency holds every request, the refused one too
    } finally {
      await server?.close();
    }
  });

  it('shows the key in its curl hint when it requires one, and none when it does not', async () => {
    const lines: string[] = [];
    const keyed = await runMockServerCli(['--port', '0', '--api-key', 'sk-hint'], (line) => lines.push(line));
    const open = await runMockServerCli(['--port', '0'], (line) => lines.push(line));
    try {
      expect(lines[1]).toMatch(/^ {2}try: curl http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions /);
      expect(lines[1]).toContain('-H "Authorization: Bearer sk-hint"');
      expect(lines[3]).not.toContain('Authorization');
    } finally {
      await keyed?.close();
      await open?.close();
    }
  });

  it('paces stream events with --chunk-delay', async () => {
    const waits: number[] = [];
    const server = await runMockServerCli(['--port', '0', '--chunk-delay', '25ms'], () => undefined, {
      sleep: async (ms) => void waits.push(ms),
    });
    try {
      const result = await stream(server?.baseURL ?? '', '/chat/completions', {
        model: 'gpt-4.1',
        stream: true,
        messages: [{ role: 'user', content: 'one two three' }],
      });
      // Seven events or more (role, the words, the finish, [DONE]), each after the first 25 ms later.
      expect(result.events.length).toBeGreaterThanOrEqual(7);
      expect(waits).toEqual(Array.from({ length: result.events.length - 1 }, () => 25));
    } finally {
      await server?.close();
    }
  });

  it('limits request bodies with --max-body-bytes and the request log with --log-size', async () => {
    const server = await runMockServerCli(
      ['--port', '0', '--max-body-bytes', '1k', '--log-size', '1'],
      () => {},
    );
    try {
      const base = server?.baseURL ?? '';
      const over = await call(base, 'POST', '/embeddings', { model: 'm', input: 'x'.repeat(1024) });
      expect(over.status).toBe(413);
      expect(over.json.error).toMatchObject({ code: 'request_body_too_large' });
      await call(base, 'POST', '/embeddings', { model: 'm', input: 'first' });
      await call(base, 'POST', '/embeddings', { model: 'm', input: 'second' });
      expect(server?.requests.map((request) => request.body)).toEqual([{ model: 'm', input: 'second' }]);
      expect(server?.requestCount).toBe(2);
    } finally {
      await server?.close();
    }
  });

  it('prints help and starts nothing with --help', async () => {
    const lines: string[] = [];
    expect(await runMockServerCli(['--help'], (line) => lines.push(line))).toBeUndefined();
    expect(lines[0]).toContain('Usage: wireai-mock-openai');
  });

  it('rejects bad arguments with a clear message', async () => {
    await expect(runMockServerCli(['--port', 'abc'])).rejects.toThrow(
      "--port must be a port number, got 'abc'",
    );
    await expect(runMockServerCli(['--bogus'])).rejects.toThrow(/bogus/);
    expect(() => parseDuration('soon')).toThrow("not a duration: 'soon'");
    expect(parseDuration('1.5s')).toBe(1500);
    await expect(runMockServerCli(['--max-body-bytes', 'lots'])).rejects.toThrow(
      "--max-body-bytes: not a size: 'lots'",
    );
    await expect(runMockServerCli(['--log-size=-1'])).rejects.toThrow("--log-size: not a whole number: '-1'");
    expect([parseBytes('1048576'), parseBytes('512k'), parseBytes('8MiB'), parseBytes('1 gb')]).toEqual([
      1_048_576, 524_288, 8_388_608, 1_073_741_824,
    ]);
    expect(() => parseBytes('1.5m')).toThrow("not a size: '1.5m'");
    expect(() => parseBytes('3 parsecs')).toThrow('not a size');
  });
});

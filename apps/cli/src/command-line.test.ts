import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, spawnNode } from './test-support/harness.js';

// Spawned processes: what a script calling `wireai` sees — exit codes, and what lands on which stream.

let server: MockOpenAIServer;
beforeAll(async () => {
  server = await startMockOpenAI({ apiKey: 'sk-right' });
});
afterAll(() => server.close());

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('usage errors: one line, where the help is, exit 2, nothing on stdout', () => {
  it.each([
    [['--bogus', 'models'], "wireai: unknown option '--bogus'", 'see wireai --help'],
    [['ask', '--nope', 'hi'], "wireai: unknown option '--nope'", 'see wireai ask --help'],
    [['embed'], "wireai: missing required argument 'text'", 'see wireai embed --help'],
    [
      ['--api', 'soap', 'models'],
      "wireai: option '--api <kind>' argument 'soap' is invalid. Allowed choices are chat, responses.",
      'see wireai --help',
    ],
    [
      ['--base-url', 'not-a-url', 'models'],
      "wireai: --base-url 'not-a-url' is not an http(s) URL",
      'see wireai --help',
    ],
    [
      ['--base-url', 'ftp://x', 'models'],
      "wireai: --base-url 'ftp://x' is not an http(s) URL",
      'see wireai --help',
    ],
    [
      ['--provider', 'gemini', '--api', 'responses', 'ask', 'hi'],
      'wireai: --provider gemini does not offer the Responses API (--api responses); Google Gemini serves: --api chat',
      'see wireai --help',
    ],
  ])('%j', async (args, error, hint) => {
    const run = await runBin(args, { OPENAI_API_KEY: 'sk-right', GEMINI_API_KEY: 'g' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${error}\n${hint}\n`);
    expect(run.stdout).toBe('');
  });

  it('refuses Azure without an endpoint instead of calling a placeholder host', async () => {
    const run = await runBin(['--provider', 'azure', 'models'], { AZURE_OPENAI_API_KEY: 'az' });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'wireai: --provider azure needs the resource endpoint: pass --base-url https://<resource>.openai.azure.com/openai/v1 or set AZURE_OPENAI_ENDPOINT',
      'see wireai --help',
    ]);
  });
});

describe('Azure with AZURE_OPENAI_ENDPOINT', () => {
  it('calls the endpoint’s /openai/v1 with the api-key header', async () => {
    const seen: Array<{ url: string | undefined; headers: IncomingHttpHeaders }> = [];
    const azure = createServer((request, response) => {
      seen.push({ url: request.url, headers: request.headers });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ object: 'list', data: [{ id: 'my-deployment', object: 'model' }] }));
    });
    await new Promise<void>((resolve) => azure.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = azure.address() as AddressInfo;
      const run = await runBin(['--provider', 'azure', 'models'], {
        AZURE_OPENAI_API_KEY: 'az-key',
        AZURE_OPENAI_ENDPOINT: `http://127.0.0.1:${port}/`,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('my-deployment\n');
      expect(seen[0]?.url).toBe('/openai/v1/models?api-version=preview');
      expect(seen[0]?.headers['api-key']).toBe('az-key');
    } finally {
      await new Promise((resolve) => azure.close(resolve));
    }
  });
});

describe('failures: one line on stderr, exit 1', () => {
  it('a rejected key', async () => {
    const run = await runBin(['--base-url', server.baseURL, 'models'], { OPENAI_API_KEY: 'sk-wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'wireai: The API key was rejected (401). Check the key in your environment (OPENAI_API_KEY or the provider’s variable).\n',
    );
    expect(run.stdout).toBe('');
  });

  it('--debug adds the stack', async () => {
    const run = await runBin(['--debug', '--base-url', server.baseURL, 'models'], {
      OPENAI_API_KEY: 'sk-wrong',
    });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)[0]).toMatch(/^wireai: The API key was rejected \(401\)/);
    expect(lines(run.stderr).some((line) => line.startsWith('    at '))).toBe(true);
  });

  it('an empty prompt is a usage error', async () => {
    const run = await runBin(['--mock', 'ask'], {}, '   \n');
    expect(run.code).toBe(2);
    expect(lines(run.stderr).at(-1)).toBe(
      'wireai: Nothing to ask: give a prompt (wireai ask "…") or pipe one in.',
    );
  });
});

describe('output for scripts', () => {
  it('ask --json prints only the JSON on stdout', async () => {
    const run = await runBin(['--base-url', server.baseURL, 'ask', '--json', 'hi'], {
      OPENAI_API_KEY: 'sk-right',
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).choices[0].message.content).toBe('Echo: hi');
  });

  it('stops quietly when the reader of its stdout has gone (`wireai models | head -1`)', async () => {
    const run = spawnNode(['--mock', 'models']);
    run.child.stdout.destroy(); // closed before the list is written: its first write fails with EPIPE
    run.child.stdin.end();
    const { code, stderr } = await run.exited;
    expect(stderr).not.toContain('EPIPE');
    expect(lines(stderr)).toHaveLength(1); // the --mock notice
    expect(code).toBe(0);
  });

  it('--mock with a key set says --mock was given, not that the key is missing', async () => {
    const run = await runBin(['--mock', 'ask', 'hi'], { OPENAI_API_KEY: 'sk-real' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Echo: hi\n');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^wireai: --mock given, so talking to the embedded mock server at http:\/\/127/,
    );
    expect(run.stderr).not.toContain('OPENAI_API_KEY');
  });

  it.each([['--version'], ['-V']])(
    '%s prints the versions of wireai and its @wireai packages',
    async (flag) => {
      const version = (name: string) =>
        (
          JSON.parse(
            readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'),
          ) as { version: string }
        ).version;
      const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        version: string;
      };
      const run = await runBin([flag]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`^wireai ${own.version.replaceAll('.', '\\.')} \\(@wireai/`));
      for (const name of [
        '@wireai/openai-client',
        '@wireai/sessions',
        '@wireai/transport-undici',
        '@wireai/core',
      ])
        expect(run.stdout).toContain(`${name} ${version(name)}`);
      expect(lines(run.stdout)).toHaveLength(1);
    },
  );
});

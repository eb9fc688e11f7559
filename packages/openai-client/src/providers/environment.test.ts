import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenAI } from '../client.js';
import { OpenAIError, ValidationError } from '../errors.js';
import { TRANSPORTS } from '../test-support/transports.js';
import { azureBaseURL } from './environment.js';
import { createClient } from './provider-clients.js';

// openai-node's environment variables and Azure's routes and auth, over a raw 127.0.0.1 server on every
// transport. Each test sets the variables it needs (vi.stubEnv) and they are restored after it.

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

let server: Server;
let origin: string;
let seen: Seen[] = [];
/** Statuses to answer before the default 200, one per request. */
let script: number[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    request.resume();
    request.on('end', () => {
      const status = script.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '0' });
      response.end(status === 200 ? '{"object":"list","data":[]}' : '{"error":{"message":"busy"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// Every variable this file reads, cleared so the machine's own environment cannot leak in.
const VARIABLES = [
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_ORG_ID',
  'OPENAI_PROJECT_ID',
  'OPENAI_LOG',
  'OPENAI_API_VERSION',
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_KEY',
  'GROQ_API_KEY',
];
beforeEach(() => {
  seen = [];
  script = [];
  for (const name of VARIABLES) vi.stubEnv(name, '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const message = { role: 'user', content: 'hi' } as const;

describe.each(TRANSPORTS)('environment variables, over %s', (_name, create) => {
  it('OpenAI reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env');
    vi.stubEnv('OPENAI_BASE_URL', `${origin}/env/v1`);
    vi.stubEnv('OPENAI_ORG_ID', 'org-env');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj-env');
    await new OpenAI(undefined, { transport: create() }).models();
    expect(seen[0]?.url).toBe('/env/v1/models');
    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer sk-env',
      'openai-organization': 'org-env',
      'openai-project': 'proj-env',
    });
  });

  it('a config option wins over its variable; an empty organization sends none', async () => {
    vi.stubEnv('OPENAI_BASE_URL', `${origin}/env/v1`);
    vi.stubEnv('OPENAI_ORG_ID', 'org-env');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj-env');
    await new OpenAI('sk-1', {
      transport: create(),
      baseURL: `${origin}/config/v1`,
      organization: '',
      project: 'proj-config',
    }).models();
    expect(seen[0]?.url).toBe('/config/v1/models');
    expect(seen[0]?.headers['openai-organization']).toBeUndefined();
    expect(seen[0]?.headers['openai-project']).toBe('proj-config');
  });

  it('another provider reads none of the OPENAI_ variables', async () => {
    vi.stubEnv('GROQ_API_KEY', 'gsk-env');
    vi.stubEnv('OPENAI_API_KEY', 'sk-env');
    vi.stubEnv('OPENAI_BASE_URL', `${origin}/wrong/v1`);
    vi.stubEnv('OPENAI_ORG_ID', 'org-env');
    await createClient('groq', undefined, { transport: create(), baseURL: `${origin}/groq/v1` }).models();
    expect(seen[0]?.url).toBe('/groq/v1/models');
    expect(seen[0]?.headers.authorization).toBe('Bearer gsk-env');
    expect(seen[0]?.headers['openai-organization']).toBeUndefined();
  });

  it('OPENAI_LOG=debug logs each request to the console, without the key', async () => {
    vi.stubEnv('OPENAI_LOG', 'debug');
    const lines: string[] = [];
    for (const method of ['debug', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation((line: string) => void lines.push(`${method} ${line}`));
    await new OpenAI('sk-secret-log', { transport: create(), baseURL: `${origin}/v1` }).models();
    expect(lines).toEqual([
      'debug [wireai] → GET /models',
      expect.stringMatching(/^debug \[wireai\] ← GET \/models 200 in \d+ ms$/),
    ]);
    expect(lines.join('\n')).not.toContain('sk-secret-log');
  });

  it('OPENAI_LOG=warn keeps the retries and drops the debug lines; a logger given wins', async () => {
    vi.stubEnv('OPENAI_LOG', 'warn');
    const lines: string[] = [];
    for (const method of ['debug', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation((line: string) => void lines.push(`${method} ${line}`));
    script = [503];
    await new OpenAI('sk-1', { transport: create(), baseURL: `${origin}/v1` }).models();
    expect(lines).toEqual([expect.stringMatching(/^warn \[wireai\] GET \/models answered 503; retrying/)]);
    const own: string[] = [];
    await new OpenAI('sk-1', {
      transport: create(),
      baseURL: `${origin}/v1`,
      logger: { debug: (line) => void own.push(line) },
    }).models();
    expect(own).toHaveLength(2);
    expect(lines).toHaveLength(1);
  });

  it('OPENAI_LOG that is not a level: a warning, and no logging', async () => {
    vi.stubEnv('OPENAI_LOG', 'loud');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    await new OpenAI('sk-1', { transport: create(), baseURL: `${origin}/v1` }).models();
    expect(warn).toHaveBeenCalledWith(
      '[wireai] OPENAI_LOG is not one of off, error, warn, info, debug: no logging',
    );
    expect(debug).not.toHaveBeenCalled();
  });
});

describe.each(TRANSPORTS)('Azure, over %s', (_name, create) => {
  it('reads AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and OPENAI_API_VERSION: the v1 API', async () => {
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', `${origin}/`);
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'az-key');
    vi.stubEnv('OPENAI_API_VERSION', '2025-04-01-preview');
    const client = createClient('azure', undefined, { transport: create(), defaultModel: 'my-deployment' });
    expect(client.baseURL).toBe(`${origin}/openai/v1`);
    await client.createChatCompletion([message]);
    expect(seen[0]?.url).toBe('/openai/v1/chat/completions?api-version=2025-04-01-preview');
    expect(seen[0]?.headers['api-key']).toBe('az-key');
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('a deployment puts the deployment-scoped operations below /deployments/<name>', async () => {
    const client = createClient('azure', 'az-key', {
      transport: create(),
      endpoint: origin,
      deployment: 'gpt 4o/prod',
      apiVersion: '2024-10-21',
    });
    await client.createChatCompletion([message]);
    await client.embedding('text');
    await client.models();
    await client.call('POST /batches', {
      body: { input_file_id: 'file_1', endpoint: '/v1/chat/completions', completion_window: '24h' },
    });
    await client.call('GET /batches');
    expect(seen.map((request) => request.url)).toEqual([
      '/openai/deployments/gpt%204o%2Fprod/chat/completions?api-version=2024-10-21',
      '/openai/deployments/gpt%204o%2Fprod/embeddings?api-version=2024-10-21',
      '/openai/models?api-version=2024-10-21',
      '/openai/deployments/gpt%204o%2Fprod/batches?api-version=2024-10-21',
      '/openai/batches?api-version=2024-10-21',
    ]);
  });

  it('config.apiVersion wins over OPENAI_API_VERSION; the preset’s own is the last resort', async () => {
    vi.stubEnv('OPENAI_API_VERSION', '2024-10-21');
    await createClient('azure', 'k', {
      transport: create(),
      endpoint: origin,
      apiVersion: '2025-01-01',
    }).models();
    vi.stubEnv('OPENAI_API_VERSION', '');
    await createClient('azure', 'k', { transport: create(), endpoint: origin }).models();
    expect(seen.map((request) => request.url)).toEqual([
      '/openai/v1/models?api-version=2025-01-01',
      '/openai/v1/models?api-version=preview',
    ]);
  });

  it('a token provider is asked before every attempt and sent as a bearer token, never the key', async () => {
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'az-key-unused');
    let issued = 0;
    const tokenProvider = vi.fn(async () => `entra-token-${++issued}`);
    const client = createClient('azure', undefined, {
      transport: create(),
      endpoint: origin,
      tokenProvider,
      maxRetries: 1,
    });
    await client.models();
    script = [503];
    await client.createChatCompletion([message]);
    expect(tokenProvider).toHaveBeenCalledTimes(3);
    expect(seen.map((request) => request.headers.authorization)).toEqual([
      'Bearer entra-token-1',
      'Bearer entra-token-2',
      'Bearer entra-token-3',
    ]);
    expect(seen.every((request) => request.headers['api-key'] === undefined)).toBe(true);
  });

  it('a token provider that fails, or returns no token, rejects clearly and sends nothing', async () => {
    const cause = new Error('credential unavailable');
    const failing = createClient('azure', undefined, {
      transport: create(),
      endpoint: origin,
      tokenProvider: () => Promise.reject(cause),
    });
    const error = await failing.models().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpenAIError);
    expect(error).toMatchObject({ message: 'config.tokenProvider failed, so nothing was sent', cause });
    const empty = createClient('azure', undefined, {
      transport: create(),
      endpoint: origin,
      tokenProvider: async () => '',
    });
    await expect(empty.models()).rejects.toThrow(
      'config.tokenProvider must return a non-empty string, got an empty string',
    );
    const injected = createClient('azure', undefined, {
      transport: create(),
      endpoint: origin,
      tokenProvider: async () => 'secret-token\r\nx-evil: 1',
    });
    const refused = await injected.models().catch((thrown: unknown) => thrown);
    expect(String(refused)).not.toContain('secret-token');
    expect(seen).toEqual([]);
  });

  it('OPENAI_LOG never prints the token', async () => {
    vi.stubEnv('OPENAI_LOG', 'debug');
    const lines: string[] = [];
    vi.spyOn(console, 'debug').mockImplementation((line: string) => void lines.push(line));
    await createClient('azure', undefined, {
      transport: create(),
      endpoint: origin,
      tokenProvider: async () => 'entra-secret',
    }).models();
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('entra-secret');
  });
});

describe('configuration errors, before anything is sent', () => {
  it('an apiKey and a tokenProvider, a baseURL and an endpoint, a deployment without a version', () => {
    expect(() => new OpenAI('sk-1', { tokenProvider: async () => 't' })).toThrow(
      new ValidationError([
        { path: 'config.tokenProvider', message: 'give an apiKey or a tokenProvider, not both' },
      ]),
    );
    expect(() => new OpenAI('sk-1', { tokenProvider: 'token' as never })).toThrow(
      'config.tokenProvider: expected a function',
    );
    expect(() =>
      createClient('azure', 'k', { baseURL: 'http://a.test/v1', endpoint: 'http://b.test' }),
    ).toThrow('config.endpoint: give a baseURL or an endpoint, not both');
    expect(() => createClient('azure', 'k', { endpoint: 'http://b.test', deployment: 'd' })).toThrow(
      "config.apiVersion: required with config.deployment (Azure's deployment routes are versioned), or set OPENAI_API_VERSION",
    );
    expect(() => createClient('azure', 'k', { endpoint: 'not a url' })).toThrow(
      'config.endpoint: expected an absolute http(s) URL',
    );
  });

  it('a variable that is not a URL is named', () => {
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'nowhere');
    expect(() => createClient('azure', 'k')).toThrow(
      'AZURE_OPENAI_ENDPOINT: expected an absolute http(s) URL',
    );
  });
});

describe('an Azure endpoint as the portal gives it becomes the base URL', () => {
  it.each([
    ['https://me.openai.azure.com/', false, 'https://me.openai.azure.com/openai/v1'],
    ['https://me.openai.azure.com', false, 'https://me.openai.azure.com/openai/v1'],
    ['https://me.openai.azure.com/openai', false, 'https://me.openai.azure.com/openai/v1'],
    ['https://me.openai.azure.com/openai/v1/', false, 'https://me.openai.azure.com/openai/v1'],
    ['https://me.openai.azure.com/', true, 'https://me.openai.azure.com/openai'],
    ['https://me.openai.azure.com/openai/v1', true, 'https://me.openai.azure.com/openai'],
    ['https://gw.example/custom/path/', false, 'https://gw.example/custom/path'],
  ])('%s (deployments: %s) → %s', (endpoint, deployments, baseURL) => {
    expect(azureBaseURL(endpoint, deployments)).toBe(baseURL);
  });
});

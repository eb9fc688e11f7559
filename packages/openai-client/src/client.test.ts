import { createMockTransport, type MockRequest } from '@wireai/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenAI } from './client.js';
import { APIConnectionError, OpenAIError } from './errors.js';
import { PROVIDERS } from './providers/presets.js';
import { createClient, Gemini, OpenRouter } from './providers/provider-clients.js';
import { defaultTransportNames, loadTransport } from './resolve-transport.js';

/** A transport that answers every request with `body` and keeps what was sent. */
function capture(body: object = { ok: true }) {
  const seen: MockRequest[] = [];
  const transport = createMockTransport((request) => {
    seen.push(request);
    return { body };
  });
  return { seen, transport };
}

afterEach(() => vi.unstubAllEnvs());

describe('lua-openai’s own spec cases', () => {
  const chatReply = {
    usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
    choices: [{ message: { content: 'This is a chat response.', role: 'assistant' } }],
  };
  const completionReply = {
    usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
    choices: [{ text: 'This is a completion response.' }],
  };

  it('generates chat response', async () => {
    const { transport } = capture(chatReply);
    const client = new OpenAI('test-api-key', { transport });
    const result = await client.chat([
      { role: 'system', content: 'You are an assistant that speaks like Shakespeare.' },
      { role: 'user', content: 'tell me a joke' },
    ]);
    expect(result.status).toBe(200);
    expect(result.ok && result.body.choices[0]).toEqual({
      message: { content: 'This is a chat response.', role: 'assistant' },
    });
  });

  it('generates completion response', async () => {
    const { transport } = capture(completionReply);
    const result = await new OpenAI('test-api-key', { transport }).completion('Tell me a joke.');
    expect(result.status).toBe(200);
    expect(result.ok && result.body.choices[0]?.text).toBe('This is a completion response.');
  });

  it('returns a body that is not JSON as text, as lua-openai does', async () => {
    const transport = createMockTransport(() => ({ status: 502, body: 'upstream said no' }));
    const result = await new OpenAI('k', { transport, maxRetries: 0 }).models();
    expect(result).toMatchObject({ ok: false, status: 502, body: 'upstream said no' });
  });
});

describe('configuration', () => {
  it('sends the key, organization, project, default headers and query on every request', async () => {
    const { seen, transport } = capture();
    const client = new OpenAI('sk-1', {
      transport,
      baseURL: 'http://api.test/v1/',
      organization: 'org-1',
      project: 'proj-1',
      defaultHeaders: { 'x-team': 'a' },
      defaultQuery: { 'api-version': '2025-01-01' },
    });
    await client.models({ headers: { 'x-call': 'b' } });
    expect(seen[0]?.url).toBe('http://api.test/v1/models?api-version=2025-01-01');
    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer sk-1',
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
      'x-team': 'a',
      'x-call': 'b',
      accept: 'application/json',
    });
  });

  it('reads the key and base URL from the environment', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env');
    vi.stubEnv('OPENAI_BASE_URL', 'http://env.test/v1');
    const { seen, transport } = capture();
    const client = new OpenAI(undefined, { transport });
    await client.models();
    expect(seen[0]?.url).toBe('http://env.test/v1/models');
    expect(seen[0]?.headers.authorization).toBe('Bearer sk-env');
  });

  it('uses the default model unless a call names one', async () => {
    const { seen, transport } = capture();
    const client = new OpenAI('k', { transport, defaultModel: 'gpt-4.1-mini' });
    await client.createChatCompletion([{ role: 'user', content: 'x' }]);
    await client.createChatCompletion([{ role: 'user', content: 'x' }], { model: 'o4-mini' });
    expect(seen.map((request) => request.json<{ model: string }>().model)).toEqual([
      'gpt-4.1-mini',
      'o4-mini',
    ]);
  });

  it('never shows the key: not in toString, JSON, inspection, errors or logs', async () => {
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const transport = createMockTransport(() => {
      throw Object.assign(new Error('boom'), {});
    });
    const client = new OpenAI('sk-secret-123', {
      transport,
      logger: { debug: log, info: log, warn: log, error: log },
    });
    expect(String(client)).toContain('[redacted]');
    expect(`${String(client)}${JSON.stringify(client)}`).not.toContain('sk-secret-123');
    const { inspect } = await import('node:util');
    expect(inspect(client)).not.toContain('sk-secret-123');
    const error = await client.models().catch((caught: unknown) => caught);
    expect(String((error as Error).message)).not.toContain('sk-secret-123');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('sk-secret-123');
  });

  it('logs requests, statuses and retries', async () => {
    let calls = 0;
    const transport = createMockTransport(() =>
      ++calls === 1 ? { status: 503, headers: { 'retry-after-ms': '1' } } : { body: {} },
    );
    const lines: string[] = [];
    const client = new OpenAI('k', {
      transport,
      logger: { debug: (line) => lines.push(line), warn: (line) => lines.push(line) },
    });
    await client.models();
    expect(lines).toEqual(
      [
        '→ GET /models',
        '← GET /models 503 in 0 ms',
        'GET /models answered 503; retrying in 1 ms (attempt 2 of 3)',
        '→ GET /models (retry 1)',
        '← GET /models 200 in 0 ms',
      ].map((line) =>
        expect.stringMatching(
          new RegExp(`^${line.replace(/[()?]/g, '\\$&').replace('in 0 ms', 'in \\d+ ms')}$`),
        ),
      ),
    );
  });
});

describe('auth modes and provider presets', () => {
  it('Gemini and OpenRouter as lua-openai defines them, keys from their variables', async () => {
    vi.stubEnv('GEMINI_API_KEY', 'g-key');
    const { seen, transport } = capture();
    const gemini = new Gemini(undefined, { transport });
    expect(gemini.baseURL).toBe('https://generativelanguage.googleapis.com/v1beta/openai');
    expect(gemini.defaultModel).toBe('gemini-2.5-flash');
    await gemini.models();
    expect(seen[0]?.headers.authorization).toBe('Bearer g-key');
    const router = new OpenRouter('r-key', { transport });
    expect(router.baseURL).toBe('https://openrouter.ai/api/v1');
    expect(router.defaultModel).toBe('openai/gpt-4.1');
    expect(String(router)).toMatch(/^OpenRouter/);
  });

  it('Azure sends its api-key header and api-version query', async () => {
    const { seen, transport } = capture();
    const azure = createClient('azure', 'az-key', {
      transport,
      baseURL: 'https://me.openai.azure.com/openai/v1',
    });
    await azure.models();
    expect(seen[0]?.headers['api-key']).toBe('az-key');
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.url).toBe('https://me.openai.azure.com/openai/v1/models?api-version=preview');
  });

  it.each(['groq', 'mistral', 'deepseek', 'together', 'ollama', 'lmstudio'] as const)(
    'has a %s preset',
    (name) => {
      const client = createClient(name, 'k');
      expect(client.baseURL).toMatch(/^https?:\/\//);
      expect(client.defaultModel.length).toBeGreaterThan(0);
    },
  );

  it('says which APIs each preset serves: chat everywhere, Responses where the provider has it', () => {
    for (const preset of Object.values(PROVIDERS)) expect(preset.apis).toContain('chat');
    expect(PROVIDERS.openai.apis).toContain('responses');
    expect(PROVIDERS.azure.apis).toContain('responses');
    expect(PROVIDERS.gemini.apis).not.toContain('responses');
    expect(PROVIDERS.mistral.apis).not.toContain('responses');
  });

  it('sends no key to a local provider', async () => {
    const { seen, transport } = capture();
    await createClient('ollama', 'ignored', { transport }).models();
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('takes a preset object, so adding a provider is a few lines', async () => {
    const { seen, transport } = capture();
    const mine = createClient(
      { name: 'Mine', baseURL: 'http://mine.test/v1', defaultModel: 'm-1', apiKeyEnv: ['MINE_KEY'] },
      'mk',
      { transport },
    );
    await mine.createChatCompletion([{ role: 'user', content: 'x' }]);
    expect(seen[0]?.url).toBe('http://mine.test/v1/chat/completions');
    expect(seen[0]?.json<{ model: string }>().model).toBe('m-1');
  });
});

describe('choosing a transport', () => {
  it('loads a named transport package lazily', async () => {
    expect((await loadTransport('axios')).name).toBe('axios');
    expect((await loadTransport('undici')).name).toBe('undici');
    expect((await loadTransport('fetch')).name).toBe('fetch');
  });

  it('picks undici on Node, then fetch', () => {
    expect(defaultTransportNames()).toEqual(['undici', 'fetch']);
  });

  it('names the package to install when a transport cannot be loaded', async () => {
    await expect(loadTransport('carrier-pigeon' as never)).rejects.toThrow(
      "Unknown transport 'carrier-pigeon'",
    );
  });

  it('turns a transport failure into APIConnectionError', async () => {
    const client = new OpenAI('k', { baseURL: 'http://127.0.0.1:9/v1', transport: 'undici', maxRetries: 0 });
    const error = await client.models().catch((caught: unknown) => caught);
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(OpenAIError.isInstance(error)).toBe(true);
  });
});

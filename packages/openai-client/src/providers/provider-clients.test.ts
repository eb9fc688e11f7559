import { createMockTransport, type MockRequest } from '@wireai/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenAI } from '../client.js';
import { ValidationError } from '../errors.js';
import { PROVIDERS } from './presets.js';
import { createClient, Gemini, OpenRouter } from './provider-clients.js';

// Presets are data: createClient gives a plain OpenAI configured by the preset, no class per provider;
// the lua-openai classes (Gemini, OpenRouter) keep their own names and presets.

function capture() {
  const seen: MockRequest[] = [];
  const transport = createMockTransport((request) => {
    seen.push(request);
    return { body: { object: 'list', data: [] } };
  });
  return { seen, transport };
}

// The machine's own variables must not move a preset's base URL.
beforeEach(() => {
  for (const name of ['OPENAI_BASE_URL', 'AZURE_OPENAI_ENDPOINT']) vi.stubEnv(name, '');
});
afterEach(() => vi.unstubAllEnvs());

describe('createClient', () => {
  it.each(Object.keys(PROVIDERS) as (keyof typeof PROVIDERS)[])(
    '%s: a plain OpenAI with the preset’s data',
    async (name) => {
      const { seen, transport } = capture();
      const preset = PROVIDERS[name];
      const client = createClient(name, 'k', { transport });
      expect(Object.getPrototypeOf(client)).toBe(OpenAI.prototype);
      expect([client.baseURL, client.defaultModel]).toEqual([preset.baseURL, preset.defaultModel]);
      await client.models();
      // (a URL lower-cases its host: Azure's placeholder is YOUR-RESOURCE)
      expect(seen[0]?.url.startsWith(new URL(`${preset.baseURL}/models`).href)).toBe(true);
    },
  );

  it('leaves the caller’s config alone and still refuses a bad one', () => {
    const config = { defaultModel: 'm' };
    createClient('groq', 'k', config);
    expect(Object.getOwnPropertySymbols(config)).toEqual([]);
    expect(() => createClient('groq', 'k', 5 as never)).toThrow(ValidationError);
    expect(() => createClient('groq', 'k', { timeout: -1 })).toThrow('config.timeout');
  });

  it('keeps Gemini and OpenRouter as named classes with their presets', () => {
    const gemini = new Gemini('k');
    expect(gemini).toBeInstanceOf(OpenAI);
    expect(gemini.baseURL).toBe(PROVIDERS.gemini.baseURL);
    expect(String(new OpenRouter('k'))).toMatch(
      /^OpenRouter \{ baseURL: 'https:\/\/openrouter\.ai\/api\/v1'/,
    );
  });
});

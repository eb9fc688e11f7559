import { expect } from 'vitest';

// #region readme

import { createClient, Gemini, OpenRouter } from '@wireai/openai-client';

const gemini = new Gemini(); // GEMINI_API_KEY, gemini-2.5-flash, as lua-openai
const openrouter = new OpenRouter(); // OPENROUTER_API_KEY
const groq = createClient('groq'); // also: azure (api-key header, api-version), mistral, deepseek, together, ollama, lmstudio
const mine = createClient({
  name: 'Mine',
  baseURL: 'https://llm.internal/v1',
  defaultModel: 'm-1',
  apiKeyEnv: ['MINE_KEY'],
});
// #endregion readme

// Checks: the presets' addresses and models (nothing is sent: these are not the mock's).
expect(gemini.baseURL).toBe('https://generativelanguage.googleapis.com/v1beta/openai');
expect(gemini.defaultModel).toBe('gemini-2.5-flash');
expect(openrouter.baseURL).toBe('https://openrouter.ai/api/v1');
expect(groq.baseURL).toBe('https://api.groq.com/openai/v1');
expect([mine.baseURL, mine.defaultModel]).toEqual(['https://llm.internal/v1', 'm-1']);

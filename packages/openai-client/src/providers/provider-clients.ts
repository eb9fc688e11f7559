import { OpenAI } from '../client.js';
import { ValidationError } from '../errors.js';
import type { ClientConfig } from '../request/client-core.js';
import { isRecord } from '../validation/options.js';
import { type ConfigWithPreset, PRESET } from './preset-option.js';
import { PROVIDERS, type ProviderName, type ProviderPreset } from './presets.js';

/** lua-openai's `Gemini`: Google's OpenAI-compatible endpoint, `gemini-2.5-flash`, `GEMINI_API_KEY`. */
export class Gemini extends OpenAI {
  protected static override readonly preset: ProviderPreset = PROVIDERS.gemini;
}

/** lua-openai's `OpenRouter`: `openai/gpt-4.1` by default, `OPENROUTER_API_KEY`. */
export class OpenRouter extends OpenAI {
  protected static override readonly preset: ProviderPreset = PROVIDERS.openrouter;
}

/**
 * A client for any preset (or your own preset object): `createClient('groq')`,
 * `createClient('azure', key, { endpoint })`. It is a plain `OpenAI` configured by the preset's data.
 */
export function createClient(
  provider: ProviderName | ProviderPreset,
  apiKey?: string,
  config?: ClientConfig,
): OpenAI {
  const found: ProviderPreset | undefined =
    typeof provider === 'string'
      ? Object.hasOwn(PROVIDERS, provider)
        ? PROVIDERS[provider]
        : undefined
      : provider;
  if (typeof found !== 'object' || found === null)
    throw new ValidationError([
      {
        path: 'provider',
        message: `unknown provider ${typeof provider === 'string' ? `'${provider}'` : String(provider)}: one of ${Object.keys(PROVIDERS).join(', ')}, or a preset object`,
      },
    ]);
  // Any other config is refused by the constructor, naming what is wrong; the preset rides along as data.
  const withPreset: ConfigWithPreset | undefined =
    config === undefined || isRecord(config) ? { ...config, [PRESET]: found } : config;
  return new OpenAI(apiKey, withPreset);
}

import type { ClientConfig } from '../request/client-core.js';
import type { StreamFraming } from '../streaming/sse-framing.js';

/** A provider that speaks the OpenAI API: where it is, what model to use, where its key comes from. */
export interface ProviderPreset {
  readonly name: string;
  readonly baseURL: string;
  readonly defaultModel: string;
  /** Environment variables tried in order for the key when none is given. */
  readonly apiKeyEnv: readonly string[];
  readonly auth?: ClientConfig['auth'];
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  readonly defaultQuery?: Readonly<Record<string, string>>;
  /** The APIs the provider serves: chat completions, and the Responses API where it has one. Absent: not known. */
  readonly apis?: readonly ('chat' | 'responses')[];
  /**
   * How the provider frames its streams: `'lenient'` for one known to end `data:` lines with a single
   * line break and no blank line between events. Absent: `'strict'`. `config.sseFraming` wins over it.
   */
  readonly sseFraming?: StreamFraming;
  /**
   * Whether a streamed chat completion may ask for its token usage (`stream_options: { include_usage: true }`):
   * sessions ask when this is true. False where the provider rejects the field (Mistral); absent: not known,
   * not asked (usage a provider sends unasked is still counted).
   */
  readonly streamUsage?: boolean;
  /** The environment variables read for settings the config leaves out (openai-node's, for OpenAI and Azure). */
  readonly env?: PresetEnv;
}

/**
 * Environment variables a preset reads when the config leaves the setting out; a config option always
 * wins. The OpenAI and Azure presets use openai-node's names; the others read none.
 */
export interface PresetEnv {
  /** Tried in order for the base URL (`OPENAI_BASE_URL`). */
  readonly baseURL?: readonly string[];
  /** Azure's resource endpoint (`AZURE_OPENAI_ENDPOINT`): the base URL becomes `<endpoint>/openai/v1`. */
  readonly endpoint?: string;
  /** Sent as `OpenAI-Organization` (`OPENAI_ORG_ID`). */
  readonly organization?: string;
  /** Sent as `OpenAI-Project` (`OPENAI_PROJECT_ID`). */
  readonly project?: string;
  /** Sent as the `api-version` query parameter (`OPENAI_API_VERSION`). */
  readonly apiVersion?: string;
}

/** The presets, as data: adding a provider is adding an entry. */
export const PROVIDERS = {
  openai: {
    name: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4.1',
    apiKeyEnv: ['OPENAI_API_KEY'],
    apis: ['chat', 'responses'],
    streamUsage: true,
    env: { baseURL: ['OPENAI_BASE_URL'], organization: 'OPENAI_ORG_ID', project: 'OPENAI_PROJECT_ID' },
  },
  gemini: {
    name: 'Google Gemini',
    baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai',
    defaultModel: 'gemini-2.5-flash',
    apiKeyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    apis: ['chat'],
  },
  openrouter: {
    name: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    defaultModel: 'openai/gpt-4.1',
    apiKeyEnv: ['OPENROUTER_API_KEY'],
    apis: ['chat', 'responses'],
    streamUsage: true,
  },
  // Azure OpenAI: the base URL is <endpoint>/openai/v1 (config.endpoint or AZURE_OPENAI_ENDPOINT), where
  // deployments are models; with config.deployment it is <endpoint>/openai and the deployment-scoped
  // operations go below /deployments/<deployment> (an apiVersion is then required).
  azure: {
    name: 'Azure OpenAI',
    baseURL: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1',
    defaultModel: 'gpt-4.1',
    apiKeyEnv: ['AZURE_OPENAI_API_KEY'],
    apis: ['chat', 'responses'],
    streamUsage: true,
    auth: 'api-key',
    defaultQuery: { 'api-version': 'preview' },
    env: {
      baseURL: ['OPENAI_BASE_URL'],
      endpoint: 'AZURE_OPENAI_ENDPOINT',
      apiVersion: 'OPENAI_API_VERSION',
      organization: 'OPENAI_ORG_ID',
      project: 'OPENAI_PROJECT_ID',
    },
  },
  groq: {
    name: 'Groq',
    baseURL: 'https://api.groq.com/openai/v1',
    defaultModel: 'llama-3.3-70b-versatile',
    apiKeyEnv: ['GROQ_API_KEY'],
    apis: ['chat', 'responses'],
  },
  mistral: {
    name: 'Mistral',
    baseURL: 'https://api.mistral.ai/v1',
    defaultModel: 'mistral-small-latest',
    apiKeyEnv: ['MISTRAL_API_KEY'],
    apis: ['chat'],
    streamUsage: false,
  },
  deepseek: {
    name: 'DeepSeek',
    baseURL: 'https://api.deepseek.com/v1',
    defaultModel: 'deepseek-chat',
    apiKeyEnv: ['DEEPSEEK_API_KEY'],
    apis: ['chat'],
    streamUsage: true,
  },
  together: {
    name: 'Together AI',
    baseURL: 'https://api.together.xyz/v1',
    defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    apiKeyEnv: ['TOGETHER_API_KEY'],
    apis: ['chat', 'responses'],
  },
  ollama: {
    name: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    defaultModel: 'llama3.2',
    apiKeyEnv: [],
    apis: ['chat', 'responses'],
    streamUsage: true,
    auth: 'none',
  },
  lmstudio: {
    name: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    defaultModel: 'local-model',
    apiKeyEnv: [],
    apis: ['chat', 'responses'],
    auth: 'none',
  },
} as const satisfies Record<string, ProviderPreset>;

/** The name of a built-in provider preset (`openai`, `gemini`, `openrouter`, `azure`, …). */
export type ProviderName = keyof typeof PROVIDERS;

/** Reads an environment variable where there is an environment (not in browsers). */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

/** The key for a preset: the one given, else the first of its environment variables that is set. */
export function presetApiKey(preset: ProviderPreset, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  for (const name of preset.apiKeyEnv) {
    const value = readEnv(name);
    if (value) return value;
  }
  return undefined;
}

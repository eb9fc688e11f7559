import {
  createClient,
  type OpenAI,
  PROVIDERS,
  type ProviderName,
  type ProviderPreset,
  type TransportName,
} from '@wireai/openai-client';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { type Io, println } from './io.js';
import { HELP_HINT, UsageError } from './usage-error.js';

/** The flags every command takes. */
export interface GlobalOptions {
  transport?: TransportName;
  provider?: ProviderName;
  api?: 'chat' | 'responses';
  model?: string;
  baseUrl?: string;
  mock?: boolean;
  debug?: boolean;
}

export interface Connection {
  client: OpenAI;
  model: string;
  api: 'chat' | 'responses';
  /** The embedded mock server, when the commands talk to it. */
  mock: MockOpenAIServer | undefined;
  close(): Promise<void>;
}

/**
 * The client a command uses: the chosen provider with its key from the environment, or — with `--mock`
 * or without a key — the embedded mock server, said in one line on stderr.
 */
export async function connect(options: GlobalOptions, io: Io): Promise<Connection> {
  const providerName = options.provider ?? 'openai';
  const preset: ProviderPreset | undefined = PROVIDERS[providerName];
  if (!preset)
    throw new UsageError(
      `Unknown provider '${providerName}'. Choose one of: ${Object.keys(PROVIDERS).join(', ')}`,
      HELP_HINT,
    );
  const keyEnv = preset.apiKeyEnv[0];
  const key = preset.apiKeyEnv.map((name) => io.env[name]?.trim()).find((value) => value);
  const needsKey = preset.auth !== 'none';
  let mock: MockOpenAIServer | undefined;
  let baseURL = options.baseUrl;
  if (options.mock || (needsKey && !key && !options.baseUrl)) {
    mock = await startMockOpenAI();
    baseURL = mock.baseURL;
    println(
      io.stderr,
      options.mock
        ? `wireai: --mock given, so talking to the embedded mock server at ${mock.baseURL}`
        : `wireai: no ${keyEnv} set, so talking to the embedded mock server at ${mock.baseURL} (set ${keyEnv} for ${preset.name})`,
    );
  }
  // The Azure preset's host is a placeholder: the resource's endpoint has to come from somewhere (the
  // client turns it into the base URL, as it does when it reads AZURE_OPENAI_ENDPOINT itself).
  const endpoint = providerName === 'azure' && !baseURL ? io.env.AZURE_OPENAI_ENDPOINT?.trim() : undefined;
  if (providerName === 'azure' && !baseURL && !endpoint)
    throw new UsageError(
      '--provider azure needs the resource endpoint: pass --base-url https://<resource>.openai.azure.com/openai/v1 or set AZURE_OPENAI_ENDPOINT',
      HELP_HINT,
    );
  const client = createClient(preset, mock ? 'sk-mock' : key, {
    ...(baseURL ? { baseURL } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  return {
    client,
    model: options.model ?? client.defaultModel,
    api: options.api ?? 'chat',
    mock,
    close: async () => {
      await mock?.close();
    },
  };
}

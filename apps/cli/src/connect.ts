import {
  createClient,
  type OpenAI,
  PROVIDERS,
  type ProviderName,
  type TransportName,
} from '@wireai/openai-client';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { type Io, println } from './io.js';

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

export class UsageError extends Error {}

/**
 * The client a command uses: the chosen provider with its key from the environment, or — with `--mock`
 * or without a key — the embedded mock server, said in one line on stderr.
 */
export async function connect(options: GlobalOptions, io: Io): Promise<Connection> {
  const providerName = options.provider ?? 'openai';
  const preset = PROVIDERS[providerName];
  if (!preset)
    throw new UsageError(
      `Unknown provider '${providerName}'. Choose one of: ${Object.keys(PROVIDERS).join(', ')}`,
    );
  const key = preset.apiKeyEnv.map((name) => io.env[name]?.trim()).find((value) => value);
  const needsKey = (preset as { auth?: string }).auth !== 'none';
  let mock: MockOpenAIServer | undefined;
  if (options.mock || (needsKey && !key && !options.baseUrl)) {
    mock = await startMockOpenAI();
    const why = options.mock ? '--mock' : `no ${preset.apiKeyEnv[0]} set`;
    println(
      io.stderr,
      `wireai: ${why}, so talking to the embedded mock server at ${mock.baseURL} (set ${preset.apiKeyEnv[0] ?? 'a key'} for ${preset.name})`,
    );
  }
  const client = createClient(preset, mock ? 'sk-mock' : key, {
    ...(mock ? { baseURL: mock.baseURL } : options.baseUrl ? { baseURL: options.baseUrl } : {}),
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

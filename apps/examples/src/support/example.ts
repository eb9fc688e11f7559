import { pathToFileURL } from 'node:url';
import { createClient, type OpenAI, PROVIDERS, type ProviderName } from '@wireai/openai-client';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';

/** Any built-in preset: its key variables and its client come from `PROVIDERS`. */
export type Provider = ProviderName;

/** What an example gets: a client for its provider, and where to print. */
export interface Example {
  client: OpenAI;
  log: (...parts: unknown[]) => void;
  /** True on the embedded mock server (no key set). */
  mock: boolean;
}

/**
 * The real provider when its key is set, else the embedded mock server (said once, on stderr), so every
 * example runs anywhere: `pnpm --filter @wireai/examples example src/chat-completions/basic.ts`.
 */
export async function openExample(
  provider: Provider,
  log: Example['log'] = console.log,
): Promise<Example & { close(): Promise<void> }> {
  const variables = PROVIDERS[provider].apiKeyEnv as readonly string[];
  const key = variables.map((name) => process.env[name]?.trim()).find(Boolean);
  let server: MockOpenAIServer | undefined;
  if (!key) {
    server = await startMockOpenAI();
    console.error(`(no ${variables.join(' or ')}: running on the embedded mock server at ${server.baseURL})`);
  }
  const client = server
    ? createClient(provider, 'sk-mock', { baseURL: server.baseURL })
    : createClient(provider, key);
  return { client, log, mock: Boolean(server), close: async () => void (await server?.close()) };
}

/** Runs `main` when the file is executed directly (not when a test imports it). */
export async function runIfMain(
  url: string,
  provider: Provider,
  main: (example: Example) => Promise<void>,
): Promise<void> {
  if (!process.argv[1] || url !== pathToFileURL(process.argv[1]).href) return;
  const example = await openExample(provider);
  try {
    await main(example);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await example.close();
  }
}

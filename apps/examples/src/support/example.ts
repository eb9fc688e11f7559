import { pathToFileURL } from 'node:url';
import { Gemini, OpenAI, OpenRouter } from '@wireai/openai-client';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';

export type Provider = 'openai' | 'gemini' | 'openrouter';

/** What an example gets: a client for its provider, and where to print. */
export interface Example {
  client: OpenAI;
  log: (...parts: unknown[]) => void;
  /** True on the embedded mock server (no key set). */
  mock: boolean;
}

const KEYS: Record<Provider, string> = {
  openai: 'OPENAI_API_KEY',
  gemini: 'GEMINI_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
};
const CLIENTS = { openai: OpenAI, gemini: Gemini, openrouter: OpenRouter };

/**
 * The real provider when its key is set, else the embedded mock server (said once, on stderr), so every
 * example runs anywhere: `pnpm --filter @wireai/examples example src/chat-completions/basic.ts`.
 */
export async function openExample(
  provider: Provider,
  log: Example['log'] = console.log,
): Promise<Example & { close(): Promise<void> }> {
  const key = process.env[KEYS[provider]];
  const Client = CLIENTS[provider];
  let server: MockOpenAIServer | undefined;
  if (!key) {
    server = await startMockOpenAI();
    console.error(`(no ${KEYS[provider]}: running on the embedded mock server at ${server.baseURL})`);
  }
  const client = server ? new Client('sk-mock', { baseURL: server.baseURL }) : new Client(key);
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

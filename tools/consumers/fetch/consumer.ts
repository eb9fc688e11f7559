// Type-checked with tsc against the published declarations: what a user writes must compile as written.
import type { Transport } from '@wireai/core';
import { OpenAI } from '@wireai/openai-client';
import { createFetchTransport, type FetchTransportOptions } from '@wireai/transport-fetch';

const options: FetchTransportOptions = { fetch: globalThis.fetch, maxRedirects: 5 };
const transport: Transport = createFetchTransport(options);
const client = new OpenAI('sk-consumer', { transport, baseURL: 'http://127.0.0.1:1/v1' });

export async function reply(): Promise<string | null | undefined> {
  const result = await client.createChatCompletion([{ role: 'user', content: 'hello' }]);
  return result.ok ? result.body.choices[0]?.message.content : `failed with ${result.status}`;
}

// OpenRouter: many models behind one OpenAI-compatible API (OPENROUTER_API_KEY).
import { unwrap } from '@wireai/openai-client';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  log(`Model: ${client.defaultModel}`);
  const completion = unwrap(await client.chat([{ role: 'user', content: 'Write a haiku about the ocean.' }]));
  log(completion.choices[0]?.message.content);
}

await runIfMain(import.meta.url, 'openrouter', main);

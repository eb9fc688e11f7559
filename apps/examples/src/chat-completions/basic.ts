// The simplest call: one chat completion, the reply printed.
import { unwrap } from '@wireai/openai-client';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const result = await client.chat([
    { role: 'system', content: 'You are an assistant that speaks like Shakespeare.' },
    { role: 'user', content: 'tell me a joke' },
  ]);
  const completion = unwrap(result);
  log(completion.choices[0]?.message.content);
}

await runIfMain(import.meta.url, 'openai', main);

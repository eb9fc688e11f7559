// The models Gemini offers through the compatible endpoint.
import { unwrap } from '@wireai/openai-client';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const models = unwrap(await client.models());
  log(`${models.data.length} models:`);
  for (const model of models.data) log(`  ${model.id}`);
}

await runIfMain(import.meta.url, 'gemini', main);

// Embeddings from Gemini.
import { unwrap } from '@wireai/openai-client';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const list = unwrap(
    await client.embedding('The quick brown fox jumps over the lazy dog', { model: 'gemini-embedding-001' }),
  );
  const vector = list.data[0]?.embedding as number[];
  log(
    `Embedding with ${vector.length} dimensions: [${vector
      .slice(0, 3)
      .map((value) => value.toFixed(4))
      .join(', ')}, …]`,
  );
}

await runIfMain(import.meta.url, 'gemini', main);

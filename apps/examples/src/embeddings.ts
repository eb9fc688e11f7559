// Embeddings for several texts, and how close they are to each other.
import { unwrap } from '@wireai/openai-client';
import { type Example, runIfMain } from './support/example.js';

const cosine = (a: number[], b: number[]) =>
  a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0) / (Math.hypot(...a) * Math.hypot(...b));

export async function main({ client, log }: Example): Promise<void> {
  const texts = ['The cat sits on the mat', 'A kitten rests on a rug', 'Quarterly revenue grew'];
  const list = unwrap(await client.embedding(texts, { model: 'text-embedding-3-small' }));
  const vectors = list.data.map((item) => item.embedding as number[]);
  log(`${vectors.length} embeddings of ${vectors[0]?.length} dimensions`);
  log(`similarity(0, 1) = ${cosine(vectors[0] ?? [], vectors[1] ?? []).toFixed(3)}`);
  log(`similarity(0, 2) = ${cosine(vectors[0] ?? [], vectors[2] ?? []).toFixed(3)}`);
}

await runIfMain(import.meta.url, 'openai', main);

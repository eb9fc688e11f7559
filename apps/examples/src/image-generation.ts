// Generates an image and writes it to a file.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unwrap } from '@wireai/openai-client';
import { type Example, runIfMain } from './support/example.js';

export async function main(
  { client, log }: Example,
  out = join(tmpdir(), 'wireai-image.png'),
): Promise<void> {
  const images = unwrap(
    await client.imageGeneration({
      model: 'gpt-image-1',
      prompt: 'A cute baby sea otter',
      size: '1024x1024',
    }),
  );
  const bytes = Buffer.from(images.data?.[0]?.b64_json ?? '', 'base64');
  await writeFile(out, bytes);
  log(`Saved ${bytes.length} bytes to ${out}`);
}

await runIfMain(import.meta.url, 'openai', main);

// A chat completion streamed as it is generated, printed piece by piece.
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  let text = '';
  for await (const chunk of client.streamChatCompletion([{ role: 'user', content: 'tell me a joke' }])) {
    const piece = chunk.choices[0]?.delta.content ?? '';
    text += piece;
    process.stdout.write(piece);
  }
  process.stdout.write('\n');
  log(`(${text.length} characters streamed)`);
}

await runIfMain(import.meta.url, 'openai', main);

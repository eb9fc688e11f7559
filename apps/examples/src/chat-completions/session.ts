// A ChatSession keeps the conversation: each send adds the question and the reply to the history.
import { ChatSession } from '@wireai/sessions';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const chat = new ChatSession(client, { model: 'gpt-4.1-mini' });
  log(await chat.send('Hello!'));
  log(await chat.send('What did I just say?', (chunk) => void process.stdout.write(chunk.content ?? '')));
  log(`history: ${chat.messages.length} messages`);
}

await runIfMain(import.meta.url, 'openai', main);

// Gemini through its OpenAI-compatible endpoint, in a chat session (GEMINI_API_KEY).
import { ChatSession } from '@wireai/sessions';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const chat = new ChatSession(client, { model: client.defaultModel });
  log(`Model: ${client.defaultModel}`);
  log(await chat.send('Hello! What can you do?'));
  log(await chat.send('Tell me a fun fact about space.'));
}

await runIfMain(import.meta.url, 'gemini', main);

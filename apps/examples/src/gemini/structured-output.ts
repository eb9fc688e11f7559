// Structured output from Gemini with a chat completions response_format.
import { ChatSession } from '@wireai/sessions';
import { z } from 'zod';
import { type Example, runIfMain } from '../support/example.js';

const Event = z.object({ name: z.string(), date: z.string(), participants: z.array(z.string()) });

export async function main({ client, log }: Example): Promise<void> {
  const chat = new ChatSession(client, { model: client.defaultModel });
  const event = await chat.send('Alice and Bob are going to a science fair on Friday.', { schema: Event });
  log(`Event: ${event.name} on ${event.date} with ${event.participants.join(', ')}`);
}

await runIfMain(import.meta.url, 'gemini', main);

// Type-checked with tsc against the published declarations: what a user writes must compile as written.
import { OpenAI } from '@wireai/openai-client';
import { type ChatReply, ChatSession, ResponsesChatSession, SessionError, tool } from '@wireai/sessions';
import { createAxiosTransport } from '@wireai/transport-axios';
import { z } from 'zod';

const client = new OpenAI('sk-consumer', {
  transport: createAxiosTransport(),
  baseURL: 'http://127.0.0.1:1/v1',
});
const weather = tool({
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => `Sunny in ${city}`,
});

export async function chat(): Promise<ChatReply> {
  const session = new ChatSession(client, { model: 'gpt-4.1-mini' });
  try {
    return await session.send('Hello', (chunk) => process.stdout.write(chunk.content ?? ''));
  } catch (error) {
    if (SessionError.isInstance(error)) return `status ${error.status}`;
    throw error;
  }
}

export async function responses(): Promise<string> {
  const session = new ResponsesChatSession(client, { model: 'gpt-4.1-mini', tools: [] });
  const first = await session.send('Hello');
  return `${first.outputText()} ${session.currentResponseId ?? ''}`;
}

export { weather };

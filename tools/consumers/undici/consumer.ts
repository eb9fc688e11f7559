// Type-checked with tsc against the published declarations: what a user writes must compile as written.
import type { Transport, TransportResponse } from '@wireai/core';
import { type ChatCompletionMessage, OpenAI, type Result } from '@wireai/openai-client';
import { createUndiciTransport } from '@wireai/transport-undici';

const transport: Transport = createUndiciTransport({ connections: 8 });
const client = new OpenAI('sk-consumer', { transport, baseURL: 'http://127.0.0.1:1/v1', maxRetries: 1 });
const messages: ChatCompletionMessage[] = [{ role: 'user', content: 'hello' }];

export async function reply(): Promise<string | null | undefined> {
  const result = await client.createChatCompletion(messages, { temperature: 0 });
  if (!result.ok) return `failed with ${result.status}`;
  return result.body.choices[0]?.message.content;
}

export async function streamed(): Promise<string> {
  let text = '';
  for await (const chunk of client.streamChatCompletion(messages))
    text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}

export async function raw(): Promise<TransportResponse> {
  return (await client.transport()).request({ url: 'http://127.0.0.1:1/', method: 'GET', headers: {} });
}

export type ModelsResult = Result<Awaited<ReturnType<OpenAI['models']>> extends Result<infer T> ? T : never>;

import type { ChatCompletionMessage } from '@wireai/openai-client';
import type { Connection } from './connect.js';

/**
 * Streams one reply to `prompt` (or to a whole conversation) and hands each piece of text to `onText`
 * as it arrives; resolves the whole text. The same for both APIs.
 */
export async function streamReply(
  connection: Connection,
  prompt: string | ChatCompletionMessage[],
  onText: (text: string) => void,
  signal?: AbortSignal,
): Promise<{ text: string; chunks: number }> {
  const { client, model, api } = connection;
  const call = signal ? { signal } : {};
  let text = '';
  let chunks = 0;
  if (api === 'responses') {
    const input =
      typeof prompt === 'string'
        ? prompt
        : (prompt.map((message) => ({ role: message.role, content: String(message.content) })) as never);
    for await (const event of client.streamResponse(input, { model }, call)) {
      if (event.type !== 'response.output_text.delta') continue;
      chunks++;
      text += event.delta;
      onText(event.delta);
    }
  } else {
    const messages = typeof prompt === 'string' ? [{ role: 'user' as const, content: prompt }] : prompt;
    for await (const chunk of client.streamChatCompletion(messages, { model }, call)) {
      const piece = chunk.choices[0]?.delta.content;
      if (!piece) continue;
      chunks++;
      text += piece;
      onText(piece);
    }
  }
  return { text, chunks };
}

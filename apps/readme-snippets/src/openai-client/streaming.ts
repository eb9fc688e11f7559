import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

const client = new OpenAI();
const messages = [{ role: 'user' as const, content: 'Once upon a time' }];

// #region readme

// Async iterable: typed chunks at your pace (the socket waits for you); `break` aborts the request.
for await (const chunk of client.streamChatCompletion(messages))
  process.stdout.write(chunk.choices[0]?.delta.content ?? '');
for await (const event of client.streamResponse('Tell me a story'))
  if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);

// lua-openai's callback: every raw chunk (or `chat()`'s filtered `{ content, index, tool_calls }` deltas,
// plus `{ index, usage }` for the usage chunk when asked with `stream_options: { include_usage: true }`).
await client.createChatCompletion(messages, { stream: true }, (chunk) => {
  process.stdout.write(chunk.choices[0]?.delta.content ?? '');
});
await client.createResponse('Hi', { stream: true }, (event) => {
  console.log(event.type); // response.created … response.completed
});
// #endregion readme

const [streamed, ...events] = printed().trimEnd().split('\n');
expect(streamed).toBe('Echo: Once upon a timeEcho: Tell me a storyEcho: Once upon a timeresponse.created');
expect(events.at(-1)).toBe('response.completed');
expect(mockServer().requests.map((request) => request.body)).toMatchObject(Array(4).fill({ stream: true }));

import { ChatCompletionAccumulator, OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';
import { printed } from '../harness/context.js';

const client = new OpenAI();
const messages = [{ role: 'user' as const, content: 'Once upon a time' }];

// #region readme
// openai-node's finalChatCompletion(): the chunks added up (text, tool calls, usage…), after a loop…
const stream = client.streamChatCompletion(messages);
for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
const completion = await stream.finalChatCompletion();

// …or instead of one; and finalResponse(), response.completed's response.
const { choices } = await client.streamChatCompletion(messages).finalChatCompletion();
const response = await client.streamResponse('Tell me a story').finalResponse();

// The callback form, or any stream of chunks, adds up the same way.
const accumulator = new ChatCompletionAccumulator();
await client.createChatCompletion(messages, { stream: true }, (chunk) => accumulator.add(chunk));
console.log(accumulator.result().choices[0]?.message.content);
// #endregion readme

expect(completion.choices[0]?.message.content).toBe('Echo: Once upon a time');
expect(choices[0]?.message).toEqual(completion.choices[0]?.message);
expect(response.status).toBe('completed');
expect(printed()).toBe('Echo: Once upon a timeEcho: Once upon a time\n');

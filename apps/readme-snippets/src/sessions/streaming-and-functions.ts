import { OpenAI } from '@wireai/openai-client';
import { ChatSession } from '@wireai/sessions';
import { expect } from 'vitest';
import { mockServer } from '../harness/context.js';

const session = new ChatSession(new OpenAI());
const add = { name: 'add', parameters: { type: 'object', properties: { a: {}, b: {} } } };
const seen: string[] = [];

// #region readme
// The stream callback gets (delta, raw), as lua-openai's (chunk, raw): raw is the whole chunk.
await session.send('Hi', (delta, raw) => void seen.push(`${raw.object}: ${delta.content ?? ''}`));

// functions and tools may change between turns (as lua-openai's README does); they are checked when sent.
session.functions = [add];
session.tools = undefined;
await session.send('What is 2 + 3?', () => undefined);
// #endregion readme

expect(seen.every((line) => line.startsWith('chat.completion.chunk: '))).toBe(true);
expect(seen.map((line) => line.slice('chat.completion.chunk: '.length)).join('')).toBe('Echo: Hi');
expect(mockServer().requests.at(-1)?.body).toMatchObject({ functions: [add] });
expect(session.usage.requests).toBe(2); // asked with stream_options.include_usage (the OpenAI preset)

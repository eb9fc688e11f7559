import { OpenAI } from '@wireai/openai-client';
import { ChatSession } from '@wireai/sessions';
import { expect } from 'vitest';
import { mockServer } from '../harness/context.js';

const session = new ChatSession(new OpenAI());
const add = { name: 'add', parameters: { type: 'object', properties: { a: {}, b: {} } } };
const kinds: string[] = [];

// #region readme
// The stream callback gets (delta, raw), as lua-openai's (chunk, raw): raw is the whole chunk.
await session.send('Hi', (delta, raw) => void kinds.push(raw.object));

// functions and tools may change between turns (as lua-openai's README does); they are checked when sent.
session.functions = [add];
session.tools = undefined;
await session.send('What is 2 + 3?', () => undefined);
// #endregion readme

expect(kinds.every((kind) => kind === 'chat.completion.chunk')).toBe(true);
expect(mockServer().requests.at(-1)?.body).toMatchObject({ functions: [add] });
expect(session.usage.requests).toBe(2); // asked with stream_options.include_usage (the OpenAI preset)

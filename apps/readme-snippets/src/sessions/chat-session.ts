import { expect } from 'vitest';
import { printed } from '../harness/context.js';

// #region readme

import { OpenAI } from '@wireai/openai-client';
import { ChatSession } from '@wireai/sessions';

const session = new ChatSession(new OpenAI(), { model: 'gpt-4.1-mini', temperature: 0.7 });
console.log(await session.send('Who are you?')); // the reply text; both messages join session.messages
await session.send('Tell me more', (chunk) => process.stdout.write(chunk.content ?? '')); // streamed
// #endregion readme

expect(printed()).toBe('Echo: Who are you?\nEcho: Tell me more');
expect(session.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);

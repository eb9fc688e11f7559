import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

const client = new OpenAI();

// #region readme

import { ResponsesChatSession } from '@wireai/sessions';

const chat = new ResponsesChatSession(client, { model: 'gpt-4.1-mini', instructions: 'Be brief.' });
const first = await chat.send('Hello'); // a Response with outputText(), images(), toString()
const text = await chat.send('And again', (chunk) => process.stdout.write(chunk.content ?? ''));
chat.currentResponseId;
chat.responseHistory; // chained with previous_response_id
// #endregion readme

expect(first.outputText()).toBe('Echo: Hello');
expect([text, printed()]).toEqual(['Echo: And again', 'Echo: And again']);
expect(chat.responseHistory).toHaveLength(2);
expect(chat.currentResponseId).toBe(chat.responseHistory[1]?.id);
expect(mockServer().requests[1]?.body).toMatchObject({ previous_response_id: first.id });

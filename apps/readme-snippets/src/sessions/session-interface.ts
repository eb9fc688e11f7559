import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

const client = new OpenAI();

// #region readme

import { createSession, restoreSession, type Session } from '@wireai/sessions';

// Either API behind one interface, chosen at run time and used the same way.
const session: Session = createSession(client, { api: 'responses', model: 'gpt-4.1-mini' });
const text = await session.stream('Hello', (piece) => process.stdout.write(piece)); // the whole text
session.model = 'gpt-4.1'; // switch models; the conversation stays
await session.send('And now?');
session.history(); // the chat's messages, or the Responses chain's responses
session.usage; // { inputTokens, outputTokens, totalTokens, requests }
const resumed = restoreSession(client, JSON.stringify(session)); // by its kind: here a ResponsesChatSession
// #endregion readme

expect([text, printed()]).toEqual(['Echo: Hello', 'Echo: Hello']);
expect(mockServer().requests[1]?.body).toMatchObject({ model: 'gpt-4.1' });
expect(resumed.kind).toBe('responses');
expect(resumed.history()).toHaveLength(2);
expect(resumed.model).toBe('gpt-4.1');

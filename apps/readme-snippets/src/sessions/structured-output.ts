import { OpenAI } from '@wireai/openai-client';
import { ChatSession } from '@wireai/sessions';
import { expect } from 'vitest';
import { z } from 'zod';

const client = new OpenAI();
const session = new ChatSession(client);

// #region readme

const City = z.object({ city: z.string(), population: z.number() });
const lyon = await session.send('Tell me about Lyon', { schema: City }); // typed, validated
session.usage; // { inputTokens, outputTokens, totalTokens, requests }
const saved = JSON.stringify(session);
const resumed = ChatSession.fromJSON(client, saved);
// #endregion readme

expect(City.parse(lyon)).toEqual(lyon);
expect(session.usage).toMatchObject({ requests: 1, totalTokens: expect.any(Number) });
expect(resumed.messages).toEqual(session.messages);

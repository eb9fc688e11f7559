import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

// #region readme

import { OpenAI } from '@wireai/openai-client';

const client = new OpenAI(); // key from OPENAI_API_KEY
const result = await client.createChatCompletion([{ role: 'user', content: 'Hello!' }], {
  model: 'gpt-4.1-mini',
});
if (result.ok)
  console.log(result.body.choices[0]?.message.content); // typed ChatCompletion
else console.error(result.status, result.body); // lua-openai's contract: every status resolves
// #endregion readme

expect(printed()).toBe('Echo: Hello!\n');
expect(mockServer().requests[0]?.body).toMatchObject({ model: 'gpt-4.1-mini' });

import { expect } from 'vitest';
import { mockServer } from '../harness/context.js';

// #region readme

import { toFetch } from '@wireai/core';
import { createUndiciTransport } from '@wireai/transport-undici';
import OpenAI from 'openai';

// openai-node, unchanged, sending through a wireai transport (here undici's pool).
const openai = new OpenAI({ fetch: toFetch(createUndiciTransport()) });
const stream = await openai.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
  stream: true,
});
for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
// #endregion readme

expect(mockServer().requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);

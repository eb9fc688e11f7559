import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

// Run twice in one directory (src/run-snippets.test.ts): with RECORD=1 against the mock server, then
// without, from the cassette alone.

// #region readme

import { toFetch } from '@wireai/core';
import { recordTransport, replayTransport } from '@wireai/testing';
import { createUndiciTransport } from '@wireai/transport-undici';
import OpenAI from 'openai';

// Record an openai-node application once, then run it offline from the cassette.
const transport = process.env.RECORD
  ? recordTransport(createUndiciTransport(), 'test/cassettes/openai-node.json')
  : replayTransport('test/cassettes/openai-node.json');
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? 'replay', fetch: toFetch(transport) });

const reply = await openai.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
});
console.log(reply.choices[0]?.message.content);
// #endregion readme

expect(printed()).toBe('Echo: Hello\n');
expect(existsSync('test/cassettes/openai-node.json')).toBe(true);
expect(mockServer().requests).toHaveLength(process.env.RECORD ? 1 : 0);

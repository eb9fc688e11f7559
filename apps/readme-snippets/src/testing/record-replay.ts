import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { mockServer } from '../harness/context.js';

// Run twice in one directory (src/run-snippets.test.ts): with RECORD=1 against the mock server, then
// without, from the cassette alone.

// #region readme

import { OpenAI } from '@wireai/openai-client';
import { recordTransport, replayTransport } from '@wireai/testing';
import { createUndiciTransport } from '@wireai/transport-undici';

const transport = process.env.RECORD
  ? recordTransport(createUndiciTransport(), 'test/cassettes/chat.json')
  : replayTransport('test/cassettes/chat.json', { match: 'request' });
const client = new OpenAI(process.env.OPENAI_API_KEY ?? 'replay', { transport });
// #endregion readme

const result = await client.createChatCompletion([{ role: 'user', content: 'Hello' }]);
expect(result.ok && result.body.choices[0]?.message.content).toBe('Echo: Hello');
expect(existsSync('test/cassettes/chat.json')).toBe(true);
expect(mockServer().requests).toHaveLength(process.env.RECORD ? 1 : 0);

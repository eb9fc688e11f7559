import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';

// #region readme

import { createFetchTransport } from '@wireai/transport-fetch';

const transport = createFetchTransport(); // globalThis.fetch

import nodeFetch from 'node-fetch';

const legacy = createFetchTransport({ fetch: nodeFetch });
// #endregion readme

for (const used of [transport, legacy]) {
  const client = new OpenAI(process.env.OPENAI_API_KEY, { transport: used });
  expect((await client.models()).ok).toBe(true);
}

import { expect } from 'vitest';

const key = process.env.OPENAI_API_KEY;

// #region readme

import { OpenAI } from '@wireai/openai-client';
import { createAxiosTransport } from '@wireai/transport-axios';
import { createFetchTransport } from '@wireai/transport-fetch';
import axios from 'axios';
import nodeFetch from 'node-fetch';

const myAxios = axios.create();
const clients = [
  new OpenAI(key, { transport: 'undici' }), // loaded on first use
  new OpenAI(key, { transport: createAxiosTransport({ axios: myAxios }) }),
  new OpenAI(key, { transport: createFetchTransport({ fetch: nodeFetch }) }),
  new OpenAI(key), // Node: undici if installed, else fetch; Deno, Bun, workers, browsers: fetch
];
// #endregion readme

const names = await Promise.all(clients.map(async (client) => (await client.transport()).name));
expect(names).toEqual(['undici', 'axios', 'fetch', 'undici']);
for (const client of clients) expect((await client.models()).ok).toBe(true);

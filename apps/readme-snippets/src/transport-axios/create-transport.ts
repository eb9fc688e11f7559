import { expect } from 'vitest';
import { mockServer } from '../harness/context.js';

// #region readme

import { OpenAI } from '@wireai/openai-client';
import { createAxiosTransport } from '@wireai/transport-axios';
import axios from 'axios';

const myAxios = axios.create({ headers: { 'x-team': 'search' } }); // its defaults and interceptors apply
const transport = createAxiosTransport({ axios: myAxios });
const client = new OpenAI(process.env.OPENAI_API_KEY, { transport });
// Through a proxy: createAxiosTransport({ axios: myAxios, proxy: 'http://proxy.internal:3128' })
// #endregion readme

expect((await client.models()).ok).toBe(true);
expect(mockServer().requests[0]?.headers['x-team']).toBe('search');

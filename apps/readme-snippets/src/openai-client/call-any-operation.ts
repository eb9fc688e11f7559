import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

// #region readme

import { OpenAI } from '@wireai/openai-client';

const client = new OpenAI();
// 'METHOD /path' from the official description; path parameters, query, body and result are typed.
const model = await client.call('GET /models/{model}', { path: { model: 'gpt-4.1' } });
if (model.ok) console.log(model.body.owned_by);
const files = await client.call('GET /files', { query: { purpose: 'batch', limit: 10, order: 'desc' } });
if (files.ok) console.log(files.body.data.length);
// Also: call('POST /batches', { body }), call('POST /vector_stores/{vector_store_id}/search', { path, body })…
// #endregion readme

expect(mockServer().requests.map((request) => request.path)).toEqual([
  '/v1/models/gpt-4.1',
  '/v1/files?purpose=batch&limit=10&order=desc',
]);
expect(printed()).toMatch(/^\S+\n\d+\n$/);

import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

const client = new OpenAI();

// #region readme

const first = await client.createResponse('Name a colour', { instructions: 'One word.' });
if (first.ok) {
  const next = await client.createResponse('Another one', { previous_response_id: first.body.id });
  if (next.ok) console.log(next.body.previous_response_id === first.body.id); // true
  await client.response(first.body.id); // fetch it again
  await client.deleteResponse(first.body.id);
}
const job = await client.createResponse('A long story', { background: true });
if (job.ok) await client.cancelResponse(job.body.id); // background responses only
// #endregion readme

expect(printed()).toBe('true\n');
expect(mockServer().requests.map((request) => request.route)).toEqual([
  'POST /responses',
  'POST /responses',
  'GET /responses/:id',
  'DELETE /responses/:id',
  'POST /responses',
  'POST /responses/:id/cancel',
]);
expect(job.ok && (await client.response(job.body.id)).body).toMatchObject({ status: 'cancelled' });

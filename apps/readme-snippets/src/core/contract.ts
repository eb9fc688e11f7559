import { createUndiciTransport } from '@wireai/transport-undici';
import { expect } from 'vitest';
import { towardsMock } from '../harness/towards-mock.js';

// #region readme

import type { Transport } from '@wireai/core';
import { sinks } from '@wireai/core';

async function listModels(transport: Transport, apiKey: string) {
  const body = sinks.collect({ maxBytes: 1 << 20 });
  const head = await transport.request({
    url: 'https://api.openai.com/v1/models',
    method: 'GET',
    headers: { authorization: `Bearer ${apiKey}` },
    sink: body.sink,
  });
  return { status: head.status, models: body.json() };
}
// #endregion readme

// Checks: the function, given a transport bound for the mock server, gets the model list.
const { status, models } = await listModels(
  towardsMock(createUndiciTransport()),
  process.env.OPENAI_API_KEY ?? '',
);
expect(status).toBe(200);
expect(models).toMatchObject({ object: 'list', data: expect.arrayContaining([expect.anything()]) });

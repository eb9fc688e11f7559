import { sinks } from '@wireai/core';
import { expect } from 'vitest';

// #region readme

import { OpenAI } from '@wireai/openai-client';
import { createMockOpenAI, createMockTransport } from '@wireai/testing';

// Any handler: it gets the request with its body read, and answers status, headers and a body
// (string, bytes, an object sent as JSON, or an async iterable that streams).
const transport = createMockTransport(async (request) => ({
  status: 200,
  body: { echoed: request.json() },
}));

// Or the whole mock OpenAI API without a socket:
const mockOpenAI = createMockOpenAI();
const client = new OpenAI('test', { transport: createMockTransport(mockOpenAI.handler) });
// #endregion readme

const body = sinks.collect();
await transport.request({
  url: 'http://mock.test/',
  method: 'POST',
  headers: {},
  source: '[1]',
  sink: body.sink,
});
expect(body.json()).toEqual({ echoed: [1] });
expect((await client.models()).ok).toBe(true);
expect(mockOpenAI.requests.map((request) => request.route)).toEqual(['GET /models']);

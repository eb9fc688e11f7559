import { sinks } from '@wireai/core';
import { describe, expect, it } from 'vitest';
import { describeTransportConformance } from '../conformance/describe-transport-conformance.js';
import { createMockTransport } from './mock-transport.js';

// The mock transport keeps the contract: the socket-free part of the suite, with the routes in memory.
describeTransportConformance('mock', ({ handler }) => createMockTransport(handler), { sockets: false });

describe('createMockTransport()', () => {
  it('hands the handler the decoded request and records it', async () => {
    const transport = createMockTransport((request) => ({
      body: { got: request.json<{ q: string }>().q, path: request.path, auth: request.headers.authorization },
    }));
    const body = sinks.collect();
    const head = await transport.request({
      url: 'https://api.example.test/v1/chat?x=1',
      method: 'POST',
      headers: { Authorization: 'Bearer k' },
      source: '{"q":"hi"}',
      sink: body.sink,
    });
    expect(head.headers['content-type']).toBe('application/json');
    expect(body.json()).toEqual({ got: 'hi', path: '/v1/chat', auth: 'Bearer k' });
    expect(transport.requests).toHaveLength(1);
    expect(transport.requests[0]?.url).toBe('https://api.example.test/v1/chat?x=1');
  });

  it('streams an async iterable body chunk by chunk', async () => {
    const transport = createMockTransport(() => ({
      headers: { 'content-type': 'text/event-stream' },
      body: (async function* () {
        yield 'data: 1\n\n';
        yield new TextEncoder().encode('data: 2\n\n');
      })(),
    }));
    const events: string[] = [];
    await transport.request({
      url: 'http://mock.test/s',
      method: 'GET',
      headers: {},
      sink: sinks.sse((event) => void events.push(event.data)),
    });
    expect(events).toEqual(['1', '2']);
  });

  it('rejects with the error a handler throws, so a broken test handler is plain to see', async () => {
    const transport = createMockTransport(() => {
      throw new Error('handler bug');
    });
    await expect(transport.request({ url: 'http://mock.test/', method: 'GET', headers: {} })).rejects.toThrow(
      'handler bug',
    );
  });
});

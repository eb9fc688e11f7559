import { sinks } from '@wireai/core';
import {
  describeTransportConformance,
  startConformanceServer,
  startProxy,
} from '@wireai/testing/conformance';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createUndiciTransport } from './undici-transport.js';

describeTransportConformance('undici', () => createUndiciTransport());

describe('undici transport options', () => {
  it('sends requests through an HTTP proxy', async () => {
    const target = await startConformanceServer();
    const proxy = await startProxy();
    const transport = createUndiciTransport({ proxy: proxy.url });
    try {
      const body = sinks.collect();
      const head = await transport.request({
        url: target.url('/echo'),
        method: 'GET',
        headers: {},
        sink: body.sink,
      });
      expect(head.status).toBe(200);
      expect(body.json<{ path: string }>().path).toBe('/echo');
      // undici 7 tunnels with CONNECT even to an http: origin; undici 8 sends the absolute URL.
      expect([[`CONNECT ${new URL(target.origin).host}`], [target.url('/echo')]]).toContainEqual(proxy.seen);
    } finally {
      await transport.close();
      await proxy.close();
      await target.close();
    }
  });

  it('uses the dispatcher it is given and leaves it open', async () => {
    const target = await startConformanceServer();
    const dispatcher = new Agent();
    const transport = createUndiciTransport({ dispatcher });
    expect(transport.dispatcher).toBe(dispatcher);
    const head = await transport.request({ url: target.url('/echo'), method: 'GET', headers: {} });
    expect(head.status).toBe(200);
    await transport.close();
    expect(dispatcher.closed).toBe(false);
    await dispatcher.close();
    await target.close();
  });
});

// The contract over HTTP/2: TLS servers on 127.0.0.1 that speak only h2, trusted through `connect.ca`.
describeTransportConformance(
  'undici over HTTP/2',
  ({ ca }) => createUndiciTransport({ allowH2: true, connect: { ca } }),
  {
    http2: true,
  },
);

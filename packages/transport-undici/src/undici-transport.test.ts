import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sinks } from '@wireai/core';
import { describeTransportConformance, startConformanceServer } from '@wireai/testing/conformance';
import { createProxy } from 'proxy';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createUndiciTransport } from './undici-transport.js';

describeTransportConformance('undici', () => createUndiciTransport());

describe('undici transport options', () => {
  it('sends requests through an HTTP proxy', async () => {
    const target = await startConformanceServer();
    const proxied: string[] = [];
    const proxy = createProxy(createServer());
    proxy.on('request', (req) => proxied.push(req.url ?? ''));
    proxy.on('connect', (req) => proxied.push(`CONNECT ${req.url ?? ''}`));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const transport = createUndiciTransport({ proxy: proxyUrl });
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
      expect([[`CONNECT ${new URL(target.origin).host}`], [target.url('/echo')]]).toContainEqual(proxied);
    } finally {
      await transport.close();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
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

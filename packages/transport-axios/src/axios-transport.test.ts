import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sinks } from '@wireai/core';
import { describeTransportConformance, startConformanceServer } from '@wireai/testing/conformance';
import axios from 'axios';
import { createProxy } from 'proxy';
import { describe, expect, it } from 'vitest';
import { createAxiosTransport } from './axios-transport.js';

describeTransportConformance('axios', () => createAxiosTransport());

describe('axios transport options', () => {
  it('sends requests through an HTTP proxy', async () => {
    const target = await startConformanceServer();
    const proxied: string[] = [];
    const proxy = createProxy(createServer());
    proxy.on('request', (req) => proxied.push(req.url ?? ''));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const transport = createAxiosTransport({
      proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    });
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
      // axios sends the absolute URL to the proxy for an http: origin.
      expect(proxied).toEqual([target.url('/echo')]);
    } finally {
      await transport.close();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await target.close();
    }
  });

  it("runs the given instance's interceptors", async () => {
    const target = await startConformanceServer();
    const instance = axios.create();
    instance.interceptors.request.use((config) => {
      config.headers.set('x-intercepted', 'yes');
      return config;
    });
    const transport = createAxiosTransport({ axios: instance });
    const body = sinks.collect();
    await transport.request({ url: target.url('/echo'), method: 'GET', headers: {}, sink: body.sink });
    expect(body.json<{ headers: Record<string, string> }>().headers['x-intercepted']).toBe('yes');
    await transport.close();
    await target.close();
  });
});

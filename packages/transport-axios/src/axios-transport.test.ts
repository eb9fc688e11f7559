import { sinks } from '@wireai/core';
import {
  describeTransportConformance,
  startConformanceServer,
  startProxy,
} from '@wireai/testing/conformance';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { createAxiosTransport } from './axios-transport.js';

describeTransportConformance('axios', () => createAxiosTransport());

describe('axios transport options', () => {
  it('sends requests through an HTTP proxy', async () => {
    const target = await startConformanceServer();
    const proxy = await startProxy();
    const transport = createAxiosTransport({ proxy: proxy.url });
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
      expect(proxy.seen).toEqual([target.url('/echo')]);
    } finally {
      await transport.close();
      await proxy.close();
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

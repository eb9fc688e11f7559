import { sinks } from '@wireai/core';
import {
  describeTransportConformance,
  startConformanceServer,
  startProxy,
} from '@wireai/testing/conformance';
import { HttpProxyAgent } from 'http-proxy-agent';
import nodeFetch from 'node-fetch';
import { Agent, ProxyAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createFetchTransport } from './fetch-transport.js';

// The runtime's own fetch (undici inside Node): streams request bodies, follows redirects itself.
describeTransportConformance('fetch (global)', () => createFetchTransport());

// node-fetch v3 cannot send a WHATWG stream, so async-iterable bodies are read whole first, and keeps
// Authorization when a redirect changes only the port, so the transport follows redirects itself.
describeTransportConformance('fetch (node-fetch)', () => createFetchTransport({ fetch: nodeFetch }));

describe('fetch transport options', () => {
  it("sends the global fetch through a proxy given as undici's dispatcher", async () => {
    const target = await startConformanceServer();
    const proxy = await startProxy();
    const dispatcher = new ProxyAgent(proxy.url);
    try {
      const transport = createFetchTransport({ init: { dispatcher } });
      const body = sinks.collect();
      const head = await transport.request({
        url: target.url('/echo'),
        method: 'GET',
        headers: {},
        sink: body.sink,
      });
      expect(head.status).toBe(200);
      expect(proxy.seen).toEqual([`CONNECT ${new URL(target.origin).host}`]);
    } finally {
      await dispatcher.close();
      await proxy.close();
      await target.close();
    }
  });

  it('sends node-fetch through a proxy given as its agent', async () => {
    const target = await startConformanceServer();
    const proxy = await startProxy();
    const agent = new HttpProxyAgent(proxy.url);
    try {
      const transport = createFetchTransport({ fetch: nodeFetch, init: { agent } });
      const head = await transport.request({ url: target.url('/echo'), method: 'GET', headers: {} });
      expect(head.status).toBe(200);
      expect(proxy.seen).toEqual([target.url('/echo')]);
    } finally {
      agent.destroy();
      await proxy.close();
      await target.close();
    }
  });

  it('reads an async-iterable body whole before sending it with node-fetch', async () => {
    const target = await startConformanceServer();
    const transport = createFetchTransport({ fetch: nodeFetch });
    const body = sinks.collect();
    async function* parts() {
      yield new TextEncoder().encode('a');
      yield new TextEncoder().encode('b');
    }
    await transport.request({
      url: target.url('/echo'),
      method: 'POST',
      headers: {},
      source: parts(),
      sink: body.sink,
    });
    const reply = body.json<{ body: string; headers: Record<string, string> }>();
    expect(reply.body).toBe('ab');
    expect(reply.headers['content-length']).toBe('2');
    expect(reply.headers['transfer-encoding']).toBeUndefined();
    await target.close();
  });

  it('streams an async-iterable body with the global fetch', async () => {
    const target = await startConformanceServer();
    const transport = createFetchTransport();
    const body = sinks.collect();
    async function* parts() {
      yield new TextEncoder().encode('a');
      yield new TextEncoder().encode('b');
    }
    await transport.request({
      url: target.url('/echo'),
      method: 'POST',
      headers: {},
      source: parts(),
      sink: body.sink,
    });
    const reply = body.json<{ body: string; headers: Record<string, string> }>();
    expect(reply.body).toBe('ab');
    expect(reply.headers['transfer-encoding']).toBe('chunked');
    await target.close();
  });

  it('encodes a Node stream body that yields strings (one with an encoding set) as UTF-8', async () => {
    const transport = createFetchTransport({
      fetch: async () => ({
        status: 200,
        statusText: 'OK',
        headers: new Headers(),
        body: (async function* () {
          yield 'héllo ';
          yield new TextEncoder().encode('wörld');
        })(),
      }),
    });
    const body = sinks.collect();
    await transport.request({ url: 'http://fetch.test/', method: 'GET', headers: {}, sink: body.sink });
    expect(body.text()).toBe('héllo wörld');
  });

  it('names the fix when the runtime has no fetch', () => {
    const saved = globalThis.fetch;
    // @ts-expect-error simulating a runtime without fetch
    globalThis.fetch = undefined;
    try {
      expect(() => createFetchTransport()).toThrow(
        /pass one, e\.g\. createFetchTransport\(\{ fetch: nodeFetch \}\)/,
      );
    } finally {
      globalThis.fetch = saved;
    }
  });
});

// Node's fetch over HTTP/2, through an undici dispatcher that allows it (and trusts the suite's certificate).
describeTransportConformance(
  'fetch (global) over HTTP/2',
  ({ ca }) => createFetchTransport({ init: { dispatcher: new Agent({ allowH2: true, connect: { ca } }) } }),
  { http2: true },
);

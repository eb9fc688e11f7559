import { Socket } from 'node:net';
import { startMockOpenAI } from '@wireai/testing';
import { createAxiosTransport } from '@wireai/transport-axios';
import { createUndiciTransport } from '@wireai/transport-undici';
import { describe, expect, it } from 'vitest';
import { blockNetwork } from './no-network.js';

// The guard the snippets run under: it must refuse the real API through every stack, and let loopback be.
describe('blockNetwork()', () => {
  it('refuses connections beyond loopback through fetch, undici and axios, and lists them', async () => {
    const network = blockNetwork();
    try {
      await expect(fetch('https://api.openai.com/v1/models')).rejects.toThrow();
      const request = { url: 'https://api.openai.com/v1/models', method: 'GET', headers: {} };
      await expect(createUndiciTransport().request(request)).rejects.toThrow();
      await expect(createAxiosTransport().request(request)).rejects.toThrow();
      expect(network.attempts).toEqual(['api.openai.com:443', 'api.openai.com:443', 'api.openai.com:443']);
    } finally {
      network.restore();
    }
  });

  it('lets loopback through, and restore() puts connect back', async () => {
    const connect = Socket.prototype.connect;
    const mock = await startMockOpenAI();
    const network = blockNetwork();
    try {
      expect((await fetch(`${mock.baseURL}/models`)).status).toBe(200);
      expect(network.attempts).toEqual([]);
    } finally {
      network.restore();
      await mock.close();
    }
    expect(Socket.prototype.connect).toBe(connect);
  });
});

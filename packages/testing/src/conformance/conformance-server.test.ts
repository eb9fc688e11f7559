import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EchoReply } from './conformance-routes.js';
import { type ConformanceServer, startConformanceServer } from './conformance-server.js';

let server: ConformanceServer;
beforeAll(async () => {
  server = await startConformanceServer();
});
afterAll(() => server.close());

function get(path: string, method = 'GET', body?: string) {
  return new Promise<{ status: number; raw: string[]; body: Buffer }>((resolve, reject) => {
    const req = request(server.url(path), { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, raw: res.rawHeaders, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the conformance server', () => {
  it('echoes method, path, headers and a hash of the body', async () => {
    const reply = JSON.parse((await get('/echo?x=1', 'POST', 'hello')).body.toString()) as EchoReply;
    expect(reply).toMatchObject({ method: 'POST', path: '/echo?x=1', bodyLength: 5, body: 'hello' });
    expect(reply.bodySha256).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('sends mixed-case and repeated header lines as raw lines', async () => {
    const { raw } = await get('/headers');
    expect(raw).toEqual(expect.arrayContaining(['X-Mixed-Case', 'X-Repeated', 'first', 'second']));
    expect(raw.filter((line) => line === 'Set-Cookie')).toHaveLength(2);
  });

  it('sends an encoded body with its content-encoding', async () => {
    const { body } = await get('/encoded?encoding=gzip');
    expect(gunzipSync(body).toString()).toBe('decoded body '.repeat(1000));
  });

  it('answers any status with its body, and 404 for an unknown path', async () => {
    expect((await get('/status?code=503&body=down')).body.toString()).toBe('down');
    expect((await get('/nowhere')).status).toBe(404);
  });

  it('counts connections and requests, and serves one-off routes', async () => {
    const before = server.requestCount;
    const path = server.route(() => ({ body: 'one-off' }));
    expect((await get(path)).body.toString()).toBe('one-off');
    expect(server.requestCount).toBe(before + 1);
    expect(server.connectionCount).toBeGreaterThan(0);
  });
});

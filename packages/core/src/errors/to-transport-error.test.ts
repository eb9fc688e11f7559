import { request } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toTransportError } from './to-transport-error.js';
import { TransportError } from './transport-error.js';

// Real failures from Node's HTTP client against raw sockets on 127.0.0.1, classified as a transport would.
const servers: Server[] = [];
const sockets = new Set<Socket>();

async function rawServer(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function get(port: number, signal?: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/v1/x?key=secret', signal }, (res) => {
      res.on('data', () => undefined);
      res.on('error', resolve);
      res.on('aborted', () => resolve(new Error('aborted')));
      res.on('end', () => resolve(undefined));
    });
    req.on('error', resolve);
    req.end();
  });
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('toTransportError()', () => {
  it('classifies a refused connection', async () => {
    const port = await rawServer(() => undefined);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const error = toTransportError(await get(port), {
      method: 'GET',
      url: `http://127.0.0.1:${port}/v1/x?key=secret`,
    });
    expect(error.code).toBe('CONNECTION_REFUSED');
    expect(error.message).toBe(`Connection refused (GET http://127.0.0.1:${port}/v1/x)`);
  });

  it('classifies a reset before the headers', async () => {
    const port = await rawServer((socket) => socket.resetAndDestroy());
    expect(toTransportError(await get(port)).code).toBe('CONNECTION_RESET');
  });

  it('classifies a malformed status line', async () => {
    const port = await rawServer((socket) => socket.end('HTTP/1.1 abc nonsense\r\n\r\n'));
    expect(toTransportError(await get(port)).code).toBe('PROTOCOL');
  });

  it('classifies a request aborted by its signal, whatever the library reported', async () => {
    const port = await rawServer(() => undefined); // never answers
    const controller = new AbortController();
    const pending = get(port, controller.signal);
    controller.abort();
    expect(toTransportError(await pending, { signal: controller.signal }).code).toBe('ABORTED');
    expect(toTransportError(new Error('socket hang up'), { signal: controller.signal }).code).toBe('ABORTED');
  });

  it('finds the code inside wrapped errors (fetch, AggregateError)', () => {
    const wrapped = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }),
    });
    expect(toTransportError(wrapped).code).toBe('DNS');
    const aggregate = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]);
    expect(toTransportError(aggregate).code).toBe('CONNECTION_REFUSED');
    expect(toTransportError(Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' })).code).toBe(
      'TIMEOUT',
    );
    expect(
      toTransportError(Object.assign(new Error('t'), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' })).code,
    ).toBe('TLS');
  });

  it('passes a TransportError through and keeps a scrubbed copy of anything else as cause', () => {
    const original = new TransportError('TLS', 'bad cert');
    expect(toTransportError(original)).toBe(original);
    const cause = Object.assign(new Error('weird sk-in-header'), { code: 'EWHATEVER', request: {} });
    const error = toTransportError(cause, { headers: { 'x-key': 'sk-in-header' } });
    expect(error.code).toBe('UNKNOWN');
    expect(error.cause).toMatchObject({ name: 'Error', code: 'EWHATEVER', message: 'weird <redacted>' });
    expect(error.cause).not.toHaveProperty('request');
  });

  it('never copies a library message into its own, since it may quote a secret', () => {
    const leaky = new Error('Invalid header value "Bearer sk-live-123"');
    const error = toTransportError(leaky);
    expect(error.message).toBe('Request failed: Error');
    expect(error.message).not.toContain('sk-live');
  });
});

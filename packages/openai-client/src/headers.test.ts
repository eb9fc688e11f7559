import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { createClient } from './providers/provider-clients.js';
import { mergeHeaders } from './request/headers.js';
import { TRANSPORTS } from './test-support/transports.js';

describe('mergeHeaders', () => {
  it('matches names whatever their case, the later layer winning, and lower-cases them', () => {
    expect(
      mergeHeaders({ 'Content-Type': 'a', 'X-A': '1' }, { 'content-type': 'b' }, { 'X-a': '2' }),
    ).toEqual({
      'content-type': 'b',
      'x-a': '2',
    });
  });

  it('removes a header for null, leaves it for undefined, and skips missing layers', () => {
    expect(
      mergeHeaders({ Authorization: 'Bearer k', 'X-Keep': 'k' }, undefined, {
        AUTHORIZATION: null,
        'x-keep': undefined,
      }),
    ).toEqual({ 'x-keep': 'k' });
    expect(mergeHeaders({ a: 'x' }, { A: null }, { a: 'y' })).toEqual({ a: 'y' });
  });

  it('treats __proto__ as a header like any other', () => {
    const merged = mergeHeaders(JSON.parse('{"__proto__": "x"}'));
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});

// Over a real server, on every transport: whatever the case of each layer's names, one header arrives,
// with the later value. The server counts raw header lines (Node's `req.headers` would join or drop
// repeats and hide the bug).

let server: Server;
let baseURL: string;
let received: string[][] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request.rawHeaders);
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end('{"object":"list","data":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
});

/** Every value the last request carried for `name`, one per header line, whatever its case. */
function valuesOf(name: string): string[] {
  const raw = received.at(-1) ?? [];
  const values: string[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2)
    if (raw[index]?.toLowerCase() === name) values.push(raw[index + 1] as string);
  return values;
}

const hi = [{ role: 'user' as const, content: 'hi' }];

describe.each(TRANSPORTS)('one header per name over %s', (_name, createTransport) => {
  const make = (config: ConstructorParameters<typeof OpenAI>[1] = {}, key = 'sk-1') =>
    new OpenAI(key, { baseURL, transport: createTransport(), maxRetries: 0, ...config });

  it('a call’s content-type over the client’s Content-Type', async () => {
    const client = make({ defaultHeaders: { 'Content-Type': 'application/json; from=default' } });
    await client.createChatCompletion(hi, {}, { headers: { 'content-type': 'application/json; from=call' } });
    expect(valuesOf('content-type')).toEqual(['application/json; from=call']);
  });

  it('the body’s content type over a default one, and over a default Accept', async () => {
    const client = make({ defaultHeaders: { 'CONTENT-TYPE': 'text/plain', Accept: 'text/plain' } });
    await client.createChatCompletion(hi);
    expect(valuesOf('content-type')).toEqual(['application/json']);
    expect(valuesOf('accept')).toEqual(['application/json']);
  });

  it('a call’s header over a default of another case', async () => {
    const client = make({ defaultHeaders: { 'X-Team': 'default' } });
    await client.models({ headers: { 'x-TEAM': 'call' } });
    expect(valuesOf('x-team')).toEqual(['call']);
  });

  it('a call’s Accept over the request’s own', async () => {
    await make().models({ headers: { ACCEPT: 'application/x-custom' } });
    expect(valuesOf('accept')).toEqual(['application/x-custom']);
  });

  it('a call’s authorization over the key’s, and null removes it', async () => {
    const client = make();
    await client.models({ headers: { AUTHORIZATION: 'Bearer other' } });
    expect(valuesOf('authorization')).toEqual(['Bearer other']);
    await client.models({ headers: { authorization: null } });
    expect(valuesOf('authorization')).toEqual([]);
    await client.models();
    expect(valuesOf('authorization')).toEqual(['Bearer sk-1']);
  });

  it('Azure’s api-key: a call’s Api-Key wins', async () => {
    const azure = createClient('azure', 'az-key', { baseURL, transport: createTransport(), maxRetries: 0 });
    await azure.models({ headers: { 'Api-Key': 'other' } });
    expect(valuesOf('api-key')).toEqual(['other']);
  });

  it('a default OpenAI-Organization over the organization option', async () => {
    const client = make({ organization: 'org-1', defaultHeaders: { 'openai-ORGANIZATION': 'org-2' } });
    await client.models();
    expect(valuesOf('openai-organization')).toEqual(['org-2']);
  });

  it('a provider preset’s header: overridden by the config, removed by a call', async () => {
    const preset = {
      name: 'Mine',
      baseURL,
      defaultModel: 'm',
      apiKeyEnv: [],
      defaultHeaders: { 'X-Provider': 'preset', 'X-Drop': 'preset' },
    };
    const client = createClient(preset, 'k', {
      transport: createTransport(),
      defaultHeaders: { 'x-provider': 'config' },
    });
    await client.models({ headers: { 'x-drop': null } });
    expect(valuesOf('x-provider')).toEqual(['config']);
    expect(valuesOf('x-drop')).toEqual([]);
    const removed = createClient(preset, 'k', {
      transport: createTransport(),
      defaultHeaders: { 'X-PROVIDER': null },
    });
    await removed.models();
    expect(valuesOf('x-provider')).toEqual([]);
  });

  it('the Assistants beta header: a call may send another version', async () => {
    const client = make();
    await client.assistants();
    expect(valuesOf('openai-beta')).toEqual(['assistants=v2']);
    await client.threads(undefined, { headers: { 'OpenAI-Beta': 'assistants=v3' } });
    expect(valuesOf('openai-beta')).toEqual(['assistants=v3']);
  });

  it('request(): the same rules', async () => {
    const client = make({ defaultHeaders: { 'X-Trace': 'default' } });
    await client.request({ method: 'GET', path: '/models', headers: { 'x-trace': 'call', 'X-Other': 'o' } });
    expect(valuesOf('x-trace')).toEqual(['call']);
    expect(valuesOf('x-other')).toEqual(['o']);
  });
});

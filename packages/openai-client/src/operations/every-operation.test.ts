import { createMockTransport, type MockRequest } from '@wireai/testing';
import { describe, expect, it } from 'vitest';
import { OpenAI } from '../client.js';
import { OPERATION_KEYS } from '../test-support/operation-keys.js';

// Every one of the description's operations, at run time: call() sends its method to its path, each
// `{name}` filled with its (encoded) parameter, whatever the operation. The types are walked by
// call.test-d.ts; this proves the one runtime path they all share.

describe('call() sends every operation of the description to its path', () => {
  it.each(OPERATION_KEYS.map((key) => [key]))('%s', async (key) => {
    const seen: MockRequest[] = [];
    const transport = createMockTransport((request) => {
      seen.push(request);
      return { body: {} };
    });
    const client = new OpenAI('sk-test', { baseURL: 'http://api.test/v1', transport, maxRetries: 0 });
    const [method, template] = key.split(' ') as [string, string];
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((found) => found[1] as string);
    const path = Object.fromEntries(names.map((name) => [name, `${name} 1/x`]));
    const call = client.call as (key: string, params: unknown) => ReturnType<OpenAI['call']>;
    const result = await call.call(client, key, names.length > 0 ? { path } : {});
    expect(result.ok).toBe(true);
    const expected = template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(`${name} 1/x`));
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      `${method} http://api.test/v1${expected}`,
    ]);
  });
});

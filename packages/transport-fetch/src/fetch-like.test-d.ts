import nodeFetch from 'node-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type { FetchLike } from './fetch-like.js';
import { createFetchTransport } from './fetch-transport.js';

// The README's promise: node-fetch 3 and the runtime's fetch fit `FetchLike` as they are, no cast. vitest
// runs this file through tsc (typecheck in vitest.config.ts), so `pnpm test` fails if the types regress.
describe('FetchLike', () => {
  it('takes node-fetch 3 without a cast', () => {
    expectTypeOf(nodeFetch).toExtend<FetchLike>();
    expectTypeOf(createFetchTransport).toBeCallableWith({ fetch: nodeFetch });
    expectTypeOf(createFetchTransport).toBeCallableWith({ fetch: nodeFetch, init: { agent: undefined } });
  });

  it('takes the global fetch without a cast', () => {
    expectTypeOf(globalThis.fetch).toExtend<FetchLike>();
    expectTypeOf(createFetchTransport).toBeCallableWith({ fetch: globalThis.fetch });
  });

  it('types a hand-written fetch from the contextual FetchLike', () => {
    const fake: FetchLike = async (url, init) => {
      expectTypeOf(url).toEqualTypeOf<string>();
      expectTypeOf(init.method).toEqualTypeOf<string>();
      expectTypeOf(init.headers).toEqualTypeOf<Record<string, string>>();
      return { status: 204, statusText: 'No Content', headers: new Headers(), body: null };
    };
    expectTypeOf(createFetchTransport).toBeCallableWith({ fetch: fake });
  });
});

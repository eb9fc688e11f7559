import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { createUndiciTransport } from '@wireai/transport-undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { ValidationError } from './errors.js';
import { createClient, Gemini, OpenRouter } from './providers/provider-clients.js';

// Every public method of the client that returns a promise rejects on bad input: it never throws where it
// is called, so `client.deleteFile('..').catch(…)` catches. The walk covers every method of the prototype;
// a method added later without a row here fails the first test.

/** Bad arguments for each promise-returning method, each refused with a ValidationError. */
const BAD_ARGUMENTS: Record<string, unknown[]> = {
  request: [{ method: 'GET', path: 'models' }],
  call: ['GET /batches/{batch_id}', { path: { batch_id: '..' } }],
  createChatCompletion: [[]],
  chat: [[{ role: 'robot', content: 'x' }]],
  createResponse: [undefined],
  response: ['..'],
  deleteResponse: [''],
  cancelResponse: ['.'],
  completion: [''],
  embedding: [null],
  moderation: [undefined],
  models: [{ timeout: Number.NaN }],
  model: [''],
  files: [{ maxRetries: -1 }],
  file: ['..'],
  deleteFile: ['..'],
  uploadFile: [{}],
  assistants: [{ headers: 'x' }],
  threads: [{ signal: 1 }],
  threadMessages: ['..'],
  deleteThread: ['.'],
  imageGeneration: [{}],
};
/** The stream methods return an async iterable: a bad argument rejects its first `next()`. */
const STREAM_BAD_ARGUMENTS: Record<string, unknown[]> = {
  streamChatCompletion: [[]],
  streamResponse: [5],
};
/** The list methods: not `async` (they return a promise that is also iterable), but guarded the same. */
const LIST_METHODS = ['models', 'files', 'assistants', 'threads', 'threadMessages'];
/** Promise-returning methods that take no input. */
const NO_INPUT = ['transport'];
/** Not promise-returning: plain values. */
const SYNCHRONOUS = ['toString', 'toJSON'];

const methodNames = (prototype: object) =>
  Object.getOwnPropertyNames(prototype).filter(
    (name) =>
      name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === 'function',
  );
const PROMISE_METHODS = [...Object.keys(BAD_ARGUMENTS), ...NO_INPUT];

let mock: MockOpenAIServer;
beforeAll(async () => {
  mock = await startMockOpenAI();
});
afterAll(() => mock.close());

type Settled =
  | { threw: true; error: unknown }
  | { threw: false; kind: 'promise' | 'stream' | 'other'; error: unknown };

/** Calls `call` and tells how it failed: thrown on the spot, or rejected (a promise, or a stream's first `next()`). */
async function settle(call: () => unknown): Promise<Settled> {
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    return { threw: true, error };
  }
  if (returned instanceof Promise)
    return {
      threw: false,
      kind: 'promise',
      error: await returned.then(
        () => undefined,
        (e) => e,
      ),
    };
  if (returned && typeof returned === 'object' && Symbol.asyncIterator in returned) {
    const iterator = returned as unknown as AsyncIterableIterator<unknown>;
    const error = await iterator.next().then(
      () => undefined,
      (e: unknown) => e,
    );
    // Failed once, then done: a second next() neither hangs nor rejects again.
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    return { threw: false, kind: 'stream', error };
  }
  return { threw: false, kind: 'other', error: undefined };
}

describe('the walk covers the whole client', () => {
  it('every method of the prototype is classified here', () => {
    expect(methodNames(OpenAI.prototype).sort()).toEqual(
      [...PROMISE_METHODS, ...Object.keys(STREAM_BAD_ARGUMENTS), ...SYNCHRONOUS].sort(),
    );
  });

  it('provider clients add no methods of their own (they inherit the walked ones)', () => {
    for (const Client of [Gemini, OpenRouter]) {
      expect(methodNames(Client.prototype)).toEqual([]);
    }
    // createClient's client is a plain OpenAI: the walked prototype itself.
    expect(Object.getPrototypeOf(createClient('groq'))).toBe(OpenAI.prototype);
  });

  it.each(PROMISE_METHODS.filter((name) => !LIST_METHODS.includes(name)))(
    '%s is async, so whatever goes wrong in it rejects',
    (name) => {
      const method = (OpenAI.prototype as unknown as Record<string, unknown>)[name] as () => unknown;
      expect(method.constructor.name).toBe('AsyncFunction');
    },
  );
});

const CLIENTS: Array<[name: string, make: (baseURL: string) => OpenAI]> = [
  ['OpenAI', (baseURL) => new OpenAI('k', { baseURL, transport: createUndiciTransport() })],
  ['Gemini', (baseURL) => new Gemini('k', { baseURL, transport: createUndiciTransport() })],
  ['OpenRouter', (baseURL) => new OpenRouter('k', { baseURL, transport: createUndiciTransport() })],
  [
    'createClient(azure)',
    (baseURL) => createClient('azure', 'k', { baseURL, transport: createUndiciTransport() }),
  ],
];

describe.each(CLIENTS)('%s: bad input rejects, never throws', (_name, make) => {
  let client: OpenAI;
  beforeAll(() => {
    client = make(mock.baseURL);
  });
  const call = (name: string, args: unknown[], detached = false) => {
    const method = (OpenAI.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    return method?.apply(detached ? undefined : client, args);
  };

  it.each(Object.entries(BAD_ARGUMENTS))('%s(bad) returns a rejected promise', async (name, args) => {
    const before = mock.requests.length;
    const settled = await settle(() => call(name, args));
    expect(settled.threw, `${name} threw synchronously: ${String(settled.error)}`).toBe(false);
    expect(settled.threw === false && settled.kind).toBe('promise');
    expect(ValidationError.isInstance(settled.error), String(settled.error)).toBe(true);
    expect(mock.requests.length).toBe(before);
  });

  it.each(Object.entries(STREAM_BAD_ARGUMENTS))(
    '%s(bad) returns a stream whose first next() rejects',
    async (name, args) => {
      const before = mock.requests.length;
      const settled = await settle(() => call(name, args));
      expect(settled.threw, `${name} threw synchronously: ${String(settled.error)}`).toBe(false);
      expect(settled.threw === false && settled.kind).toBe('stream');
      expect(ValidationError.isInstance(settled.error), String(settled.error)).toBe(true);
      expect(mock.requests.length).toBe(before);
    },
  );

  // A method taken off its client (`const { models } = client`) has no `this`: a TypeError, rejected too.
  it.each([...PROMISE_METHODS, ...Object.keys(STREAM_BAD_ARGUMENTS)])(
    '%s called detached rejects',
    async (name) => {
      const before = mock.requests.length;
      const args = BAD_ARGUMENTS[name] ?? STREAM_BAD_ARGUMENTS[name] ?? [];
      const settled = await settle(() => call(name, args, true));
      expect(settled.threw, `${name} threw synchronously: ${String(settled.error)}`).toBe(false);
      expect(settled.error).toBeInstanceOf(Error);
      if (NO_INPUT.includes(name)) expect(settled.error).toBeInstanceOf(TypeError);
      expect(mock.requests.length).toBe(before);
    },
  );

  it('.catch() catches what a bad call reports', async () => {
    const caught = await client.deleteFile('..').catch((error: unknown) => error);
    expect(ValidationError.isInstance(caught)).toBe(true);
  });

  it('transport() resolves the transport the client sends with', async () => {
    expect((await client.transport()).name).toBe('undici');
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sinks, WireaiError } from '@wireai/core';
import { describe, expect, it } from 'vitest';
import { type Cassette, CassetteError, replayTransport } from './index.js';

const valid = (): Cassette => ({
  version: 1,
  interactions: [
    {
      request: { method: 'GET', url: 'http://api.mock.test/v1/models', headers: {}, body: null },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        statusLine: 'HTTP/1.1 200 OK',
        chunks: [{ text: '{"object":' }, { base64: Buffer.from('"list"}').toString('base64'), delayMs: 3 }],
      },
    },
    {
      request: {
        method: 'POST',
        url: 'http://api.mock.test/v1/chat/completions',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
      error: { code: 'CONNECTION_RESET', message: 'gone' },
    },
  ],
});

/** Writes `content` as a fixture file and returns its path, as a test would name it. */
function fixture(content: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'wireai-corrupt-')), 'tests', 'fixtures');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'x.json');
  writeFileSync(file, content);
  return file;
}

type Loose = Record<string, Record<string, unknown>>;

/** The valid cassette with interaction 1 replaced by `edit` of a copy of interaction 0 (any JSON at all). */
function withSecond(edit: (interaction: Loose) => unknown): string {
  const cassette = valid() as unknown as { interactions: unknown[] };
  cassette.interactions[1] = edit(structuredClone(cassette.interactions[0]) as Loose);
  return JSON.stringify(cassette);
}

function thrown(run: () => unknown): CassetteError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CassetteError);
    expect(CassetteError.isInstance(error)).toBe(true);
    expect(WireaiError.isInstance(error)).toBe(true);
    return error as CassetteError;
  }
  throw new Error('no error thrown');
}

describe('a corrupt cassette', () => {
  const rows: Array<[name: string, content: string, interaction: number | undefined, message: string]> = [
    ['not JSON', '{"version": 1, "interactions": [', undefined, 'is not JSON: '],
    [
      'an array',
      '[]',
      undefined,
      'must be an object like { "version": 1, "interactions": [...] }, got an array',
    ],
    ['null', 'null', undefined, 'must be an object like { "version": 1, "interactions": [...] }, got null'],
    ['another version', JSON.stringify({ ...valid(), version: 2 }), undefined, '"version" must be 1, got 2'],
    ['no interactions', JSON.stringify({ version: 1 }), undefined, '"interactions" is missing'],
    [
      'interactions not an array',
      JSON.stringify({ version: 1, interactions: { 0: {} } }),
      undefined,
      '"interactions" must be an array of interactions, got an object',
    ],
    ['a null interaction', withSecond(() => null), 1, 'interaction 1: must be an object, got null'],
    ['a number for an interaction', withSecond(() => 7), 1, 'interaction 1: must be an object, got 7'],
    ['no request', withSecond(({ response }) => ({ response })), 1, 'interaction 1: "request" is missing'],
    [
      'a bad url',
      withSecond((it) => ({ ...it, request: { ...it.request, url: 'not a url' } })),
      1,
      'interaction 1: "request.url" must be an absolute http(s) URL, got "not a url"',
    ],
    [
      'a url of another scheme',
      withSecond((it) => ({ ...it, request: { ...it.request, url: 'file:///etc/passwd' } })),
      1,
      '"request.url" must be an absolute http(s) URL, got "file:///etc/passwd"',
    ],
    [
      'no url',
      withSecond((it) => ({ ...it, request: { ...it.request, url: undefined } })),
      1,
      'interaction 1: "request.url" is missing',
    ],
    [
      'a method with a space',
      withSecond((it) => ({ ...it, request: { ...it.request, method: 'GE T' } })),
      1,
      'interaction 1: "request.method" must be an HTTP method, got "GE T"',
    ],
    [
      'a number for a method',
      withSecond((it) => ({ ...it, request: { ...it.request, method: 5 } })),
      1,
      '"request.method" must be a string, got 5',
    ],
    [
      'a header value that is not a string',
      withSecond((it) => ({ ...it, request: { ...it.request, headers: { 'x-count': 5 } } })),
      1,
      'interaction 1: "request.headers.x-count" must be a string, got 5',
    ],
    [
      'headers as an array',
      withSecond((it) => ({ ...it, response: { ...it.response, headers: [['a', 'b']] } })),
      1,
      '"response.headers" must be an object of header names to strings, got an array',
    ],
    [
      'a body that is a number',
      withSecond((it) => ({ ...it, request: { ...it.request, body: 5 } })),
      1,
      '"request.body" must be a string, got 5',
    ],
    [
      'a base64 body that is not base64',
      withSecond((it) => ({ ...it, request: { ...it.request, body: '***', bodyEncoding: 'base64' } })),
      1,
      '"request.body" must be base64 (bodyEncoding is "base64")',
    ],
    [
      'a status that is not whole',
      withSecond((it) => ({ ...it, response: { ...it.response, status: 200.5 } })),
      1,
      'interaction 1: "response.status" must be a whole number, got 200.5',
    ],
    [
      'a status as a string',
      withSecond((it) => ({ ...it, response: { ...it.response, status: '200' } })),
      1,
      '"response.status" must be an HTTP status, got "200"',
    ],
    [
      'a status out of range',
      withSecond((it) => ({ ...it, response: { ...it.response, status: 42 } })),
      1,
      '"response.status" must be an HTTP status (100 to 599), got 42',
    ],
    [
      'chunks: 5',
      withSecond((it) => ({ ...it, response: { ...it.response, chunks: 5 } })),
      1,
      'interaction 1: "response.chunks" must be an array of chunks, got 5',
    ],
    [
      'a chunk that is a bare string',
      withSecond((it) => ({ ...it, response: { ...it.response, chunks: ['data'] } })),
      1,
      '"response.chunks[0]" must be an object with "text" or "base64", got "data"',
    ],
    [
      'an empty chunk',
      withSecond((it) => ({ ...it, response: { ...it.response, chunks: [{ text: 'a' }, {}] } })),
      1,
      '"response.chunks[1]" must have "text" or "base64"',
    ],
    [
      'a chunk with bad base64',
      withSecond((it) => ({ ...it, response: { ...it.response, chunks: [{ base64: '!!' }] } })),
      1,
      '"response.chunks[0].base64" must be base64, got "!!"',
    ],
    [
      'a negative delay',
      withSecond((it) => ({ ...it, response: { ...it.response, chunks: [{ text: 'a', delayMs: -1 }] } })),
      1,
      '"response.chunks[0].delayMs" must be 0 or more, got -1',
    ],
    [
      'no status line',
      withSecond((it) => ({ ...it, response: { ...it.response, statusLine: undefined } })),
      1,
      '"response.statusLine" is missing',
    ],
    [
      'an unknown failure code',
      withSecond(({ request }) => ({ request, error: { code: 'EXPLODED', message: 'x' } })),
      1,
      'interaction 1: "error.code" must be one of ABORTED, TIMEOUT, CONNECTION_REFUSED',
    ],
    [
      'a failure that is a string',
      withSecond(({ request }) => ({ request, error: 'timeout' })),
      1,
      '"error" must be an object, got "timeout"',
    ],
  ];

  it.each(rows)(
    '%s: a CassetteError naming the file and the interaction',
    (_name, content, index, message) => {
      const file = fixture(content);
      const error = thrown(() => replayTransport(file));
      expect(error.message).toContain(`cassette ${file}: `);
      expect(error.message).toContain(message);
      expect(error.file).toBe(file);
      expect(error.interaction).toBe(index);
      expect(error.issues.length).toBeGreaterThan(0);
    },
  );

  it('reports the first bad interaction and counts the rest', () => {
    const cassette = valid() as unknown as { interactions: unknown[] };
    cassette.interactions.push(null, { request: 5 });
    const error = thrown(() => replayTransport(fixture(JSON.stringify(cassette))));
    expect(error.message).toMatch(/: interaction 2: must be an object, got null \(and 1 more\)$/);
    expect(error.issues.map((issue) => [issue.interaction, issue.path])).toEqual([
      [2, ''],
      [3, 'request'],
    ]);
  });

  it('names a file that cannot be read, keeping the cause', () => {
    const file = join(tmpdir(), 'wireai-no-such-dir', 'missing.json');
    const error = thrown(() => replayTransport(file));
    expect(error.message).toContain(`cassette ${file}: cannot be read: ENOENT`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('checks a cassette given as an object too', () => {
    const cassette = valid() as unknown as { interactions: Array<{ response?: { chunks: unknown } }> };
    (cassette.interactions[0]?.response as { chunks: unknown }).chunks = 5;
    const error = thrown(() => replayTransport(cassette as never));
    expect(error.message).toBe(
      'cassette object given: interaction 0: "response.chunks" must be an array of chunks, got 5',
    );
  });

  it('replays the valid cassette the rows start from', async () => {
    const replayer = replayTransport(fixture(JSON.stringify(valid())));
    const body = sinks.collect();
    const head = await replayer.request({
      method: 'GET',
      url: 'http://api.mock.test/v1/models',
      headers: {},
      sink: body.sink,
    });
    expect(head.status).toBe(200);
    expect(body.json()).toEqual({ object: 'list' });
  });
});

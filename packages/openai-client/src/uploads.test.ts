import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { ValidationError } from './errors.js';
import { openFile as openFilePortable } from './file-reader.portable.js';
import { TRANSPORTS } from './test-support/transports.js';
import { toFile } from './uploads/uploadable.js';

/** Every byte value, so a transport that re-encodes anything as text shows it. */
const BINARY = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) % 256);

/** What the server parsed out of the multipart body: the file part's name, type and bytes, and the purpose. */
interface Received {
  filename: string;
  type: string;
  bytes: Uint8Array;
  purpose: string;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wireai-upload-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(TRANSPORTS)('uploadFile over %s: what the server receives', (_name, createTransport) => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  let received: Received[];
  beforeAll(async () => {
    mock = await startMockOpenAI({ apiKey: 'sk-test' });
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: createTransport(), maxRetries: 0 });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  /** Records the multipart body the server got, parsed by the platform's FormData, then lets the mock answer. */
  function capture(): void {
    received = [];
    mock.handle('POST /files', async ({ raw }) => {
      const form = await new Response(raw.body, {
        headers: { 'content-type': raw.headers['content-type'] ?? '' },
      }).formData();
      const file = form.get('file') as File;
      received.push({
        filename: file.name,
        type: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
        purpose: String(form.get('purpose')),
      });
      return undefined; // the mock's own answer
    });
  }

  async function upload(params: Parameters<OpenAI['uploadFile']>[0]): Promise<Received> {
    capture();
    const result = await client.uploadFile(params, { throwOnError: true });
    expect(result.body.filename).toBe(received[0]?.filename);
    expect(received).toHaveLength(1);
    return received[0] as Received;
  }

  it('a File: its name and type', async () => {
    const got = await upload({
      purpose: 'assistants',
      data: new File([BINARY], 'notes.md', { type: 'text/markdown' }),
    });
    expect(got).toEqual({
      filename: 'notes.md',
      type: 'text/markdown',
      bytes: BINARY,
      purpose: 'assistants',
    });
  });

  it('a Blob: its type, the name given', async () => {
    const got = await upload({
      purpose: 'vision',
      data: new Blob([BINARY], { type: 'image/png' }),
      filename: 'cat',
    });
    expect(got).toMatchObject({ filename: 'cat', type: 'image/png', bytes: BINARY });
  });

  it('bytes (a Buffer too): the type from the name’s extension', async () => {
    expect(await upload({ purpose: 'batch', data: BINARY, filename: 'requests.jsonl' })).toMatchObject({
      filename: 'requests.jsonl',
      type: 'application/jsonl',
      bytes: BINARY,
    });
    expect(await upload({ purpose: 'batch', data: Buffer.from(BINARY), filename: 'blob.bin' })).toMatchObject(
      { type: 'application/octet-stream', bytes: BINARY },
    );
    expect(
      await upload({ purpose: 'batch', data: BINARY.buffer as ArrayBuffer, filename: 'x.PDF' }),
    ).toMatchObject({ type: 'application/pdf', bytes: BINARY });
  });

  it('text as UTF-8, with the name and type given', async () => {
    const got = await upload({
      purpose: 'assistants',
      data: 'héllo ☃',
      filename: 'greeting',
      contentType: 'text/plain; charset=utf-8',
    });
    expect(got.type).toBe('text/plain; charset=utf-8');
    expect(new TextDecoder().decode(got.bytes)).toBe('héllo ☃');
  });

  it('a ReadableStream and an async iterable (a Node Readable), their chunks joined', async () => {
    const chunks = [BINARY.subarray(0, 100), BINARY.subarray(100, 900), BINARY.subarray(900)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    expect(await upload({ purpose: 'assistants', data: stream, filename: 'data.csv' })).toMatchObject({
      type: 'text/csv',
      bytes: BINARY,
    });
    const path = join(dir, 'readable.bin');
    await writeFile(path, BINARY);
    expect(
      await upload({ purpose: 'assistants', data: createReadStream(path), filename: 'r.bin' }),
    ).toMatchObject({ bytes: BINARY });
  });

  it('a file path: streamed from disk, the name its basename, the type its extension', async () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) % 251;
    const path = join(dir, 'report.pdf');
    await writeFile(path, big);
    const got = await upload({ purpose: 'user_data', path });
    expect(got.filename).toBe('report.pdf');
    expect(got.type).toBe('application/pdf');
    expect(got.bytes.length).toBe(big.length);
    expect(Buffer.compare(Buffer.from(got.bytes), Buffer.from(big))).toBe(0);
    expect((await upload({ purpose: 'user_data', path, filename: 'renamed.txt' })).type).toBe('text/plain');
  });

  it('toFile: content, name and type travel as one value; the call’s own win', async () => {
    expect(await upload({ purpose: 'assistants', data: toFile(BINARY, 'table.csv') })).toMatchObject({
      filename: 'table.csv',
      type: 'text/csv',
      bytes: BINARY,
    });
    expect(
      await upload({
        purpose: 'assistants',
        data: toFile(new Blob(['x']), 'a.txt', { contentType: 'text/x-a' }),
        filename: 'b.md',
      }),
    ).toMatchObject({ filename: 'b.md', type: 'text/x-a' });
  });

  it('bytes are retried after a 429; a stream is sent once', async () => {
    capture();
    const retrying = new OpenAI('sk-test', {
      baseURL: mock.baseURL,
      transport: createTransport(),
      maxRetries: 1,
    });
    mock.fault({ status: 429, retryAfterMs: 1 });
    expect((await retrying.uploadFile({ purpose: 'batch', data: BINARY, filename: 'a.jsonl' })).ok).toBe(
      true,
    );
    mock.fault({ status: 429, retryAfterMs: 1 });
    const streamed = await retrying.uploadFile({ purpose: 'batch', data: new Blob([BINARY]), filename: 'b' });
    expect(streamed).toMatchObject({ ok: false, status: 429 });
  });
});

describe.each(TRANSPORTS)('a streamed upload is sent as it is read, over %s', (_name, createTransport) => {
  let server: Server;
  let firstBytes: Promise<void>;
  beforeAll(async () => {
    server = createServer((request, response) => {
      let total = 0;
      request.on('data', (chunk: Buffer) => {
        total += chunk.length;
      });
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ id: 'file-1', object: 'file', bytes: total }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the server has the first chunk before the source gives the last one', async () => {
    firstBytes = new Promise<void>((resolve) => {
      server.once('request', (request) => request.once('data', () => resolve()));
    });
    const client = new OpenAI('sk', {
      baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
      transport: createTransport(),
    });
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulls++;
        if (pulls === 1) controller.enqueue(new Uint8Array(64 * 1024).fill(1));
        else {
          // Buffering the whole file first would wait here forever: the server has nothing yet.
          await firstBytes;
          controller.enqueue(new Uint8Array(10).fill(2));
          controller.close();
        }
      },
    });
    const result = await client.uploadFile({ purpose: 'batch', data: stream, filename: 'big.jsonl' });
    expect(result.ok && result.body.bytes).toBeGreaterThan(64 * 1024 + 10);
  });
});

describe('bad uploads are refused before anything is sent', () => {
  let mock: MockOpenAIServer;
  let client: OpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI();
    client = new OpenAI('sk-test', { baseURL: mock.baseURL, transport: 'fetch' });
  });
  afterAll(() => mock.close());

  const locked = () => {
    const stream = new ReadableStream<Uint8Array>();
    stream.getReader();
    return stream;
  };

  it.each([
    ['no data and no path', { purpose: 'batch' }, 'data', /required/],
    ['data and a path', { purpose: 'batch', data: 'x', path: '/tmp/x', filename: 'x' }, 'path', /not both/],
    ['a number as data', { purpose: 'batch', data: 42, filename: 'x' }, 'data', /got 42/],
    ['bytes without a name', { purpose: 'batch', data: new Uint8Array(1) }, 'filename', /cannot be inferred/],
    ['a stream without a name', { purpose: 'batch', data: new ReadableStream() }, 'filename', /required/],
    ['an empty path', { purpose: 'batch', path: '' }, 'path', /expected a file path/],
    ['no purpose', { data: 'x', filename: 'x' }, 'purpose', /required/],
    [
      'a content type with a line break',
      { purpose: 'batch', data: 'x', filename: 'x', contentType: 'text/plain\r\nx-evil: 1' },
      'contentType',
      /content type/,
    ],
    ['a locked stream', { purpose: 'batch', data: locked(), filename: 'x' }, 'data', /locked/],
    ['a missing file', { purpose: 'batch', path: '/nonexistent/wireai/x.jsonl' }, 'path', /no such file/],
  ])('%s', async (_label, params, path, message) => {
    const before = mock.requestCount;
    const error = await client.uploadFile(params as never).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error), String(error)).toBe(true);
    expect((error as ValidationError).issues[0]?.path).toBe(path);
    expect((error as ValidationError).issues[0]?.message).toMatch(message);
    expect(mock.requestCount).toBe(before);
  });

  it('a directory is not a file', async () => {
    const error = await client.uploadFile({ purpose: 'batch', path: dir }).catch((e: unknown) => e);
    expect((error as ValidationError).issues[0]?.message).toMatch(/not a file/);
  });

  it('toFile refuses content it cannot send, at once', () => {
    expect(() => toFile(5 as never, 'x')).toThrow(ValidationError);
    expect(() => toFile('x', '')).toThrow(/filename: expected a non-empty string/);
  });

  it('the portable build (workers, browsers) cannot read a path: it says what to pass instead', async () => {
    await expect(openFilePortable('/x')).rejects.toMatchObject({ code: 'ENOSYS' });
  });
});

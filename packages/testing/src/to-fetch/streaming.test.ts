import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toFetch } from '@wireai/core';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { textStream } from '../provider-streams/stream-server.js';
import { TRANSPORTS } from '../test-support/transports.js';

// A raw server that sends the first event of a stream, then holds the rest until the test says so: the
// client can only finish if it saw the first delta while the response was still open.
let baseURL: string;
interface Held {
  response: ServerResponse;
  closed: Promise<void>;
}
let held: Held | undefined;
let arrived: (held: Held) => void;
let heldResponse: Promise<Held>;
const [first, rest] = (() => {
  const body = textStream('Hello from a stream that arrives in parts');
  const cut = body.indexOf('\n\n') + 2;
  return [body.slice(0, cut), body.slice(cut)];
})();

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(first);
    const closed = new Promise<void>((resolve) => response.on('close', () => resolve()));
    arrived({ response, closed });
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
beforeEach(() => {
  held = undefined;
  heldResponse = new Promise((resolve) => {
    arrived = (value) => {
      held = value;
      resolve(value);
    };
  });
});

describe.each(TRANSPORTS)('openai-node streaming through toFetch over %s', (_name, createTransport) => {
  const client = () =>
    new OpenAI({ apiKey: 'sk-test', baseURL, fetch: toFetch(createTransport()), maxRetries: 0 });

  it('yields the first delta while the server still holds the rest of the stream', async () => {
    const stream = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      // Only a client that streams gets here before the end: the rest is sent on its first delta.
      if (held && !held.response.writableEnded) held.response.end(rest);
    }
    expect(text).toBe('Hello from a stream that arrives in parts');
  });

  it('aborting mid-stream closes the connection the server holds', async () => {
    const controller = new AbortController();
    const stream = await client().chat.completions.create(
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true },
      { signal: controller.signal },
    );
    const seen: string[] = [];
    const reading = (async () => {
      for await (const chunk of stream) {
        seen.push(chunk.choices[0]?.delta.content ?? '');
        controller.abort();
      }
    })();
    // openai-node ends a stream quietly on an AbortError (what fetch's body errors with): no more chunks.
    await reading;
    expect(seen).toHaveLength(1);
    // The test finishes only once the server saw the connection go: the abort reached the transport.
    await (await heldResponse).closed;
  });
});

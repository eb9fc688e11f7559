import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSseDecoder } from '@wireai/core';

/** A raw node:http server on 127.0.0.1 answering each POST with the next scripted event stream. */
export interface StreamServer {
  readonly baseURL: string;
  /** The JSON bodies of the requests received, in order. */
  readonly requests: Array<Record<string, unknown>>;
  /** Queues event-stream bodies, answered one per request in order (the last one repeats). */
  serve(...bodies: string[]): void;
  close(): Promise<void>;
}

/** Starts a `StreamServer`; every request gets `text/event-stream`, written as one body. */
export async function startStreamServer(): Promise<StreamServer> {
  const requests: Array<Record<string, unknown>> = [];
  let queue: string[] = [];
  const server: Server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      requests.push(JSON.parse(Buffer.concat(parts).toString('utf8') || '{}'));
      const body = queue.length > 1 ? (queue.shift() as string) : (queue[0] ?? 'data: [DONE]\n\n');
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    serve(...bodies) {
      queue = bodies;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The JSON events of an event-stream body, `[DONE]` left out: a fixture as a list of chunks. */
export function eventsOf<E = unknown>(sse: string): E[] {
  const events: E[] = [];
  const decoder = createSseDecoder({
    onEvent: ({ data }) => {
      if (data !== '[DONE]') events.push(JSON.parse(data) as E);
    },
  });
  decoder.pushText(sse);
  decoder.end();
  return events;
}
